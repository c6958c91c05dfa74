// What `skaffold run|deploy|dev` applies (skaffold.dev/docs/references/yaml): the manifests of every config
// in skaffold.yaml — `manifests.rawYaml` and `manifests.kustomize.paths` (v2+), `deploy.kubectl.manifests`
// and `deploy.kustomize.paths` (v1) — relative to the file's folder, on the job's cluster, with each
// artifact's image replaced by the name skaffold pushed it as. A selected profile's manifests replace the
// config's; what skaffold does that is not read here (Helm releases, profile patches) is a finding.
import path from 'node:path';
import type { AppliedManifests, Sink } from '../sites.ts';
import { concat, type Text } from '../text.ts';

type Json = Record<string, unknown>;
const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The manifest paths one config (or a profile of it) names, and whether it deploys Helm releases. */
function manifestsOf(config: Json): { paths: string[]; kustomize: string[]; helm: boolean } {
  const manifests = record(config['manifests']);
  const deploy = record(config['deploy']);
  return {
    paths: [...strings(manifests['rawYaml']), ...strings(record(deploy['kubectl'])['manifests'])],
    kustomize: [
      ...strings(record(manifests['kustomize'])['paths']),
      ...strings(record(deploy['kustomize'])['paths']),
    ],
    helm:
      Array.isArray(record(manifests['helm'])['releases']) ||
      Array.isArray(record(deploy['helm'])['releases']),
  };
}

export interface SkaffoldDeploy {
  readonly configs: readonly Json[];
  readonly profiles: ReadonlySet<string>;
  /** skaffold.yaml's repository-relative path. */
  readonly file: string;
  readonly namespace: Text | undefined;
  /** Each artifact's image as written, and the name skaffold pushes (and deploys) it as. */
  readonly artifacts: ReadonlyMap<string, Text>;
  readonly via: string;
}

export function skaffoldDeploy(deploy: SkaffoldDeploy, sink: Sink): void {
  const dir = path.posix.dirname(deploy.file);
  const images = [...deploy.artifacts].map(([name, pushed]) => concat([`${name}=`], pushed));
  const base: Omit<AppliedManifests, 'paths'> = {
    via: deploy.via,
    cwd: dir === '.' ? '' : dir,
    ...(deploy.namespace ? { namespace: deploy.namespace } : {}),
    ...(images.length > 0 ? { images } : {}),
  };
  for (const config of deploy.configs) {
    const chosen = (Array.isArray(config['profiles']) ? config['profiles'] : [])
      .map(record)
      .filter((profile) => deploy.profiles.has(String(profile['name'])));
    for (const profile of chosen.filter((p) => Array.isArray(p['patches'])))
      sink.problem(
        `skaffold profile ${String(profile['name'])} of ${deploy.file} patches the config, which pullcheck does not apply: the manifests are read without the patch`,
      );
    const own = chosen.map(manifestsOf).find((m) => m.paths.length + m.kustomize.length > 0 || m.helm);
    const { paths, kustomize, helm } = own ?? manifestsOf(config);
    if (helm)
      sink.problem(
        `skaffold deploys Helm releases of ${deploy.file}, which pullcheck does not render: list the images they run and their targets in the config`,
      );
    if (paths.length > 0) sink.applied({ ...base, paths: paths.map((p) => [p]) });
    if (kustomize.length > 0) sink.applied({ ...base, paths: kustomize.map((p) => [p]), kustomize: true });
  }
}
