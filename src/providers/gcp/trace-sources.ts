// Where each Google fact a trace step names was written (issue 19, `pullcheck explain`): a line of the config
// (inline facts), a line of a policy file the config names, or the API method live reads called. Found only
// when a step is recorded: a check builds this object once and never calls it.
import path from 'node:path';
import type { LoadedConfig } from '../../core/config/load.ts';
import type { ConfigPath } from '../../core/config/yaml-source.ts';
import { isReadLive } from '../../core/live-facts.ts';
import type { TraceSource } from '../../core/trace.ts';
import { lineInFile } from '../source-lines.ts';
import { isLiveEntry } from './live-facts.ts';

export interface GcpSources {
  /** Binding #index (0-based) of the allow policy of `resource`. */
  allowBinding(resource: string, index: number): TraceSource;
  /** The allow policy of `resource` as a whole (absent, unreadable). */
  allowPolicy(resource: string): TraceSource;
  /** A deny rule or PAB policy, by its path in the config (`at`), read live when its entry was. */
  boundaryEntry(label: string, at: ConfigPath | undefined, live: string): TraceSource;
  /** The access scopes of a GKE target's service account. */
  scopes(targetName: string, email: string): TraceSource;
}

/** A config path's first four segments: facts.gcp.LIST.INDEX. */
type EntryPath = readonly ['facts', 'gcp', string, number, ...(string | number)[]];

export function gcpSources(config: LoadedConfig, policyKey: (resource: string) => string): GcpSources {
  const gcp = () => config.input.facts?.gcp;
  const inConfig = (label: string, at: ConfigPath): TraceSource => ({
    label,
    file: config.file,
    line: config.locate(at).line,
  });
  /** The last entry for the resource wins, as facts.ts keeps it. */
  const policyEntry = (resource: string) => {
    const entries = gcp()?.iamPolicies ?? [];
    for (let i = entries.length - 1; i >= 0; i--) {
      if (policyKey(entries[i]!.resource) === resource) return { i, entry: entries[i]! };
    }
    return undefined;
  };
  const allowPolicyAt = (resource: string, inside: ConfigPath): TraceSource => {
    const label = `allow policy of ${resource}`;
    const found = policyEntry(resource);
    if (!found) return { label };
    const { i, entry } = found;
    const document = entry.policy;
    if (entry.unreadable !== undefined || (document && isReadLive(document))) {
      return { label, live: getIamPolicyMethod(resource) };
    }
    const at: ConfigPath = ['facts', 'gcp', 'iamPolicies', i, 'policy', ...inside];
    if (!document || samePath(document.where.file, config.file)) return inConfig(label, at);
    const line = lineInFile(document.where.file, inside);
    return { label, file: document.where.file, ...(line === undefined ? {} : { line }) };
  };
  return {
    allowBinding: (resource, index) => allowPolicyAt(resource, ['bindings', index]),
    allowPolicy: (resource) => allowPolicyAt(resource, []),
    boundaryEntry: (label, at, live) => {
      if (!at) return { label };
      const [, , list, index] = at as EntryPath;
      const entry = (gcp() as Record<string, unknown[] | undefined> | undefined)?.[list]?.[index];
      return isLiveEntry(entry) ? { label, live } : inConfig(label, at);
    },
    scopes: (targetName, email) => {
      const label = `node service account ${email} of target ${targetName}`;
      const t = (config.input.targets ?? []).findIndex((target) => target.name === targetName);
      const target = config.input.targets?.[t];
      const accounts = target?.platform === 'gke' ? (target.serviceAccounts ?? []) : [];
      const s = accounts.findIndex((account) => account.email === email);
      if (t === -1 || s === -1 || accounts[s]?.scopes === undefined) {
        return { label, live: 'container.projects.locations.clusters.nodePools.list' };
      }
      return inConfig(label, ['targets', t, 'serviceAccounts', s, 'scopes']);
    },
  };
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** The method live reads call for a resource's allow policy (collect.ts). */
function getIamPolicyMethod(resource: string): string {
  if (resource.includes('/repositories/')) return 'artifactregistry.repositories.getIamPolicy';
  if (resource.includes('/serviceAccounts/')) return 'iam.serviceAccounts.getIamPolicy';
  if (resource.startsWith('buckets/')) return 'storage.buckets.getIamPolicy';
  const kind = resource.slice(0, resource.indexOf('/'));
  return `cloudresourcemanager.${kind}.getIamPolicy`;
}
