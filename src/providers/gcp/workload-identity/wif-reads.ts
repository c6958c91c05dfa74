// Live reads for the CI path's Google logins: each workload identity pool provider a job logs in through and its
// pool (IAM v1 GET https://iam.googleapis.com/v1/{name}), and each impersonated service account's allow policy
// (POST …/v1/projects/-/serviceAccounts/EMAIL:getIamPolicy) with its project's (Resource Manager). What the
// config states is not read again; what cannot be read is `unreadable`, naming the permission to grant.
import type { CiLogin } from '../../../core/ci-path.ts';
import type { CallOutcome } from '../../../core/call-runner.ts';
import type { CollectedIamPolicy } from '../collect.ts';
import { policyKey, serviceAccountResource } from '../facts.ts';
import type { GoogleApis } from '../google-apis.ts';
import type { GcpFactsInput } from '../schema.ts';
import { serviceAccountProject } from '../service-account-project.ts';
import { CelError, parseCel } from './cel-parse.ts';
import { poolOf } from './federated.ts';

export type CollectedProvider = Record<string, unknown> & { readonly name: string };

export interface CollectedLoginFacts {
  readonly workloadIdentityProviders: readonly CollectedProvider[];
  readonly iamPolicies: readonly CollectedIamPolicy[];
}

const POLICY_VERSION = 3;

export async function readCiLoginFacts(
  logins: readonly CiLogin[],
  known: GcpFactsInput,
  api: GoogleApis,
): Promise<CollectedLoginFacts> {
  const google = logins.filter((login) => login.provider === 'gcp');
  const stated = new Set((known.workloadIdentityProviders ?? []).map((entry) => entry.name));
  const statedPolicies = new Set((known.iamPolicies ?? []).map((entry) => policyKey(entry.resource)));
  const names = [...new Set(google.map((login) => login.identity))].filter((name) => !stated.has(name));
  const emails = [
    ...new Set(
      google.flatMap((login) => (login.with['service_account'] ? [login.with['service_account']] : [])),
    ),
  ];
  const policies: Promise<CollectedIamPolicy>[] = [];
  for (const email of emails) {
    const resource = serviceAccountResource(email);
    if (!statedPolicies.has(resource))
      policies.push(serviceAccountPolicy(api, email).then((outcome) => entry(resource, outcome)));
    const project = serviceAccountProject(email, { projects: new Map(), projectsByNumber: new Map() })?.id;
    if (project !== undefined && !statedPolicies.has(`projects/${project}`)) {
      policies.push(
        api
          .resourceManagerPolicy(`projects/${project}`)
          .then((outcome) => entry(`projects/${project}`, outcome)),
      );
    }
  }
  const providers = await Promise.all(names.map((name) => readProvider(api, name)));
  return { workloadIdentityProviders: providers, iamPolicies: dedupe(await Promise.all(policies)) };
}

function serviceAccountPolicy(api: GoogleApis, email: string): Promise<CallOutcome<unknown>> {
  const resource = serviceAccountResource(email);
  return api.runner.run(
    { key: `gcp:getIamPolicy:${resource}`, permission: 'iam.serviceAccounts.getIamPolicy', resource },
    (signal) =>
      api.json(
        `${api.base.iam}/v1/projects/-/serviceAccounts/${encodeURIComponent(email)}:getIamPolicy`,
        signal,
        {
          method: 'POST',
          body: { options: { requestedPolicyVersion: POLICY_VERSION } },
        },
      ),
  );
}

function entry(resource: string, outcome: CallOutcome<unknown>): CollectedIamPolicy {
  if (!outcome.ok) return { resource, unreadable: outcome.message };
  const { bindings, etag, version } = (outcome.value ?? {}) as Record<string, unknown>;
  return {
    resource,
    policy: {
      ...(bindings === undefined ? {} : { bindings }),
      ...(etag === undefined ? {} : { etag }),
      ...(version === undefined ? {} : { version }),
    },
  };
}

function dedupe(entries: readonly CollectedIamPolicy[]): CollectedIamPolicy[] {
  const seen = new Set<string>();
  return entries.filter((one) => !seen.has(one.resource) && seen.add(one.resource));
}

async function readProvider(api: GoogleApis, name: string): Promise<CollectedProvider> {
  const get = (resource: string, permission: string) =>
    api.runner.run({ key: `gcp:get:${resource}`, permission, resource }, (signal) =>
      api.json(`${api.base.iam}/v1/${resource}`, signal),
    );
  const pool = poolOf(name);
  const [provider, poolRead] = await Promise.all([
    get(name, 'iam.workloadIdentityPoolProviders.get'),
    get(pool, 'iam.workloadIdentityPools.get'),
  ]);
  if (!provider.ok) return { name, unreadable: provider.message };
  const value = (provider.value ?? {}) as Record<string, unknown>;
  const oidc = (value['oidc'] ?? {}) as Record<string, unknown>;
  const fields: Record<string, unknown> = {
    name,
    attributeMapping: value['attributeMapping'] ?? {},
    ...pick(value, ['attributeCondition', 'state', 'disabled', 'displayName', 'description', 'expireTime']),
    oidc: pick(oidc, ['issuerUri', 'allowedAudiences']),
  };
  if (poolRead.ok)
    fields['pool'] = pick((poolRead.value ?? {}) as Record<string, unknown>, ['state', 'disabled']);
  const unparsable = celProblem(fields);
  return unparsable === undefined
    ? (fields as CollectedProvider)
    : {
        name,
        unreadable: `read live, but not CEL pullcheck can parse: ${unparsable}; state the provider in the config's facts to check it`,
      };
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.flatMap((key) => (source[key] === undefined ? [] : [[key, source[key]]])));
}

/** The first mapping or condition pullcheck's parser refuses (Google accepted it). */
function celProblem(fields: Record<string, unknown>): string | undefined {
  const expressions = [
    ...Object.entries((fields['attributeMapping'] ?? {}) as Record<string, string>),
    ...(typeof fields['attributeCondition'] === 'string'
      ? [['attributeCondition', fields['attributeCondition']]]
      : []),
  ];
  for (const [key, text] of expressions) {
    try {
      if (String(text).trim() !== '') parseCel(String(text));
    } catch (error) {
      if (error instanceof CelError) return `${key}: ${error.message}`;
      throw error;
    }
  }
  return undefined;
}
