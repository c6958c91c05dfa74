// Each target's node credential facts, its CredentialProviderConfig read once per file.
import type { LoadedConfig } from '../../../core/config/load.ts';
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
    facts.set(target.name, {
      ...(providers !== undefined ? { providers } : {}),
      ...(target.nodeRole ? { nodeRole: target.nodeRole } : {}),
    });
  });
  return facts;
}
