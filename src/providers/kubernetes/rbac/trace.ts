// Explain's RBAC steps (issue 19): for each RoleBinding or ClusterRoleBinding the authorizer considers, the
// binding's outcome, each of its subjects (matched or not), and — once a subject covers the user — each rule of
// its role with the parts (verb, apiGroup, resource, resourceName) that matched or failed. Recomputed here
// only while a trace is active, so authorize() itself stays as it was.
import type { ConfigPath } from '../../../core/config/yaml-source.ts';
import type { TraceOutcome, TraceSink, TraceSource } from '../../../core/trace.ts';
import { roleOf, ruleParts, selects, subjectCovers, type ResourceRequest, type UserInfo } from './match.ts';
import type { Binding, ClusterState, ObjectPlace, PolicyRule, RoleDefinition, Subject } from './model.ts';

export const RBAC_LAYER = 'RBAC';

/** A source for a path inside an object: its file and line, the live read, or built in. */
export function placeSource(place: ObjectPlace | undefined, label: string, at: ConfigPath): TraceSource {
  if (!place) return { label: `${label} (built in)` };
  if (place.live !== undefined) return { label, live: place.live };
  return { label, ...place.at(at) };
}

export function traceBinding(
  sink: TraceSink,
  state: ClusterState,
  binding: Binding,
  user: UserInfo,
  request: ResourceRequest,
): void {
  const label =
    binding.namespace === undefined
      ? `ClusterRoleBinding ${binding.name}`
      : `RoleBinding ${binding.namespace}/${binding.name}`;
  const step = (subject: string, source: TraceSource, outcome: TraceOutcome, detail: string) =>
    sink.step({ layer: RBAC_LAYER, subject, source, outcome, detail });
  const source = placeSource(binding.place, label, []);
  const roleName = `${binding.roleRef.kind} ${binding.roleRef.name}`;
  if (binding.namespace !== undefined && binding.namespace !== request.namespace) {
    step(
      label,
      source,
      'not matched',
      `it is in namespace ${binding.namespace}, the request in ${request.namespace}`,
    );
    return;
  }
  const covered = binding.subjects.map((subject) => subjectCovers(subject, binding, user));
  const role = covered.includes(true) ? roleOf(state, binding) : undefined;
  const rules = role ? roleRules(state, role, binding.roleRef.kind) : [];
  const asked = requestText(request);
  const [outcome, detail] = bindingOutcome(covered.includes(true), role, rules, request, user, roleName);
  step(label, source, outcome, detail);
  binding.subjects.forEach((subject, i) => {
    const where = placeSource(binding.place, label, ['subjects', i]);
    step(
      `subject ${subjectName(subject)} of ${label}`,
      where,
      covered[i] ? 'matched' : 'not matched',
      subjectDetail(subject, covered[i]!, user),
    );
  });
  for (const { owner, kind, rule, index } of rules) {
    const roleLabel = `${kind} ${owner.namespace ? `${owner.namespace}/` : ''}${owner.name}`;
    const where = placeSource(owner.place, roleLabel, ['rules', index]);
    const matched = allParts(rule, request);
    step(
      `rule #${index + 1} of ${roleLabel}`,
      where,
      matched ? 'matched' : 'not matched',
      ruleDetail(rule, request, asked),
    );
  }
}

function bindingOutcome(
  covers: boolean,
  role: RoleDefinition | undefined,
  rules: readonly { rule: PolicyRule }[],
  request: ResourceRequest,
  user: UserInfo,
  roleName: string,
): [TraceOutcome, string] {
  const asked = requestText(request);
  if (!covers)
    return ['not matched', `no subject is ${user.user} or one of its groups (${user.groups.join(', ')})`];
  if (!role) return ['undecided', `${roleName} is neither in facts.kubernetes.manifests nor built in`];
  return rules.some(({ rule }) => allParts(rule, request))
    ? ['matched', `a subject covers ${user.user}, and ${roleName} allows ${asked}`]
    : ['not matched', `a subject covers ${user.user}, but no rule of ${roleName} allows ${asked}`];
}

function requestText(request: ResourceRequest): string {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  return `${request.verb} ${resource} "${request.name}" (apiGroup ${request.apiGroup || '""'}) in ${request.namespace}`;
}

function allParts(rule: PolicyRule, request: ResourceRequest): boolean {
  const { verb, group, resource, name } = ruleParts(rule, request);
  return verb && group && resource && name;
}

/** The role's own rules, then those of every ClusterRole its aggregation selects, as authorize() reads them. */
function roleRules(
  state: ClusterState,
  role: RoleDefinition,
  kind: string,
  seen = new Set<string>(),
): { owner: RoleDefinition; kind: string; rule: PolicyRule; index: number }[] {
  seen.add(role.name);
  const own = role.rules.map((rule, index) => ({ owner: role, kind, rule, index }));
  const aggregated = (role.aggregation ?? []).flatMap((selector) =>
    [...state.clusterRoles.values()]
      .filter((candidate) => !seen.has(candidate.name) && selects(selector, candidate.labels))
      .flatMap((candidate) => roleRules(state, candidate, 'ClusterRole', seen)),
  );
  return [...own, ...aggregated];
}

function subjectName(subject: Subject): string {
  return `${subject.kind} ${subject.namespace ? `${subject.namespace}/` : ''}${subject.name}`;
}

function subjectDetail(subject: Subject, covers: boolean, user: UserInfo): string {
  const is = covers ? 'is' : 'is not';
  switch (subject.kind) {
    case 'User':
      return `the user ${is} ${subject.name} (the request is ${user.user})`;
    case 'Group':
      return `${subject.name} ${is} one of the user's groups (${user.groups.join(', ')})`;
    case 'ServiceAccount':
      return `the pulling service account ${user.serviceAccount ? `${user.serviceAccount.namespace}/${user.serviceAccount.name}` : user.user} ${is} this one`;
  }
}

function ruleDetail(rule: PolicyRule, request: ResourceRequest, asked: string): string {
  const parts = ruleParts(rule, request);
  const list = (values: readonly string[]) => `[${values.map((value) => value || '""').join(', ')}]`;
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  const failed = [
    parts.verb ? '' : `verb ${request.verb} is not in verbs ${list(rule.verbs)}`,
    parts.group ? '' : `apiGroup ${request.apiGroup || '""'} is not in apiGroups ${list(rule.apiGroups)}`,
    parts.resource ? '' : `resource ${resource} is not in resources ${list(rule.resources)}`,
    parts.name ? '' : `name "${request.name}" is not in resourceNames ${list(rule.resourceNames)}`,
  ].filter(Boolean);
  return failed.length === 0
    ? `verbs ${list(rule.verbs)}, apiGroups ${list(rule.apiGroups)}, resources ${list(rule.resources)}${rule.resourceNames.length > 0 ? `, resourceNames ${list(rule.resourceNames)}` : ''} allow ${asked}`
    : failed.join('; ');
}
