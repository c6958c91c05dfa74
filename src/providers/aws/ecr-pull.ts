// The ECR pull rule (SPEC §4), a pure function of AWS facts.
// Sources: Amazon ECR User Guide "Private repository policies" and "Private registry permissions";
// IAM User Guide "Policy evaluation logic" and "Cross-account policy evaluation logic".
import { unknown, type Verdict } from '../../core/verdict.ts';
import { callingRole, parseRoleArn, repositoryArn, type RoleArn } from './arn.ts';
import { PULL_ACTIONS, PUSH_ACTIONS, TOKEN_ACTION } from './ecr-actions.ts';
import { ecrMissingGrants } from './ecr-fixes.ts';
import { explainEcrPull as explain } from './ecr-reasons.ts';
import { crossPartition } from './ecr-partitions.ts';
import { withUnknownLayers } from './ecr-unknown-layers.ts';
import {
  registryKey,
  type AwsFacts,
  type RegistryFacts,
  type RepositoryFacts,
  type RoleFacts,
} from './facts.ts';
import { and, or, type Tri } from '../../core/tri.ts';
import { findStatements, NO, type Finding, type KnownPolicy, type StatementHit } from './policy/evaluate.ts';
import { identitySide } from './identity-side.ts';
import { roleControlAnswer, type RoleControls } from './control-policies.ts';
import { ACCEPT, type AcceptPrincipal, type Request } from './policy/match.ts';
import { activeTrace } from '../../core/trace.ts';
import { traceResourceLayers, tracePullThroughCache } from './ecr-trace.ts';

export interface EcrRepositoryLocation {
  readonly partition: string;
  readonly account: string;
  readonly region: string;
  readonly repository: string;
}

const PULL_THROUGH_CACHE_ACTIONS = ['ecr:BatchImportUpstreamImage'];
// Registry policy scope V1 covers only replication and pull-through-cache actions; V2 covers all
// repository actions ("Private registry permissions in Amazon ECR").
const V1_REGISTRY_ACTIONS = new Set([
  'ecr:replicateimage',
  'ecr:batchimportupstreamimage',
  'ecr:createrepository',
]);

/** One action the pull needs, and what pullcheck concluded about it. */
export interface ActionOutcome {
  readonly action: string;
  readonly status: 'granted' | 'missing' | 'denied' | 'unknown';
  readonly identityMissing: boolean;
  /** The permissions boundary does not allow it (whatever the role's policies say). */
  readonly boundaryMissing: boolean;
  readonly resourceMissing: boolean;
  readonly denyHits: readonly StatementHit[];
  readonly allowHits: readonly StatementHit[];
  readonly unknownBecause: readonly string[];
  /** The levels of the role's organization path whose SCPs allow nothing of it. */
  readonly scpMissingAt: readonly string[];
}

/** Everything the fix builder needs to know about the pull (or push). */
export interface EcrPullContext {
  /** A pull, or a push (a CI job's: ecr-push.ts). */
  readonly operation: 'pull' | 'push';
  /** A push to a repository a creation template creates on the first push (it also needs ecr:CreateRepository). */
  readonly createsOnPush?: boolean;
  readonly role: RoleArn;
  readonly roleFacts: RoleFacts;
  readonly location: EcrRepositoryLocation;
  readonly repositoryArn: string;
  readonly repository: RepositoryFacts | undefined;
  readonly registry: RegistryFacts | undefined;
  readonly crossAccount: boolean;
  /** The repository is under a pull-through cache rule's prefix (as far as the rules are known). */
  readonly pullThroughCache: boolean;
  /** The SCPs of the role's account and the RCPs of the repository's, as far as the facts say. */
  readonly controls: RoleControls;
}

export function evaluateEcrPull(
  location: EcrRepositoryLocation,
  roleArnText: string,
  facts: AwsFacts,
): Verdict {
  const built = ecrContext(location, roleArnText, facts, 'pull');
  if ('verdict' in built) return built;
  const { context, caller } = built;
  if (context.repository?.missing && !context.pullThroughCache) {
    const cacheRules = context.registry?.pullThroughCacheUnknown;
    return unknown([
      `unknown: repository ${location.repository} does not exist yet in ${location.account} (${location.region}): a pull fails until it is created and the image pushed, and its policy is not known until then (aws ecr create-repository --repository-name ${location.repository} --registry-id ${location.account} --region ${location.region})` +
        (cacheRules === undefined
          ? ''
          : `, unless a pull-through cache rule creates it: the registry's rules are not known (${cacheRules})`),
    ]);
  }
  return withUnknownLayers(context, (variant) => verdictFor(variant, caller));
}

/** The role, repository and registry a pull or push involves; or why the role cannot be evaluated. */
export function ecrContext(
  location: EcrRepositoryLocation,
  roleArnText: string,
  facts: AwsFacts,
  operation: EcrPullContext['operation'],
): { context: EcrPullContext; caller: Request['caller'] } | Verdict {
  const role = parseRoleArn(roleArnText);
  if (!role) return { verdict: 'unknown', reasons: [`${roleArnText} is not an IAM role ARN`], missing: [] };
  if (role.partition !== location.partition) return crossPartition(role.arn, role.partition, location);
  const roleFacts = facts.roles.get(role.arn.toLowerCase());
  if (!roleFacts) {
    return {
      verdict: 'unknown',
      reasons: [
        `role ${role.arn} is not in facts.aws.roles: add it with its managedPolicies, policies and permissionsBoundary` +
          ` (live reads need iam:GetRole, iam:ListAttachedRolePolicies, iam:ListRolePolicies, iam:GetRolePolicy, iam:GetPolicyVersion on it)`,
      ],
      missing: [],
    };
  }
  const arn = repositoryArn(location.partition, location.region, location.account, location.repository);
  const registry = facts.registries.get(registryKey(location.account, location.region));
  const context: EcrPullContext = {
    operation,
    role,
    roleFacts,
    location,
    repositoryArn: arn,
    repository: facts.repositories.get(arn),
    registry,
    crossAccount: role.account !== location.account,
    pullThroughCache:
      operation === 'pull' &&
      (registry?.pullThroughCachePrefixes ?? []).some((prefix) =>
        location.repository.startsWith(`${prefix}/`),
      ),
    controls: {
      serviceLinked: role.path.startsWith('/aws-service-role/'),
      principal: facts.controls.get(role.account),
      resource: facts.controls.get(location.account),
    },
  };
  const caller = callingRole(role, facts.organizations.get(role.account), roleFacts.boundary !== null);
  return { context, caller };
}

export function verdictFor(context: EcrPullContext, caller: Request['caller']): Verdict {
  tracePullThroughCache(activeTrace(), context);
  const outcomes: ActionOutcome[] = [];
  const conditional: ActionOutcome[] = [];
  for (const action of neededActions(context)) {
    const outcome =
      action.name === TOKEN_ACTION
        ? tokenOutcome(context, caller)
        : evaluateAction(
            context,
            { action: action.name.toLowerCase(), resource: context.repositoryArn, caller },
            action.name,
          );
    (action.onlyIfRepositoryMissing ? conditional : outcomes).push(outcome);
  }
  return decide(context, outcomes, conditional);
}

// ecr:GetAuthorizationToken has no resource and no resource policy can grant it: its outcome is the role's
// alone, the same for every image the role pulls.
// Per caller ARN too: the target's spelling of the role is what aws:PrincipalArn conditions see.
const tokenOutcomes = new WeakMap<RoleFacts, Map<string, ActionOutcome>>();

function tokenOutcome(context: EcrPullContext, caller: Request['caller']): ActionOutcome {
  const evaluate = () =>
    evaluateAction(context, { action: TOKEN_ACTION.toLowerCase(), resource: '*', caller }, TOKEN_ACTION);
  // Explain's trace records every statement asked: nothing remembered answers for it.
  if (activeTrace()) return evaluate();
  let byCaller = tokenOutcomes.get(context.roleFacts);
  if (!byCaller) tokenOutcomes.set(context.roleFacts, (byCaller = new Map()));
  let outcome = byCaller.get(caller.arn);
  if (!outcome) byCaller.set(caller.arn, (outcome = evaluate()));
  return outcome;
}

interface NeededAction {
  readonly name: string;
  readonly onlyIfRepositoryMissing: boolean;
}

function neededActions(context: EcrPullContext): NeededAction[] {
  const always = (name: string): NeededAction => ({ name, onlyIfRepositoryMissing: false });
  const operationActions = context.operation === 'push' ? PUSH_ACTIONS : PULL_ACTIONS;
  const actions = [...operationActions, TOKEN_ACTION].map(always);
  if (context.createsOnPush) actions.push(always('ecr:CreateRepository'));
  if (context.pullThroughCache) {
    // A pull through cache imports the upstream image, and creates the repository on first pull
    // ("Using pull through cache rules": IAM permissions required).
    actions.push(...PULL_THROUGH_CACHE_ACTIONS.map(always));
    // Known missing, the first pull creates it; not mentioned, it is needed only if it is missing.
    if (context.repository?.missing) actions.push(always('ecr:CreateRepository'));
    else if (!context.repository)
      actions.push({ name: 'ecr:CreateRepository', onlyIfRepositoryMissing: true });
  }
  return actions;
}

/**
 * The grant of one action: the identity side alone for GetAuthorizationToken (no resource policy can grant
 * it), both sides across accounts, either side within the account — with the boundary's limits.
 */
function grantOf(
  context: EcrPullContext,
  request: Request,
  resourcePolicies: ReturnType<typeof resourcePoliciesFor>,
  identity: { readonly identityGrant: Tri; readonly boundaryAllow: Tri },
): { grant: Tri; resourceGrant: Finding; roleNamedGrant: Tri } {
  const { identityGrant, boundaryAllow } = identity;
  const resourceAllow = (accept: AcceptPrincipal) =>
    withUnknown(
      findStatements(resourcePolicies.policies, 'Allow', request, accept),
      resourcePolicies.unknown,
    );
  let grant: Tri;
  let resourceGrant: Finding = NO;
  let roleNamedGrant: Tri = 'no'; // same account: a resource policy grants the role ARN (boundary permitting)
  if (request.resource === '*') {
    grant = identityGrant; // no resource policy can grant GetAuthorizationToken
  } else if (context.crossAccount) {
    // Both accounts must allow: the identity side, and a resource policy naming the role, its session, its
    // account or `*` (IAM User Guide, "Cross-account policy evaluation logic").
    resourceGrant = resourceAllow(ACCEPT.named);
    grant = and(identityGrant, resourceGrant.result);
  } else {
    // Within the account (IAM User Guide, "Policy evaluation logic"): "Resource-based policies that grant
    // permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary"; a grant to the
    // session is not; and permissions boundaries "do not limit permissions granted using the aws:PrincipalArn
    // condition key with a wildcard(*) in the Principal element" ("AWS JSON policy elements: Principal").
    // Naming only the account delegates to IAM and grants nothing by itself.
    const roleGrant = resourceAllow(ACCEPT.role);
    roleNamedGrant = roleGrant.result;
    const directGrant = resourceAllow(ACCEPT.direct);
    resourceGrant = {
      result: or(roleGrant.result, directGrant.result),
      hits: [...roleGrant.hits, ...directGrant.hits],
      unknownBecause: [...roleGrant.unknownBecause, ...directGrant.unknownBecause],
    };
    grant = or(or(identityGrant, and(roleGrant.result, boundaryAllow)), directGrant.result);
  }
  return { grant, resourceGrant, roleNamedGrant };
}

function evaluateAction(context: EcrPullContext, request: Request, action: string): ActionOutcome {
  const { identityAllow, identityDeny, boundaryAllow, boundaryDeny } = identitySide(
    context.roleFacts,
    request,
  );
  const identityGrant = and(identityAllow.result, boundaryAllow.result);

  const tokenAction = request.resource === '*';
  const resourcePolicies = tokenAction
    ? { policies: [], unknown: undefined }
    : resourcePoliciesFor(context, request.action);
  const resourceDeny = withUnknown(
    findStatements(resourcePolicies.policies, 'Deny', request, ACCEPT.named),
    context.crossAccount ? resourcePolicies.unknown : undefined,
  );
  // SCPs and RCPs: a Deny there blocks like any other; SCPs must also allow, whoever grants (control-policies.ts).
  const control = roleControlAnswer(context.controls, request);
  const deny = [identityDeny, boundaryDeny, resourceDeny, control.deny];
  const denyResult = deny.reduce<Tri>((result, finding) => or(result, finding.result), 'no');

  const unknownBecause = [...deny, identityAllow, boundaryAllow].flatMap((finding) => finding.unknownBecause);
  const granted = grantOf(context, request, resourcePolicies, {
    identityGrant,
    boundaryAllow: boundaryAllow.result,
  });
  const { resourceGrant, roleNamedGrant } = granted;
  const grant = and(granted.grant, control.scpAllow.result);
  unknownBecause.push(...resourceGrant.unknownBecause, ...control.scpAllow.unknownBecause);
  // One literal with every field (no spread of a shared base): built 200,000 times in a large check.
  const outcome = (
    status: ActionOutcome['status'],
    missing: { identity: boolean; boundary: boolean; resource: boolean } = NOTHING_MISSING,
  ): ActionOutcome => ({
    action,
    status,
    identityMissing: missing.identity,
    boundaryMissing: missing.boundary,
    resourceMissing: missing.resource,
    denyHits: deny.flatMap((finding) => finding.hits),
    allowHits: [...identityAllow.hits, ...resourceGrant.hits],
    unknownBecause,
    scpMissingAt: status === 'missing' ? control.scpMissingAt : [],
  });
  if (denyResult === 'yes') return outcome('denied');
  if (grant === 'no') {
    // The boundary caps identity grants and same-account grants to the role ARN alike (IAM User Guide,
    // "Permissions boundaries for IAM entities"); an identity grant is needed unless the repository names the role.
    return outcome('missing', {
      identity: granted.grant === 'no' && identityAllow.result === 'no' && roleNamedGrant !== 'yes',
      boundary: granted.grant === 'no' && boundaryAllow.result === 'no',
      resource:
        granted.grant === 'no' && context.crossAccount && !tokenAction && resourceGrant.result === 'no',
    });
  }
  return outcome(grant === 'yes' && denyResult === 'no' ? 'granted' : 'unknown');
}

const NOTHING_MISSING = { identity: false, boundary: false, resource: false };

/** The repository and registry policies that can speak to this action, and what is unknown about them. */
function resourcePoliciesFor(
  context: EcrPullContext,
  action: string,
): { policies: KnownPolicy[]; unknown: string | undefined } {
  const policies: KnownPolicy[] = [];
  let unknown: string | undefined;
  if (context.repository?.missing && context.crossAccount) {
    // The cache creates it with the policy of the registry's repository creation template, which is not read.
    unknown =
      `repository ${context.repositoryArn} does not exist yet: the pull-through cache creates it with the repository policy of the registry's repository creation template, which pullcheck does not read` +
      ` (aws ecr describe-repository-creation-templates --registry-id ${context.location.account}); a registry policy grant would decide it`;
  } else if (context.repository) {
    if (context.repository.policy) policies.push(context.repository.policy);
  } else {
    unknown =
      `repository ${context.repositoryArn} is not in facts.aws.repositories: add it with its policy (or \`policy: null\`)` +
      ` (live reads need ecr:GetRepositoryPolicy in account ${context.location.account})`;
  }
  const registry = context.registry;
  const registryCovers = registry?.scope === 'V2' || V1_REGISTRY_ACTIONS.has(action);
  if (registry?.policy && registryCovers) policies.push(registry.policy);
  traceResourceLayers(activeTrace(), context, { action, registryCovers, unknown });
  return { policies, unknown };
}

function withUnknown(finding: Finding, unknown: string | undefined): Finding {
  if (unknown === undefined || finding.result === 'yes') return finding;
  return { result: 'unknown', hits: finding.hits, unknownBecause: [...finding.unknownBecause, unknown] };
}

function decide(context: EcrPullContext, outcomes: ActionOutcome[], conditional: ActionOutcome[]): Verdict {
  const reasons = explain(context, outcomes);
  const blocked = outcomes.filter((outcome) => outcome.status === 'denied' || outcome.status === 'missing');
  if (blocked.length > 0) {
    return { verdict: 'denied', reasons, missing: ecrMissingGrants(context, blocked) };
  }
  const undecided = [...outcomes.filter((outcome) => outcome.status === 'unknown')];
  const unknownReasons = [...new Set(undecided.flatMap((outcome) => outcome.unknownBecause))];
  for (const outcome of conditional.filter((o) => o.status !== 'granted')) {
    unknownReasons.push(
      `${outcome.action} is needed only if the pull-through-cache repository ${context.location.repository} does not exist yet` +
        ` and the role may not have it: list the repository in facts.aws.repositories if it exists`,
    );
  }
  if (unknownReasons.length > 0) {
    return {
      verdict: 'unknown',
      reasons: [...reasons, ...unknownReasons.map((r) => `unknown: ${r}`)],
      missing: [],
    };
  }
  return { verdict: 'allowed', reasons, missing: [] };
}
