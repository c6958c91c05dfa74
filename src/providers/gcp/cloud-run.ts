// Cloud Run services and jobs: Cloud Run imports the image when it is deployed, as the Cloud Run service agent
// of the project it runs in, service-PROJECT_NUMBER@serverless-robot-prod.iam.gserviceaccount.com.
// Sources:
// - Cloud Run, "Deploying container images" (https://cloud.google.com/run/docs/deploying): "Supported container
//   registries and images" (Artifact Registry, or public images from Docker Hub or GitHub Container Registry)
//   and "Deploying images from other Google Cloud projects" (grant the service agent Artifact Registry Reader);
// - Artifact Registry, "Deploying to Cloud Run" (https://cloud.google.com/artifact-registry/docs/integrate-cloud-run):
//   "If your repositories are in a different project, you must grant Artifact Registry Reader permissions to
//   the Cloud Run Service Agent";
// - Artifact Registry, "Deploy to Google Cloud" (https://cloud.google.com/artifact-registry/docs/deploy): "Google
//   Cloud runtime environments are preconfigured with access to repositories in the same project".
import type { TargetInput } from '../../core/config/schema.ts';
import type { ImageReference } from '../../core/image-reference.ts';
import type { PullQuestion, TargetPrincipal } from '../../core/provider.ts';
import { allowed, unknown, type Verdict } from '../../core/verdict.ts';
import type { GcpFacts } from './facts.ts';
import { googleOperatedHost, googleOperatedPull } from './google-hosts.ts';
import { SERVICE_ACCOUNT } from './index.ts';
import { denyPoliciesFor } from './deny-policies.ts';
import { evaluateGooglePull } from './pull-rule.ts';
import { pullResource } from './resources.ts';
import { evaluateRestrictions, VPC_SERVICE_CONTROLS } from './restrictions.ts';
import { googleLocationOf, type GoogleLocation } from './registry.ts';

export const CLOUD_RUN_DOC = 'https://cloud.google.com/run/docs/deploying';
const OTHER_PROJECTS_DOC = 'https://cloud.google.com/artifact-registry/docs/integrate-cloud-run';
const SAME_PROJECT_DOC = 'https://cloud.google.com/artifact-registry/docs/deploy';
/** Registries Cloud Run pulls public images from directly ("Supported container registries and images"). */
const PUBLIC_ONLY_HOSTS = new Map([
  ['docker.io', 'Docker Hub'],
  ['ghcr.io', 'GitHub Container Registry'],
]);

type CloudRunTarget = Extract<TargetInput, { platform: 'cloud-run' }>;

export function cloudRunAgent(projectNumber: string): string {
  return `service-${projectNumber}@serverless-robot-prod.iam.gserviceaccount.com`;
}

export function cloudRunPrincipals(
  target: CloudRunTarget,
  image: ImageReference,
  facts: GcpFacts,
): TargetPrincipal[] {
  const registry = googleLocationOf(image);
  if (!registry) {
    // publicImages decides these before the rule: Docker Hub, GitHub's registry, Google-operated hosts.
    if (PUBLIC_ONLY_HOSTS.has(image.host) || googleOperatedHost(image.host) !== undefined) {
      return [{ principal: `cloud-run:${target.name}` }];
    }
    return [{ principal: `cloud-run:${target.name}`, unnamed: unsupportedRegistry(image) }];
  }
  const number = projectNumberOf(target, facts);
  if (number !== undefined) {
    return [
      {
        principal: `${SERVICE_ACCOUNT}${cloudRunAgent(number)}`,
        reasons: [
          `Cloud Run imports the image at deploy time as the Cloud Run service agent of project ${target.project ?? number} (${CLOUD_RUN_DOC})`,
        ],
      },
    ];
  }
  // The agent needs no name when the image is in the service's own project: that pull is granted by default.
  if (sameProject(target, registry, facts) === 'yes') return [{ principal: `cloud-run:${target.name}` }];
  return [{ principal: `cloud-run:${target.name}`, unnamed: unknown([agentUnknown(target, facts)]) }];
}

export function decideCloudRunPull(question: PullQuestion, facts: GcpFacts): Verdict | undefined {
  const { image, target, principal } = question;
  if (target.platform !== 'cloud-run') return undefined;
  const registry = googleLocationOf(image);
  if (!registry) {
    const name = PUBLIC_ONLY_HOSTS.get(image.host);
    return name === undefined ? otherRegistry(image) : publicOnly(image, name);
  }
  const same = sameProject(target, registry, facts);
  if (same === 'yes') return sameProjectPull(registry, principal, target, facts);
  if (!principal.startsWith(SERVICE_ACCOUNT)) return unknown([agentUnknown(target, facts)]);
  const verdict = evaluateGooglePull(registry, principal.slice(SERVICE_ACCOUNT.length), facts);
  const crossProject = `the image is in project ${registry.project}, another project than the Cloud Run ${what(target)}'s: its service agent needs Artifact Registry Reader on the repository (${OTHER_PROJECTS_DOC})`;
  if (same === 'unknown' && verdict.verdict !== 'allowed') {
    // In its own project the agent would read the image by default: which project runs it decides.
    return unknown([
      ...verdict.reasons,
      `unknown: the project id of Cloud Run target ${target.name} is not known, and an image in its own project is readable by default: set \`project\` on the target`,
    ]);
  }
  return { ...verdict, reasons: [crossProject, ...verdict.reasons] };
}

/** Readable by default, unless a deny policy (checked before any allow) or a boundary takes it away. */
function sameProjectPull(
  registry: GoogleLocation,
  principal: string,
  target: CloudRunTarget,
  facts: GcpFacts,
): Verdict {
  const byDefault = `the image is in project ${registry.project}, where the Cloud Run ${what(target)} runs: its service agent reads it by default ("Google Cloud runtime environments are preconfigured with access to repositories in the same project", ${SAME_PROJECT_DOC})`;
  const resource = pullResource(registry, facts);
  if (!principal.startsWith(SERVICE_ACCOUNT)) {
    const { denying, unknownBecause, assumed } = denyPoliciesFor(resource, facts);
    const reasons = [byDefault, ...assumed, VPC_SERVICE_CONTROLS(resource.project)];
    const undecided = [
      ...denying.map(
        (policy) =>
          `unknown: deny policy ${policy} denies ${resource.permission} and may name the service agent: ${agentUnknown(target, facts)}`,
      ),
      ...unknownBecause.map((why) => `unknown: ${why}`),
    ];
    return undecided.length === 0 ? allowed(reasons) : unknown([...reasons, ...undecided]);
  }
  const restrictions = evaluateRestrictions(resource, principal.slice(SERVICE_ACCOUNT.length), facts);
  const reasons = [byDefault, ...restrictions.deniedBy, ...restrictions.assumed];
  if (restrictions.missing.length > 0) {
    return { verdict: 'denied', reasons, missing: restrictions.missing };
  }
  if (restrictions.unknownBecause.length > 0) {
    return unknown([...reasons, ...restrictions.unknownBecause.map((why) => `unknown: ${why}`)]);
  }
  return allowed(reasons);
}

function what(target: CloudRunTarget): string {
  if (target.job !== undefined) return `job ${target.job}`;
  return target.service !== undefined ? `service ${target.service}` : `target ${target.name}`;
}

function projectNumberOf(target: CloudRunTarget, facts: GcpFacts): string | undefined {
  if (target.projectNumber !== undefined) return target.projectNumber;
  return target.project === undefined ? undefined : facts.projects.get(target.project)?.number;
}

/** Is the image in the project the service runs in? Projects are known by id, or by number through facts. */
function sameProject(
  target: CloudRunTarget,
  registry: GoogleLocation,
  facts: GcpFacts,
): 'yes' | 'no' | 'unknown' {
  const id =
    target.project ??
    (target.projectNumber === undefined ? undefined : facts.projectsByNumber.get(target.projectNumber)?.id);
  if (id === undefined) return 'unknown';
  return id === registry.project ? 'yes' : 'no';
}

function agentUnknown(target: CloudRunTarget, facts: GcpFacts): string {
  if (target.project === undefined) {
    return `the project of Cloud Run target ${target.name} is not known: set \`project\` (and \`projectNumber\`) on the target; its service agent is service-PROJECT_NUMBER@serverless-robot-prod.iam.gserviceaccount.com`;
  }
  const unreadable = facts.projects.get(target.project)?.unreadable;
  return (
    `the Cloud Run service agent of project ${target.project} is service-PROJECT_NUMBER@serverless-robot-prod.iam.gserviceaccount.com, and the number of ${target.project} is not known:` +
    ` set \`projectNumber\` on the target or give it in facts.gcp.projects (gcloud projects describe ${target.project} --format='value(projectNumber)');` +
    ` live reads read it with resourcemanager.projects.get` +
    (unreadable === undefined ? '' : ` (they could not: ${unreadable})`)
  );
}

function publicOnly(image: ImageReference, registryName: string): Verdict {
  return unknown([
    `Cloud Run pulls images from ${registryName} directly only when they are public (${CLOUD_RUN_DOC}, "Supported container registries and images"): if ${image.raw} is public, list it under publicImages; a private one needs an Artifact Registry remote repository in front of ${registryName}`,
  ]);
}

/** A Google-operated host (marketplace.gcr.io, mirror.gcr.io, …) is Google's to decide: unknown, not denied. */
function otherRegistry(image: ImageReference): Verdict {
  return googleOperatedPull(image) ?? unsupportedRegistry(image);
}

function unsupportedRegistry(image: ImageReference): Verdict {
  return {
    verdict: 'denied',
    reasons: [
      `Cloud Run deploys images from Artifact Registry (gcr.io included) and public images from Docker Hub or GitHub Container Registry only (${CLOUD_RUN_DOC}, "Supported container registries and images"); ${image.raw} is in ${image.host}`,
    ],
    missing: [
      {
        side: 'resource',
        permissions: [],
        fix: {
          text: `Serve ${image.host} through an Artifact Registry remote repository (or push the image to Artifact Registry) and deploy that image.`,
          snippets: {
            cli: `gcloud artifacts repositories create REPOSITORY --repository-format=docker --mode=remote-repository --location=LOCATION --remote-docker-repo=https://${image.host}`,
          },
        },
      },
    ],
  };
}
