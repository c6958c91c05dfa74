// `discover.manifests`: each entry's manifests are read (plain YAML, Kustomize, Helm), their workloads
// found, and the declared target they run on replaced by what those workloads pull (targets.ts).
import path from 'node:path';
import type { LoadedConfig } from '../core/config/load.ts';
import { assertUserFile, repositoryRootOf, shownPath } from '../core/config/read-file.ts';
import { isDiscoveryPlatform, type DiscoverInput, type TargetInput } from '../core/config/schema.ts';
import { quotedValue } from '../core/quoted-value.ts';
import { ConfigError, firstProblems, type ConfigProblem } from '../core/errors.ts';
import { imageNameOf } from '../core/image-reference.ts';
import type { Origin } from '../core/origins.ts';
import { registryLocator } from '../core/registries.ts';
import { registries } from '../providers/index.ts';
import type { ReportFinding } from '../core/verdict.ts';
import { discoveryFinding } from './findings.ts';
import type { HelmRunner } from './manifests/helm.ts';
import type { KustomizeSettings } from './manifests/kustomize/real-tool.ts';
import { readManifestPatterns } from './manifests/read.ts';
import type { AppliedToTarget } from './deploy-targets.ts';
import { appliedSets } from './applied-targets.ts';
import { listed, warn } from './manifest-messages.ts';
import { workloadsOf } from './manifests/workloads.ts';
import { discoverTargets, keyOfWritten, type DiscoveredTargets, type WorkloadSet } from './targets.ts';

type ManifestEntry = NonNullable<DiscoverInput['manifests']>[number];

/** What reading the entries shares: the config, where it lives, and the findings collected so far. */
export interface EntryContext {
  readonly config: LoadedConfig;
  readonly configDir: string;
  readonly root: string;
  readonly helmRunner: HelmRunner | undefined;
  readonly kustomize: KustomizeSettings | undefined;
  readonly findings: ReportFinding[];
}

export function withManifestTargets(
  config: LoadedConfig,
  helmRunner: HelmRunner | undefined,
  applied: readonly AppliedToTarget[] = [],
  kustomize?: KustomizeSettings,
): { config: LoadedConfig; findings: ReportFinding[] } {
  const configDir = path.dirname(path.resolve(config.file));
  const declared = config.input.targets ?? [];
  const findings: ReportFinding[] = [];
  const root = repositoryRootOf(configDir);
  const context = { config, configDir, root, helmRunner, kustomize, findings };
  const sets = [...workloadSets(context), ...appliedSets(context, applied)];

  const locate = registryLocator(registries, declared);
  const images = new Map<string, string>();
  for (const text of config.input.images ?? []) {
    const key = keyOfWritten(text, locate);
    if (!images.has(key)) images.set(key, text);
  }
  const discovered = discoverTargets({
    targets: declared,
    targetOrigins: config.origins.targets,
    images,
    sets,
    allImages: config.input.discover?.allImages === true,
  });
  for (const warning of discovered.warnings) warn(findings, warning, warning.message);
  for (const [target, unpushed] of discovered.notPushed) findings.push(notPushedFinding(target, unpushed));
  return { config: withDiscovered(config, discovered), findings };
}

/** Each entry's workloads on its declared target; every entry naming no cluster target is a config problem. */
function workloadSets(context: EntryContext): WorkloadSet[] {
  const { config } = context;
  const declared = config.input.targets ?? [];
  const problems: ConfigProblem[] = [];
  const sets: WorkloadSet[] = [];
  (config.input.discover?.manifests ?? []).forEach((entry, i) => {
    const at = ['discover', 'manifests', i] as const;
    const target = declared.find((candidate) => candidate.name === entry.target);
    if (!target || !isDiscoveryPlatform(target.platform)) {
      problems.push({
        where: config.locate([...at, 'target']),
        message: targetProblem(entry, target, declared),
      });
      return;
    }
    sets.push(readEntry(context, entry, i, target));
  });
  if (problems.length > 0) throw new ConfigError(firstProblems(problems, 'problem'));
  return sets;
}

function targetProblem(
  entry: ManifestEntry,
  target: TargetInput | undefined,
  declared: readonly TargetInput[],
): string {
  const names = declared.filter((t) => isDiscoveryPlatform(t.platform)).map((t) => `\`${t.name}\``);
  return target
    ? `target \`${entry.target}\` is a ${target.platform} target: manifests run on openshift, kubernetes, eks, gke or k3s targets`
    : `no target is named ${quotedValue(entry.target)}; declared cluster targets: ${names.slice(0, 10).join(', ') || 'none'}${names.length > 10 ? ', …' : ''}`;
}

/** One entry's manifests read and their workloads found, with what reading them warned about. */
function readEntry(context: EntryContext, entry: ManifestEntry, i: number, target: TargetInput): WorkloadSet {
  const { config, configDir, root, helmRunner, kustomize, findings } = context;
  const at = ['discover', 'manifests', i] as const;
  // Manifests without a namespace land in the target's (as `kubectl apply -n` would); a chart's in its own.
  const namespace =
    target.platform === 'openshift' || target.platform === 'kubernetes' ? target.namespace : 'default';
  const read = readManifestPatterns(
    entry.paths.map((pattern, p) => ({ pattern, where: config.locate([...at, 'paths', p]) })),
    {
      baseDir: configDir,
      root,
      helm: {
        namespace: entry.helm?.namespace ?? namespace,
        releaseName: entry.helm?.releaseName,
        // helm reads the values files itself: each is first checked the way any file the config names is.
        values: entry.helm?.values?.map((file, v) => {
          const absolute = path.resolve(configDir, file);
          const where = config.locate([...at, 'helm', 'values', v]);
          assertUserFile(absolute, where, `${shownPath(file)} (%CODE%): expected a values file`, root);
          return absolute;
        }),
      },
      ...(helmRunner ? { helmRunner } : {}),
      ...(kustomize ? { kustomize } : {}),
    },
  );
  const found = workloadsOf(read.objects, namespace);
  for (const warning of [...read.warnings, ...found.warnings]) warn(findings, warning, warning.message);
  if (found.workloads.length === 0) {
    findings.push(
      discoveryFinding(
        'discovery',
        'low',
        config.locate([...at, 'paths']),
        `no workloads found for target \`${target.name}\` in ${listed(entry.paths)}`,
      ),
    );
  }
  return { target, workloads: found.workloads };
}

function notPushedFinding(target: string, unpushed: ReadonlyMap<string, Origin>): ReportFinding {
  const list = [...unpushed.keys()].sort();
  const plural = list.length !== 1;
  return discoveryFinding(
    'discovery',
    'low',
    unpushed.values().next().value!,
    `${list.length} image${plural ? 's' : ''} in the manifests of target \`${target}\` ${plural ? 'are' : 'is'}` +
      ` not pushed by the workflow and ${plural ? 'were' : 'was'} not checked` +
      ` (${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}): set discover.allImages: true to check them`,
  );
}

/** The config with the discovered targets in place of the declared ones, and any images they add. */
function withDiscovered(config: LoadedConfig, discovered: DiscoveredTargets): LoadedConfig {
  const imageOrigins = new Map(config.origins.images);
  for (const added of discovered.addedImages) {
    const name = imageNameOf(added.reference);
    if (name !== undefined && !imageOrigins.has(name)) imageOrigins.set(name, added.origin);
  }
  return {
    ...config,
    input: {
      ...config.input,
      images: [...(config.input.images ?? []), ...discovered.addedImages.map((added) => added.reference)],
      targets: discovered.targets,
    },
    origins: { images: imageOrigins, targets: discovered.targetOrigins },
  };
}
