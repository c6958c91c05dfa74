// Live reads of an IAM role: its attached managed policies (AWS-managed ones by ARN when the built-in data
// holds their default version), its inline policies, and its permissions boundary.
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  type IAMClient,
  ListRolePoliciesCommand,
  type ListRolePoliciesCommandOutput,
} from '@aws-sdk/client-iam';
import type { CallOutcome } from '../../core/call-runner.ts';
import type { AwsReadOptions } from './collect.ts';
import { awsManagedPolicy } from './managed-policies.ts';

export interface RoleFactsOut {
  arn: string;
  managedPolicies?: string[];
  policies?: unknown[];
  permissionsBoundary?: unknown;
  trustPolicy?: unknown;
  unreadable?: string;
}

const PAGE_LIMIT = 50;

/** `trust`: keep the role's trust policy too (a CI login assumes it: web-identity/). */
export async function collectRole(
  arn: string,
  options: AwsReadOptions,
  trust = false,
): Promise<RoleFactsOut> {
  const account = /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1];
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const iam = await options.clients.iam(account);
  const run = <T>(permission: string, resource: string, send: (signal: AbortSignal) => Promise<T>) =>
    options.runner.run({ key: `${permission} ${resource}`, permission, resource }, send);
  const unreadable = (message: string): RoleFactsOut => ({ arn, unreadable: message });

  const role = await run('iam:GetRole', arn, () => iam.send(new GetRoleCommand({ RoleName: name })));
  if (!role.ok) return unreadable(role.message);
  // The role exists: its attached policies, inline policies and boundary are independent reads, in flight
  // together; a refusal is reported in that order, as when they were read one after another.
  const boundaryArn = role.value.Role?.PermissionsBoundary?.PermissionsBoundaryArn;
  const [attached, inline, boundary] = await Promise.all([
    attachedPolicies(arn, name, run, iam),
    inlinePolicies(arn, name, run, iam),
    boundaryArn ? managedDocument(boundaryArn, run, iam) : undefined,
  ]);
  if ('unreadable' in attached) return unreadable(attached.unreadable);
  if ('unreadable' in inline) return unreadable(inline.unreadable);
  let permissionsBoundary: unknown = null;
  if (typeof boundary === 'string') permissionsBoundary = boundary;
  else if (boundary && 'unreadable' in boundary) return unreadable(boundary.unreadable);
  else if (boundary) permissionsBoundary = boundary.document;
  const policies = [...attached.documents, ...inline.documents];
  let trustPolicy: { document: unknown } | undefined;
  if (trust) {
    const read = policyDocument(
      role.value.Role?.AssumeRolePolicyDocument,
      `iam:GetRole on ${arn} (its trust policy)`,
    );
    if ('unreadable' in read) return unreadable(read.unreadable);
    trustPolicy = read;
  }
  return {
    arn: role.value.Role?.Arn ?? arn,
    ...(attached.managedPolicies.length > 0 ? { managedPolicies: attached.managedPolicies } : {}),
    ...(policies.length > 0 ? { policies } : {}),
    permissionsBoundary,
    ...(trustPolicy ? { trustPolicy: trustPolicy.document } : {}),
  };
}

type Listed<T> = T | { unreadable: string };

/**
 * Attached managed policies, page by page (a page's policies read together): ARNs kept for AWS-managed
 * data, documents otherwise, in the list's order; or the first refusal.
 */
async function attachedPolicies(
  arn: string,
  name: string,
  run: Run,
  iam: IAMClient,
): Promise<Listed<{ managedPolicies: string[]; documents: unknown[] }>> {
  const managedPolicies: string[] = [];
  const documents: unknown[] = [];
  let marker: string | undefined;
  for (let page = 0; page < PAGE_LIMIT; page++) {
    const attached = await run('iam:ListAttachedRolePolicies', `${arn}#${marker ?? ''}`, () =>
      iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker: marker })),
    );
    if (!attached.ok) return { unreadable: attached.message.replace(`#${marker ?? ''}`, '') };
    const read = await Promise.all(
      (attached.value.AttachedPolicies ?? []).flatMap((policy) =>
        policy.PolicyArn ? [managedDocument(policy.PolicyArn, run, iam)] : [],
      ),
    );
    for (const document of read) {
      if (typeof document === 'string') managedPolicies.push(document);
      else if ('unreadable' in document) return document;
      else documents.push(document.document);
    }
    if (!attached.value.IsTruncated) return { managedPolicies, documents };
    marker = attached.value.Marker;
    if (!marker) return { unreadable: cutShort('attached policies', arn) };
  }
  return { unreadable: cutShort('attached policies', arn) };
}

/** Inline policies, page by page (a page's policies read together), in the list's order; or the first refusal. */
async function inlinePolicies(
  arn: string,
  name: string,
  run: Run,
  iam: IAMClient,
): Promise<Listed<{ documents: unknown[] }>> {
  const documents: unknown[] = [];
  let marker: string | undefined;
  for (let page = 0; page < PAGE_LIMIT; page++) {
    const names: CallOutcome<ListRolePoliciesCommandOutput> = await run(
      'iam:ListRolePolicies',
      `${arn}#${marker ?? ''}`,
      () => iam.send(new ListRolePoliciesCommand({ RoleName: name, Marker: marker })),
    );
    if (!names.ok) return { unreadable: names.message.replace(`#${marker ?? ''}`, '') };
    const read = await Promise.all(
      (names.value.PolicyNames ?? []).map((policyName) =>
        run('iam:GetRolePolicy', `${arn} policy ${policyName}`, () =>
          iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName })),
        ),
      ),
    );
    for (const inline of read) {
      if (!inline.ok) return { unreadable: inline.message };
      const decoded = policyDocument(
        inline.value.PolicyDocument,
        `iam:GetRolePolicy on ${arn} (${inline.value.PolicyName ?? 'an inline policy'})`,
      );
      if ('unreadable' in decoded) return decoded;
      documents.push(decoded.document);
    }
    if (!names.value.IsTruncated) return { documents };
    marker = names.value.Marker;
    if (!marker) return { unreadable: cutShort('inline policies', arn) };
  }
  return { unreadable: cutShort('inline policies', arn) };
}

/**
 * A list IAM says goes on that cannot be followed (no marker, or more than PAGE_LIMIT pages): the role's
 * policies are not known whole, so a Deny among the rest could be missed — unreadable, never cut short.
 */
function cutShort(list: string, arn: string): string {
  return `the ${list} of ${arn} go on past what pullcheck reads (${PAGE_LIMIT} pages, or a page without its marker): give the role under facts.aws.roles`;
}

type Run = <T>(
  permission: string,
  resource: string,
  send: (signal: AbortSignal) => Promise<T>,
) => Promise<CallOutcome<T>>;

/**
 * An attached policy: an AWS-managed ARN stays an ARN when its default version is the one the built-in
 * data holds (no download); otherwise its default version's document is fetched.
 */
async function managedDocument(
  policyArn: string,
  run: Run,
  iam: IAMClient,
): Promise<string | { document: unknown } | { unreadable: string }> {
  const policy = await run('iam:GetPolicy', policyArn, () =>
    iam.send(new GetPolicyCommand({ PolicyArn: policyArn })),
  );
  if (!policy.ok) return { unreadable: policy.message };
  const versionId = (policy.value as { Policy?: { DefaultVersionId?: string } }).Policy?.DefaultVersionId;
  const builtIn = awsManagedPolicy(policyArn);
  if (builtIn && builtIn.versionId === versionId) return policyArn;
  const version = await run('iam:GetPolicyVersion', `${policyArn} ${versionId ?? ''}`, () =>
    iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId })),
  );
  if (!version.ok) return { unreadable: version.message };
  return policyDocument(
    (version.value as { PolicyVersion?: { Document?: string } }).PolicyVersion?.Document,
    `iam:GetPolicyVersion on ${policyArn}`,
  );
}

/**
 * IAM returns policy documents URL-encoded (IAM API reference, GetRolePolicy: "URL-encoded"). One that does
 * not decode to JSON is not known: the role is unreadable, naming the call, never a crash of the reads.
 */
function policyDocument(
  encoded: string | undefined,
  call: string,
): { document: unknown } | { unreadable: string } {
  if (!encoded) return { document: {} };
  try {
    const text = encoded.trimStart().startsWith('{') ? encoded : decodeURIComponent(encoded);
    return { document: JSON.parse(text) as unknown };
  } catch {
    return { unreadable: `${call} answered a document that is not URL-encoded JSON` };
  }
}
