// Serverless deploys a workflow makes (Cloud Run services and jobs, Lambda container-image functions): each
// names the image the platform pulls at deploy time. Read as text with holes; a deploy whose every needed
// value is known is a deploy target, one with a hole is a finding at its step naming what to declare. The
// service's or function's name does not decide whose identity pulls: one known only at run time (a preview
// service per pull request) leaves the name out, not the target.
import type { SourceLocation } from '../../core/errors.ts';
import { isMissing, type Missing, type Text } from './text.ts';

export type ServerlessDeploy =
  | {
      readonly platform: 'cloud-run';
      readonly kind: 'service' | 'job';
      readonly name: Text;
      readonly image: Text;
      readonly project: Text;
      readonly region?: Text;
    }
  | {
      readonly platform: 'lambda';
      readonly function: Text;
      readonly image: Text;
      readonly region: Text;
      readonly account?: Text;
    };

export interface ServerlessSite {
  readonly deploy: ServerlessDeploy;
  readonly via: string;
  readonly where: SourceLocation;
  /** Where a value is written when not at `where` (an action's input): a finding about it goes there. */
  readonly lines?: Partial<Record<'project', SourceLocation>>;
}

/** A serverless deploy with every value known (the image as written, tag included). */
export type FoundServerless = (
  | {
      readonly platform: 'cloud-run';
      readonly kind: 'service' | 'job';
      readonly name?: string;
      readonly project: string;
      readonly region?: string;
    }
  | {
      readonly platform: 'lambda';
      readonly function?: string;
      readonly region: string;
      readonly account?: string;
    }
) & { readonly image: Text; readonly via: string; readonly where: SourceLocation };

/** The deploys whose values are all known; each other one is a finding naming the value to declare. */
export function serverlessOf(
  sites: readonly ServerlessSite[],
  problem: (where: SourceLocation, message: string) => void,
): FoundServerless[] {
  const found: FoundServerless[] = [];
  for (const site of sites) {
    const known = knownFields(site.deploy);
    if ('hole' in known) {
      const declare =
        site.deploy.platform === 'cloud-run'
          ? 'declare a `cloud-run` target (project, service or job, with its image)'
          : 'declare a `lambda` target (account, region, function, with its image)';
      problem(
        site.lines?.[known.field as 'project'] ?? site.where,
        `${site.via} deploys to ${site.deploy.platform === 'cloud-run' ? 'Cloud Run' : 'AWS Lambda'}, but its ${known.field} needs ${need(known.hole)}: ${declare}`,
      );
      continue;
    }
    const { via, where, deploy } = site;
    const v = known.values;
    found.push(
      deploy.platform === 'cloud-run'
        ? {
            platform: 'cloud-run',
            kind: deploy.kind,
            ...(v['name'] ? { name: v['name'] } : {}),
            project: v['project']!,
            ...(v['region'] ? { region: v['region'] } : {}),
            image: deploy.image,
            via,
            where,
          }
        : {
            platform: 'lambda',
            ...(v['function'] ? { function: v['function'] } : {}),
            region: v['region']!,
            ...(v['account'] ? { account: v['account'] } : {}),
            image: deploy.image,
            via,
            where,
          },
    );
  }
  return found;
}

function knownFields(
  deploy: ServerlessDeploy,
): { values: Record<string, string> } | { field: string; hole: Missing } {
  const fields: [string, Text | undefined, boolean][] =
    deploy.platform === 'cloud-run'
      ? [
          [deploy.kind === 'job' ? 'job name' : 'service name', deploy.name, false],
          ['project', deploy.project, true],
          ['region', deploy.region, false],
        ]
      : [
          ['function name', deploy.function, false],
          ['region', deploy.region, true],
          ['account', deploy.account, false],
        ];
  const values: Record<string, string> = {};
  for (const [field, text, required] of fields) {
    const key = field.replace(/ name$/, '').replace(/^service$|^job$/, 'name');
    if (!text) continue;
    const hole = text.find(isMissing);
    // An optional value the workflow does not know is left out: the rule names it if it matters.
    if (hole) {
      if (required) return { field, hole };
      continue;
    }
    values[key] = text.join('').trim();
  }
  return { values };
}

function need(hole: Missing): string {
  return `\`${hole.need}\`${hole.hint ? ` (${hole.hint})` : ''}`;
}
