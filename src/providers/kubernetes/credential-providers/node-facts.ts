// Each target's node credential facts, its CredentialProviderConfig read once per file.
import type { LoadedConfig } from '../../../core/config/load.ts';
import { ConfigError } from '../../../core/errors.ts';
import { loadProvidersFile, type ProvidersFile } from './config-file.ts';
import type { NodeFacts } from './node-credentials.ts';

/** The node facts of every target of `platform`, by target name. */
export function nodeFactsOf(config: LoadedConfig, platform: 'kubernetes' | 'k3s'): Map<string, NodeFacts> {
  const files = new Map<string, ProvidersFile>();
  const facts = new Map<string, NodeFacts>();
  (config.input.targets ?? []).forEach((target, t) => {
    if (target.platform !== platform) return;
    const written = target.credentialProviderConfig;
    let providers: ProvidersFile | false | undefined = written === false ? false : undefined;
    if (typeof written === 'string') {
      providers =
        files.get(written) ??
        loadProvidersFile(written, config.file, config.locate(['targets', t, 'credentialProviderConfig']));
      files.set(written, providers);
    }
    if (target.nodeRole && typeof written !== 'string') {
      // Silently unused otherwise: the role is whose ecr-credential-provider the nodes run, named by the file.
      throw new ConfigError({
        where: config.locate(['targets', t, 'nodeRole']),
        message: `target ${target.name}: nodeRole is the role the nodes' ecr-credential-provider pulls as, so it needs credentialProviderConfig (the kubelet's CredentialProviderConfig file that runs it)`,
      });
    }
    facts.set(target.name, {
      ...(providers !== undefined ? { providers } : {}),
      ...(target.nodeRole ? { nodeRole: target.nodeRole } : {}),
    });
  });
  return facts;
}
