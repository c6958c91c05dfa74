// k3s rules: a node's registry credentials come from registries.yaml, so the principal of a pull depends
// on the image's registry host — a service-account key makes it that service account.
import type { LoadedConfig } from '../../../core/config/load.ts';
import type { PullRules, TargetPrincipal } from '../../../core/provider.ts';
import type { ReportFinding } from '../../../core/verdict.ts';
import { nodeCredentialsFor } from '../credential-providers/node-credentials.ts';
import { nodeFactsOf } from '../credential-providers/node-facts.ts';
import { credentialFor } from './credentials.ts';
import { registriesFindings } from './findings.ts';
import { K3S_NODE } from './index.ts';
import { decideNodeConfig } from './node-config.ts';
import { loadRegistriesFile, type RegistriesFile } from './registries-file.ts';

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
      if (credential.kind === 'service-account-key' && google) {
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
      // No registries.yaml credential and no mirror: the kubelet's ecr-credential-provider may be the node's.
      const node = nodeCredentialsFor(image, nodes.get(target.name) ?? {});
      const found = credentialFor(image.host, file);
      if (node?.kind === 'role' && credential.kind === 'none' && found.mirrorEndpoints.length === 0) {
        return [
          {
            principal: node.role,
            reasons: [
              `${file.file} has no credentials for ${image.host} (no configs."${image.host}".auth)`,
              node.reason,
            ],
          },
        ];
      }
      return [{ principal: `${K3S_NODE}${target.name}` }];
    },
    decide: ({ image, target }) => {
      const file = files.get(target.name);
      const node = nodeCredentialsFor(image, nodes.get(target.name) ?? {});
      return file ? decideNodeConfig(image, credentialFor(image.host, file), file, node) : undefined;
    },
    findings: () => findings,
  };
}
