// Cloud Run and Lambda deploys a workflow makes become targets, each pulling the one image its deploy names,
// at the line of the deploy step; that image joins the checked images as pushed images do. A deploy whose
// image is not known, or that is not a target pullcheck can check, is a finding there instead.
import { targetList as validateTargetList } from '../core/config/generated/target-list-validator.ts';
import type { TargetInput } from '../core/config/schema.ts';
import { schemaProblems, type PrecompiledValidator } from '../core/config/validate.ts';
import { ImageReferenceError, parseImageReference, type RegistryLocator } from '../core/image-reference.ts';
import type { ReportFinding } from '../core/verdict.ts';
import type { DeployTarget } from './deploy-targets.ts';
import { discoveryFinding } from './findings.ts';
import type { DiscoveredImage } from './workflow-images.ts';
import { destinationOf, safeText } from './workflows/index.ts';
import type { FoundServerless } from './workflows/serverless-sites.ts';
import { shown } from './workflows/text.ts';

interface ServerlessDiscovery {
  readonly images: DiscoveredImage[];
  readonly targets: DeployTarget[];
  readonly findings: ReportFinding[];
}

export function serverlessTargetsOf(
  deploys: readonly FoundServerless[],
  locate: RegistryLocator,
): ServerlessDiscovery {
  const found: ServerlessDiscovery = { images: [], targets: [], findings: [] };
  for (const deploy of deploys) {
    const problem = (message: string) =>
      found.findings.push(
        discoveryFinding('discovery', 'medium', deploy.where, safeText(`${deploy.via} ${message}`, 600)),
      );
    const image = destinationOf(deploy.image);
    const shownImage = safeText(shown(deploy.image), 200);
    if (image === undefined) {
      problem(`deploys to ${describe(deploy)} with an empty image`);
      continue;
    }
    if (typeof image !== 'string') {
      problem(
        `deploys \`${shownImage}\` to ${describe(deploy)}, which needs \`${safeText(image.need, 200)}\`${image.hint ? ` (${safeText(image.hint, 200)})` : ''}: declare the target in the config with the image it deploys`,
      );
      continue;
    }
    try {
      parseImageReference(image, locate);
    } catch (error) {
      if (!(error instanceof ImageReferenceError)) throw error;
      problem(`deploys to ${describe(deploy)}: ${error.message}`);
      continue;
    }
    const target = targetOf(deploy, image);
    const at = () => deploy.where;
    const [invalid] = schemaProblems([target], validateTargetList as PrecompiledValidator, {
      locate: at,
      locateKey: at,
    });
    if (invalid) {
      problem(
        `deploys to ${describe(deploy)}, which is not a target pullcheck can check (${invalid.message}): declare the target in the config`,
      );
      continue;
    }
    const origin = { file: deploy.where.file, line: deploy.where.line, via: deploy.via };
    found.images.push({ reference: image, origin });
    found.targets.push({ target: target as TargetInput, origin });
  }
  return found;
}

function targetOf(deploy: FoundServerless, image: string): Record<string, unknown> {
  if (deploy.platform === 'cloud-run') {
    const { name, project, region, kind } = deploy;
    return {
      // A name known only at run time: the target is named after the project it deploys to.
      name: name ?? `cloud-run-${project}`,
      platform: 'cloud-run',
      project,
      ...(region ? { region } : {}),
      ...(name ? { [kind]: name } : {}),
      images: [image],
    };
  }
  const { function: name, region, account } = deploy;
  return {
    name: name ?? `lambda-${account ?? 'function'}-${region}`,
    platform: 'lambda',
    ...(name ? { function: name } : {}),
    region,
    ...(account ? { account } : {}),
    images: [image],
  };
}

/** The deploy in a finding: the workflow's values escaped and bounded. */
function describe(deploy: FoundServerless): string {
  const v = (text: string) => safeText(text, 200);
  if (deploy.platform === 'cloud-run')
    return `Cloud Run ${deploy.kind}${deploy.name ? ` ${v(deploy.name)}` : ''} (${v(deploy.project)}${deploy.region ? `, ${v(deploy.region)}` : ''})`;
  return `Lambda function${deploy.function ? ` ${v(deploy.function)}` : ''} (${v(deploy.region)})`;
}
