// predictTokens: for one job, the GitHub OIDC token it presents for each kind of run of its workflow
// ("OpenID Connect reference": the claims; "Events that trigger workflows": each event's ref). Pure: the
// workflow, the repository's facts and the login's audience in, tokens out; what cannot be known offline
// is a pattern (one of many values) or unknown, never a guess.
import type { Claim, PredictedToken } from '../../core/ci-path.ts';
import { exact, unknown } from './claims.ts';
import { RUN_VARYING_CLAIMS, UNPREDICTED_CLAIMS } from './claim-keys.ts';
import { GITHUB_ISSUER, type EnvironmentInput, type TokenContext } from './context.ts';
import { eventEntries } from './on.ts';
import { runShapes, type RunShape } from './runs.ts';
import { subjectClaim, subjectContext } from './subject.ts';
import { jobWorkflowRef, workflowRef } from './workflow-refs.ts';

const isClaim = (value: object): value is Claim =>
  'value' in value || 'pattern' in value || 'unknown' in value;

/** The `environment` claim, or undefined for a job without one. */
export function environmentClaim(environment: EnvironmentInput | undefined): Claim | undefined {
  if (environment === undefined || environment === null) return undefined;
  if (typeof environment === 'object' && isClaim(environment)) return environment;
  const name = typeof environment === 'object' ? environment.name : environment;
  if (typeof name !== 'string' || name === '') {
    return unknown('the job names its environment in a form pullcheck does not read');
  }
  if (name.includes('${{')) {
    return unknown(`the environment is an expression (${name}): pullcheck does not evaluate it`);
  }
  return exact(name);
}

function idClaim(id: string | undefined, fact: string): Claim {
  return id === undefined
    ? unknown(`not known: set facts.github.oidc.${fact} (or let live reads read it)`)
    : exact(id);
}

function unknownClaims(): Record<string, Claim> {
  const claims: Record<string, Claim> = {};
  for (const [key, why] of Object.entries(RUN_VARYING_CLAIMS)) claims[key] = unknown(`changes with ${why}`);
  for (const [key, why] of Object.entries(UNPREDICTED_CLAIMS)) claims[key] = unknown(why);
  return claims;
}

function token(context: TokenContext, run: RunShape): PredictedToken {
  const { repository, caller } = context;
  const owner = repository.split('/')[0]!;
  const environment = environmentClaim(context.environment);
  const audience =
    context.audience ?? `${(context.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${owner}`;
  const claims: Record<string, Claim> = {
    ...unknownClaims(),
    aud: typeof audience === 'string' ? exact(audience) : audience,
    iss: exact(context.issuer ?? GITHUB_ISSUER),
    repository: exact(repository),
    repository_owner: exact(owner),
    repository_id: idClaim(context.repositoryId, 'repositoryId'),
    repository_owner_id: idClaim(context.repositoryOwnerId, 'repositoryOwnerId'),
    ...(context.repositoryVisibility === undefined
      ? {}
      : { repository_visibility: exact(context.repositoryVisibility) }),
    ref: run.ref,
    ref_type: run.refType,
    // A called workflow's event_name is its caller's event.
    event_name: run.event === 'workflow_call' ? run.ref : exact(run.event),
    base_ref: run.baseRef,
    head_ref: run.headRef,
    workflow_ref: workflowRef(repository, (caller ?? context.workflow).path, run.ref),
    job_workflow_ref: jobWorkflowRef(repository, context.workflow.path, caller, run.ref),
    ...(environment === undefined ? {} : { environment }),
  };
  claims.sub = subjectClaim(context.subClaim, repository, subjectContext(environment, run.context), claims);
  return { event: run.event, trigger: run.trigger, claims };
}

/** A workflow_call entry of the workflow that starts the run: its caller, not known here, decides. */
function calledRun(): RunShape {
  const why =
    'the workflow runs when another workflow calls it: its caller decides (pullcheck follows one call)';
  const none = unknown(why);
  return {
    event: 'workflow_call',
    trigger: 'workflow_call',
    ref: none,
    refType: none,
    context: none,
    baseRef: none,
    headRef: none,
  };
}

/** One token per kind of run of the workflow that starts the job's runs. */
export function predictTokens(context: TokenContext): PredictedToken[] {
  const top = context.caller ?? context.workflow;
  return eventEntries(top.on).flatMap((entry) =>
    (entry.event === 'workflow_call' ? [calledRun()] : runShapes(entry, context.defaultBranch)).map((run) =>
      token(context, run),
    ),
  );
}
