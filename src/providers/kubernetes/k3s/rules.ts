// k3s rules: a node's registry credentials come from registries.yaml, so the principal of a pull depends
// on the image's registry host — a service-account key makes it that service account.
import type { LoadedConfig } from '../../../core/config/load.ts';
import type { TargetInput } from '../../../core/config/schema.ts';
import type { ImageReference } from '../../../core/image-reference.ts';
import type { PullRules, TargetPrincipal } from '../../../core/provider.ts';
import type { ReportFinding, Verdict } from '../../../core/verdict.ts';
import {
  nodeCredentialsFor,
  type NodeCredentials,
  type NodeFacts,
} from '../credential-providers/node-credentials.ts';
import { nodeFactsOf } from '../credential-providers/node-facts.ts';
import { credentialFor } from './credentials.ts';
import { registriesFindings } from './findings.ts';
import { K3S_NODE } from './index.ts';
import { pullPlan, type PullPlan } from './endpoints.ts';
import { decideNodeConfig } from './node-config.ts';
import { decidePull, isRegistryItself } from './pull-verdict.ts';
import { loadRegistriesFile, type RegistriesFile } from './registries-file.ts';
import { activeTrace } from '../../../core/trace.ts';
import { traceK3sPull } from './trace.ts';
import { traceCredentialProviders } from '../credential-providers/trace.ts';

/** The k3s rules over one config's facts (loaded by the definition in ./index.ts). */
export function buildRules(config: LoadedConfig): PullRules {
  const files = new Map<string, RegistriesFile>();
  const findings: ReportFinding[] = [];
  const seenFiles = new Set<string>();
  const nodes = nodeFactsOf(config, 'k3s');
  config.input.targets?.forEach((target, t) => {
    if (target.platform !== 'k3s') return;
    const file = loadRegistriesFile(
      target.registriesFile,
      config.file,
      config.locate(['targets', t, 'registriesFile']),
    );
    files.set(target.name, file);
    if (!seenFiles.has(file.file)) findings.push(...registriesFindings(file));
    seenFiles.add(file.file);
  });

  return {
    principals: (target, image): TargetPrincipal[] => {
      const file = files.get(target.name);
      if (!file) return [];
      const { credential, configKey } = credentialFor(image.host, file);
      const google = image.registry.kind === 'gar' || image.registry.kind === 'gcr';
      // The key's account decides only where the node surely pulls from the registry itself.
      const plan = planOf(target, image, file);
      const reachesRegistry =
        plan.endpoints.some((endpoint) => isRegistryItself(endpoint, image)) && !plan.defaultDespiteFlag;
      if (credential.kind === 'service-account-key' && google && reachesRegistry) {
        // The Google rules decide this pull: the k3s side of its trace is recorded here.
        const sink = activeTrace();
        if (sink) traceK3sPull(sink, image, plan, file, { credential, ...(configKey ? { configKey } : {}) });
        const line = file.locate(credential.at).line;
        return [
          {
            principal: `serviceAccount:${credential.email}`,
            reasons: [
              `k3s pulls from ${image.host} with the service-account key of ${credential.email} (${file.file}:${line}, configs."${configKey ?? image.host}")`,
            ],
          },
        ];
      }
      const node = nodeCredentialsFor(image, nodes.get(target.name) ?? {});
      const onlyRegistry =
        reachesRegistry && plan.endpoints.every((endpoint) => isRegistryItself(endpoint, image));
      if (node?.kind === 'role' && credential.kind === 'none' && onlyRegistry)
        return [nodeRolePrincipal(node, image, file)];
      return [{ principal: `${K3S_NODE}${target.name}` }];
    },
    decide: ({ image, target }) => {
      const file = files.get(target.name);
      return file ? decideK3sPull(image, target, file, nodes.get(target.name)) : undefined;
    },
    findings: () => findings,
  };
}

/** The node's pull over the endpoints k3s tries, the registry itself decided by its credential. */
function decideK3sPull(
  image: ImageReference,
  target: TargetInput,
  file: RegistriesFile,
  facts: NodeFacts | undefined,
): Verdict {
  const node = nodeCredentialsFor(image, facts ?? {});
  const credential = credentialFor(image.host, file);
  const atRegistry = decideNodeConfig(image, credential, file, node);
  const plan = planOf(target, image, file);
  const sink = activeTrace();
  if (sink) {
    traceK3sPull(sink, image, plan, file, credential, atRegistry);
    if (node) traceCredentialProviders(sink, image, facts);
  }
  return decidePull(image, plan, file, atRegistry);
}

/** The endpoints the target's nodes try for the image, with the k3s flags the target declares. */
function planOf(target: TargetInput, image: ImageReference, file: RegistriesFile): PullPlan {
  const k3s = target.platform === 'k3s' ? target : undefined;
  return pullPlan(image.host, image.path, file, {
    disableDefaultEndpoint: k3s?.disableDefaultRegistryEndpoint === true,
    embeddedRegistry: k3s?.embeddedRegistry === true,
  });
}

/**
 * No registries.yaml credential, and the registry itself is the only endpoint tried: the kubelet's
 * ecr-credential-provider gives the node role's credentials there, so the role's grants decide.
 */
function nodeRolePrincipal(
  node: Extract<NodeCredentials, { kind: 'role' }>,
  image: ImageReference,
  file: RegistriesFile,
): TargetPrincipal {
  return {
    principal: node.role,
    reasons: [
      `${file.file} has no credentials for ${image.host} (no configs."${image.host}".auth)`,
      node.reason,
    ],
  };
}
