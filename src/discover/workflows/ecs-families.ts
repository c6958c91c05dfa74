// Which register `aws ecs update-service --task-definition TD` (and `run-task`) deploys: TD names a family,
// `family:revision` or `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION`, the latest ACTIVE
// revision when none is given (AWS CLI reference, update-service, --task-definition:
// https://docs.aws.amazon.com/cli/latest/reference/ecs/update-service.html; run-task likewise), so it is
// matched by family against the registers earlier in its own job: the latest of that family wins. A
// register in another job is not matched (pullcheck does not know which job's registration runs last); a
// family no register names, or one known only at run time, is a need.
import { renderIndex, type EcsSite } from './ecs-sites.ts';
import { isMissing, shown, wordText, type Missing, type Text } from './text.ts';

export type RegisterSite = EcsSite & { readonly kind: 'register' };
/** A repository file's text, from the root; undefined when it cannot be read. */
export type ReadFile = (relative: string) => string | undefined;

type Family = { readonly family: string } | { readonly unknown: string };

// ECS family names: letters, numbers, hyphens and underscores, up to 255 (ECS API reference,
// RegisterTaskDefinition, Request Parameters, family:
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html).
const FAMILY = /^[A-Za-z0-9_-]{1,255}$/;
const ARN = /^arn:[\w-]+:ecs:[^:/]*:[^:/]*:task-definition\/(.*)$/s;

/**
 * The registers whose task definition `deploy.registered` deploys, or what it needs. Every register of the
 * family in the job counts: two in the branches of an `if` pullcheck cannot decide are both possible (and
 * checking one a later register replaced only adds a check).
 */
export function registerOf(
  deploy: EcsSite,
  earlier: readonly RegisterSite[],
  { sites, read }: { sites: readonly EcsSite[]; read: ReadFile },
): { registers: RegisterSite[] } | { need: string } {
  const named = deploy.kind === 'deploy' ? deploy.registered : undefined;
  // `--task-definition "$TD"` where `TD=$(aws ecs register-task-definition …)`: that register itself.
  const printed = named ? renderIndex(wordText(named)?.trim() ?? '') : undefined;
  const register = printed === undefined ? undefined : sites[printed];
  if (register?.kind === 'register' && register.job === deploy.job)
    return { registers: [register as RegisterSite] };
  const family = named ? familyNamed(named) : undefined;
  if (!named || !family) return { need: `its task definition family, ${needOf(named ?? [])}` };
  const families = earlier.map((register) => ({ register, ...registeredFamily(register, sites, read) }));
  const own = families.filter(({ register }) => register.job === deploy.job);
  const matching = own.filter((entry) => 'family' in entry && entry.family === family);
  if (matching.length > 0) return { registers: matching.map((entry) => entry.register) };
  const wanted = `\`aws ecs register-task-definition\` of family \`${family}\` earlier in its job`;
  const unknown = own.flatMap((entry) =>
    'unknown' in entry ? [`the one registered at ${at(entry.register)} (${entry.unknown})`] : [],
  );
  if (unknown.length > 0)
    return { need: `${wanted}; pullcheck cannot tell the family of ${unknown.join(', nor of ')}` };
  const elsewhere = families.find(
    (entry) => entry.register.job !== deploy.job && 'family' in entry && entry.family === family,
  );
  const across = elsewhere
    ? `; the one registered at ${at(elsewhere.register)} in another job is not matched: pullcheck does not know which job's registration runs last`
    : '';
  return { need: `${wanted} (--cli-input-json file://PATH, its "family": "${family}")${across}` };
}

/** The family TD names; undefined when it is not known before the step runs (a revision may be). */
function familyNamed(text: Text): string | undefined {
  const hole = text.findIndex(isMissing);
  const prefix = (hole < 0 ? text : text.slice(0, hole)).join('').trim();
  const arn = prefix.startsWith('arn:') ? ARN.exec(prefix) : undefined;
  if (arn === null) return undefined;
  const rest = arn ? arn[1]! : prefix;
  const colon = rest.indexOf(':');
  const family = colon >= 0 ? rest.slice(0, colon) : hole < 0 ? rest : undefined;
  return family !== undefined && FAMILY.test(family) ? family : undefined;
}

/** A register's family: its --family, else its file's `family` (a render's: the file it renders). */
function registeredFamily(register: RegisterSite, sites: readonly EcsSite[], read: ReadFile): Family {
  if (register.family) {
    const family = wordText(register.family)?.trim();
    return family ? { family } : { unknown: `its --family needs ${needOf(register.family)}` };
  }
  return fileFamily(register.file, sites, read, new Set());
}

function fileFamily(text: Text, sites: readonly EcsSite[], read: ReadFile, seen: Set<number>): Family {
  const written = wordText(text)?.trim();
  if (written === undefined) return { unknown: `its file needs ${needOf(text)}` };
  if (written === '') return { unknown: 'its task definition is not a repository file' };
  const index = renderIndex(written);
  if (index !== undefined) {
    const render = sites[index];
    if (render?.kind !== 'render' || seen.has(index)) return { unknown: 'its render has no file' };
    if (render.fromAws) return { unknown: 'its render reads the task definition from AWS at run time' };
    seen.add(index);
    return fileFamily(render.base, sites, read, seen);
  }
  const file = written.replace(/^\.\//, '');
  const content = read(file);
  if (content === undefined)
    return { unknown: `pullcheck cannot read ${file}: absent, outside the repository or too large` };
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return { unknown: `${file} is not JSON` };
  }
  const family = (value as { family?: unknown } | null)?.family;
  if (typeof family === 'string' && family.trim()) return { family: family.trim() };
  return { unknown: `${file} has no \`family\`, so no --task-definition names it: add its "family"` };
}

const at = (site: EcsSite) => `${site.where.file}:${site.where.line}`;

/** What a text needs: its first hole (with the hint), or the text itself when it has none. */
export function needOf(text: Text): string {
  const hole = text.find(isMissing) as Missing | undefined;
  if (!hole) return `\`${shown(text)}\``;
  return `\`${hole.need}\`${hole.hint ? ` (${hole.hint})` : ''}`;
}
