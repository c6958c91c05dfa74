// CI logins (issue 18): which job logs in with GitHub's OIDC token, as what, for which events, and which
// images it pushes after. What a token depends on is kept as the workflow wrote it; src/github/oidc predicts
// the claims from it.
import type { Scope } from './scope.ts';
import { resolver } from './scope.ts';
import { asText, evaluateField, Unknown, type Resolve } from './expression.ts';
import { isMissing, missing, safeText, type Missing, type Text } from './text.ts';
import type { IdTokenGrant } from '../../core/ci-path.ts';
import type { SourceLocation } from '../../core/errors.ts';
import type { ActionCall } from './actions/call.ts';
import type { CiJobContext, Collected, TopWorkflow } from './sites.ts';

/** The first workflow read starts the run: its `on:` decides the events every job it calls runs for. */
export function startsRun(
  collected: Collected,
  file: string,
  on: unknown,
  repository: string | undefined,
): void {
  collected.topWorkflow ??= { file, on, ...(repository ? { repository } : {}) };
}

/** A job has ended: its logins' pushes are those made after each of them up to here. */
export function endCiJob(collected: Collected, loginsBefore: number): void {
  collected.ciJob = undefined;
  for (const login of collected.ciLogins.slice(loginsBefore)) login.pushesTo = collected.destinations.length;
}

/** What a CI login's token depends on in this job: its workflow, its environment, the run's events. */
export function ciJobOf(
  job: Record<string, unknown>,
  jobId: string,
  workflow: {
    readonly file: string;
    readonly calledAs: string | undefined;
    readonly collected: Collected;
    readonly permissions: unknown;
    readonly callerGrant: IdTokenGrant | undefined;
  },
  scope: Scope,
): CiJobContext {
  const { file, calledAs, collected } = workflow;
  const written = job['environment'];
  const name =
    typeof written === 'object' && written !== null ? (written as { name?: unknown }).name : written;
  return {
    id: jobId,
    file,
    ...(name === undefined || name === null
      ? {}
      : { environment: evaluateField(name, perEventResolver(scope)) }),
    top: collected.topWorkflow ?? { file, on: undefined },
    idToken: jobGrant(job, workflow.permissions, workflow.callerGrant),
    ...(calledAs ? { calledAs } : {}),
  };
}

// The github.* values that change from run to run: the runner's are those of the run checking, not of each
// event a token is predicted for, so the environment they choose is not known ahead of the event.
const PER_RUN =
  /^github\.(ref|ref_name|ref_type|event_name|base_ref|head_ref|sha|actor|triggering_actor|run_id|run_number|run_attempt|event)(\.|$)/;

/** The scope's resolver, but a run-specific github.* the config does not state is a hole. */
function perEventResolver(scope: Scope): Resolve {
  return perEvent(resolver(scope), scope.variables);
}

/**
 * A resolver for what a login's token depends on (its environment, its role, its audience): a run-specific
 * github.* that `discover.variables` does not state is a hole, not the value of the run checking.
 */
export function perEvent(resolve: Resolve, variables: Readonly<Record<string, string>>): Resolve {
  return (path) => {
    const joined = path.join('.');
    if (!PER_RUN.test(joined) || variables[joined] !== undefined) return resolve(path);
    if (joined.startsWith('github.event.repository')) return resolve(path);
    return new Unknown(
      missing(joined, 'it changes with the event that runs the job, and the token is predicted per event'),
    );
  };
}

/** `ActionCall.ciLogin` for a step of the running job: the pushes after it are its job's from here on. */
export function ciLoginRecorder(
  collected: Collected,
  via: string,
  where: SourceLocation,
): ActionCall['ciLogin'] {
  return (provider, identity, inputs) => {
    const job = collected.ciJob;
    if (!job) return; // a composite action read outside a job: no token to predict
    const given = Object.entries(inputs).flatMap(([key, text]) => (text ? [[key, text] as const] : []));
    collected.ciLogins.push({
      provider,
      identity,
      inputs: new Map(given),
      via,
      where,
      job,
      pushesFrom: collected.destinations.length,
    });
  };
}

/** A CI login as discovery reports it: each value known, or the fact it needs. */
export interface FoundCiLogin {
  readonly provider: string;
  readonly identity: string | Missing;
  readonly inputs: Readonly<Record<string, string | Missing>>;
  readonly via: string;
  readonly where: SourceLocation;
  readonly job: {
    readonly id: string;
    readonly file: string;
    readonly environment?: string | Missing;
    readonly top: TopWorkflow;
    readonly calledAs?: string;
    readonly idToken: IdTokenGrant;
  };
  /** The images its job pushes after it (resolved references; an unresolved one is a finding already). */
  readonly pushes: readonly string[];
}

/** `references`: what each of `collected.destinations` resolved to (undefined when it did not). */
export function ciLoginsOf(
  collected: Collected,
  references: readonly (string | undefined)[],
): FoundCiLogin[] {
  const logins = collected.ciLogins.map((site) => {
    const pushes = references.slice(site.pushesFrom, site.pushesTo ?? references.length);
    const environment = site.job.environment === undefined ? undefined : asText(site.job.environment);
    return {
      provider: site.provider,
      identity: known(site.identity),
      inputs: Object.fromEntries([...site.inputs].map(([key, text]) => [key, known(text)])),
      via: site.via,
      where: site.where,
      job: {
        id: site.job.id,
        file: site.job.file,
        ...(environment === undefined ? {} : { environment: known(environment) }),
        top: site.job.top,
        idToken: site.job.idToken,
        ...(site.job.calledAs ? { calledAs: site.job.calledAs } : {}),
      },
      pushes: [...new Set(pushes.flatMap((reference) => reference ?? []))],
    };
  });
  return sameLoginsOnce(logins);
}

/** Matrix combinations that log in alike are one login, pushing what each of them pushes. */
function sameLoginsOnce(logins: readonly FoundCiLogin[]): FoundCiLogin[] {
  const byKey = new Map<string, FoundCiLogin>();
  for (const login of logins) {
    const { pushes, where, ...rest } = login;
    const key = JSON.stringify({ ...rest, line: where.line, file: where.file });
    const same = byKey.get(key);
    byKey.set(key, same ? { ...same, pushes: [...new Set([...same.pushes, ...pushes])] } : login);
  }
  return [...byKey.values()];
}

// A role ARN is at most 2,048 characters; a value longer than this is no login input a cloud takes.
const LOGIN_VALUE_LIMIT = 2048;

/** The text, or the first fact it needs; control characters escaped and the length bounded for reports. */
function known(text: Text): string | Missing {
  const hole = text.find(isMissing);
  if (hole) return { ...hole, need: safeText(hole.need, LOGIN_VALUE_LIMIT) };
  return safeText(text.join(''), LOGIN_VALUE_LIMIT);
}

/**
 * Whether a job's GITHUB_TOKEN may request an OIDC token (`id-token: write`), and where that is decided.
 * GitHub's "Permissions for the GITHUB_TOKEN" table: id-token is `none` by default, permissive or restricted;
 * naming any permission sets the others to none; `write-all` grants it, `read-all` does not (id-token has no
 * read level). A called workflow's jobs can only narrow what the calling job has ("Reusing workflows").
 */
export type { IdTokenGrant };

export const DEFAULT_GRANT: IdTokenGrant = {
  write: false,
  why: 'no `permissions:` is written, and GitHub gives no id-token permission by default',
};

/** The grant `permissions:` writes at one level; undefined when that level writes none. */
export function writtenGrant(permissions: unknown, level: string): IdTokenGrant | undefined {
  if (permissions === undefined || permissions === null) return undefined;
  if (permissions === 'write-all') return { write: true };
  if (permissions === 'read-all')
    return {
      write: false,
      why: `${level} \`permissions: read-all\` gives no id-token (it has no read level)`,
    };
  if (typeof permissions === 'string' && permissions.includes('${{'))
    return { unknown: `${level} \`permissions:\` is an expression pullcheck does not evaluate` };
  if (typeof permissions !== 'object' || Array.isArray(permissions))
    return { unknown: `${level} \`permissions:\` is in a form pullcheck does not read` };
  const idToken = (permissions as Record<string, unknown>)['id-token'];
  if (idToken === 'write') return { write: true };
  return {
    write: false,
    why: `${level} \`permissions:\` ${idToken === undefined ? 'does not name id-token, so it is none' : `sets id-token: ${String(idToken)}`}`,
  };
}

/** A job's grant: its own `permissions:`, else its workflow's, else the caller's (or the default); never wider than the caller's. */
export function jobGrant(
  job: Record<string, unknown>,
  workflowPermissions: unknown,
  caller: IdTokenGrant | undefined,
): IdTokenGrant {
  const own =
    writtenGrant(job['permissions'], 'the job') ?? writtenGrant(workflowPermissions, 'the workflow');
  const grant = own ?? caller ?? DEFAULT_GRANT;
  if (!caller || grant === caller) return grant;
  if ('write' in caller && !caller.write) return { write: false, why: `the calling job: ${caller.why}` };
  if ('unknown' in caller && 'write' in grant && grant.write) return caller;
  return grant;
}
