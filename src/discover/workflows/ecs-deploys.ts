// The ECS deploys of a workflow, from its ECS steps in the order they run: a deploy action's task definition
// is a file or the last of a chain of renders (each render's `task-definition` the previous one's output);
// `aws ecs update-service --task-definition` deploys what `aws ecs register-task-definition` registered
// last of the family it names, in its job (ecs-families.ts).
// A value pullcheck cannot know is a finding at the step that needs it, naming it; never a guess.
import type { SourceLocation } from '../../core/errors.ts';
import { needOf as need, registerOf, type ReadFile, type RegisterSite } from './ecs-families.ts';
import { DECLARE_ECS_TARGET, renderIndex, type EcsSite } from './ecs-sites.ts';
import { wordText, type Missing, type Text } from './text.ts';

/** An ECS deploy with every field known. */
export interface FoundEcsDeploy {
  readonly cluster: string;
  readonly service: string;
  readonly region: string;
  /** The task definition file, from the repository root. */
  readonly file: string;
  /** The images renders put in, by container name, with where each render is. */
  readonly render: readonly {
    readonly container: string;
    readonly image: string;
    readonly where: SourceLocation;
  }[];
  readonly via: string;
  readonly where: SourceLocation;
}

type ImageOf = (text: Text) => string | Missing | undefined;
type Report = (where: SourceLocation, message: string) => void;
/** `reported`: the step whose task definition pullcheck cannot read, a finding at its own line already. */
type Resolved =
  { file: string; render: FoundEcsDeploy['render'] } | { need: string } | { reported: SourceLocation };

/**
 * `imageOf` reads a rendered image as a destination is read (a tag known only at run time dropped);
 * `read` a repository file (a registered file's family).
 */
export function ecsDeploysOf(
  sites: readonly EcsSite[],
  { imageOf, read }: { imageOf: ImageOf; read: ReadFile },
  report: Report,
): FoundEcsDeploy[] {
  const deploys: FoundEcsDeploy[] = [];
  const registers: RegisterSite[] = [];
  for (const site of sites) {
    if (site.kind === 'register') registers.push(site);
    if (site.kind !== 'deploy') continue;
    // Every unknown field is named, at the line it is written on (the line to change), even when the
    // task definition is unknown too: each is a fact the user must supply.
    const say = siteReport(site, report);
    const known = knownFields(site, say);
    const all = site.taskDefinition
      ? [taskDefinitionOf(site.taskDefinition, { sites, imageOf }, new Set())]
      : registeredOf(site, registers, { sites, imageOf, read });
    for (const resolved of all) deploys.push(...deployOf(site, resolved, known, say));
  }
  return deploys;
}

/** One task definition a deploy may run, as a deploy; what cannot be read is said instead. */
function deployOf(
  site: DeploySite,
  resolved: Resolved,
  known: KnownFields | undefined,
  say: Report,
): FoundEcsDeploy[] {
  if ('reported' in resolved) {
    // Said at the step that makes it, which does not name the service: this deploy is not silent.
    if (known)
      say(
        site.where,
        `${site.via} deploys to ${about(site, known)} the task definition of ${resolved.reported.file}:${resolved.reported.line}, which pullcheck cannot read (the finding there says why): ${DECLARE_ECS_TARGET}`,
      );
    return [];
  }
  if ('need' in resolved) {
    const to = known ? ` to ${about(site, known)}` : '';
    say(
      site.where,
      `${site.via} deploys${to} a task definition that needs ${resolved.need}: ${DECLARE_ECS_TARGET}`,
    );
    return [];
  }
  if (!known) return [];
  if (site.task || !known.service) {
    say(site.where, unservedMessage(site, resolved.file, known));
    return [];
  }
  return [
    {
      cluster: known.cluster,
      service: known.service,
      region: known.region,
      ...resolved,
      via: site.via,
      where: site.where,
    },
  ];
}

type DeploySite = EcsSite & { readonly kind: 'deploy' };

/** What `aws ecs update-service`/`run-task` deploys: the latest register of the family it names, in its job. */
function registeredOf(
  site: DeploySite,
  registers: readonly RegisterSite[],
  { sites, imageOf, read }: { sites: readonly EcsSite[]; imageOf: ImageOf; read: ReadFile },
): Resolved[] {
  const found = registerOf(site, registers, { sites, read });
  if ('need' in found) return [found];
  return found.registers.map((register) =>
    register.reported
      ? { reported: register.where }
      : taskDefinitionOf(register.file, { sites, imageOf }, new Set()),
  );
}

/** A deploy in a repository script is reported at the workflow line that runs the script, naming it. */
function siteReport(site: DeploySite, report: Report): Report {
  const { runBy } = site;
  if (!runBy) return report;
  return (where, message) =>
    report(runBy, `${where.file}:${where.line}, in a script this step runs: ${message}`);
}

function about(site: DeploySite, known: KnownFields): string {
  const cluster = `cluster ${known.cluster}, ${known.region}`;
  return site.task || !known.service ? `a task of ${cluster}` : `ECS service ${known.service} (${cluster})`;
}
interface KnownFields {
  readonly cluster: string;
  readonly region: string;
  readonly service?: string;
}

/** The deploy's cluster, region and service when all are known; else one finding naming each hole. */
function knownFields(site: DeploySite, say: Report): KnownFields | undefined {
  const fields = {
    cluster: site.cluster ?? ['default'],
    ...(site.service && !site.task ? { service: site.service } : {}),
    region: site.region,
  };
  const known: Record<string, string> = {};
  const holes = Object.entries(fields).filter(([field, text]) => {
    const value = wordText(text)?.trim();
    if (value) known[field] = value;
    return !value;
  });
  if (holes.length === 0) {
    const service = known['service'];
    return { cluster: known['cluster']!, region: known['region']!, ...(service ? { service } : {}) };
  }
  const [first] = holes;
  const named = holes.map(([field, text]) => `${field} needs ${need(text)}`).join(', and whose ');
  const what = site.task ? 'runs a task on an ECS cluster' : 'deploys to an ECS service';
  say(
    site.lines?.[first![0] as keyof NonNullable<DeploySite['lines']>] ?? site.where,
    `${site.via} ${what} whose ${named}: ${DECLARE_ECS_TARGET}`,
  );
  return undefined;
}

/** A deploy to no service pullcheck can see (no `service`, or a standalone `aws ecs run-task`). */
function unservedMessage(site: DeploySite, file: string, known: KnownFields): string {
  const where = `cluster ${known.cluster}, ${known.region}`;
  if (site.task)
    return `${site.via} runs a standalone task (${where}) of the task definition registered from ${file}; pullcheck does not check a standalone task as a target: ${DECLARE_ECS_TARGET}`;
  return `${site.via} names no service: it registers ${file} but deploys it nowhere pullcheck can see (${where}); ${DECLARE_ECS_TARGET}`;
}

/** A file path, or the render a marker stands for (with the renders before it in its chain). */
function taskDefinitionOf(
  text: Text,
  { sites, imageOf }: { sites: readonly EcsSite[]; imageOf: ImageOf },
  seen: Set<number>,
): Resolved {
  const written = wordText(text)?.trim();
  const index = written === undefined ? undefined : renderIndex(written);
  if (index === undefined) return fileOf(text);
  const render = sites[index];
  if (render?.kind !== 'render' || seen.has(index)) return { need: 'a task definition file' };
  if (render.fromAws) return { reported: render.fromAws };
  seen.add(index);
  const base = taskDefinitionOf(render.base, { sites, imageOf }, seen);
  if ('reported' in base || 'need' in base) return base;
  const container = wordText(render.container)?.trim();
  if (!container)
    return {
      need: `the container name of the render at line ${render.where.line} (${need(render.container)})`,
    };
  const image = imageOf(render.image);
  if (typeof image !== 'string')
    return {
      need: `the image of the render at line ${render.where.line} (${image ? need([image]) : 'it is empty'})`,
    };
  return {
    file: base.file,
    render: [...base.render, { container, image, where: render.where }],
  };
}

function fileOf(text: Text): Resolved {
  const file = wordText(text)?.trim();
  if (!file) return { need: `its file, ${need(text)}` };
  if (file.startsWith('arn:')) return { need: `a file in the repository, not the registered ${file}` };
  return { file: file.replace(/^\.\//, ''), render: [] };
}
