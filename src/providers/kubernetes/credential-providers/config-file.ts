// A node's kubelet CredentialProviderConfig, read with positions and validated as the kubelet validates it
// before it starts (kubernetes pkg/credentialprovider/plugin/config.go validateCredentialProviderConfig; its
// cases in config_test.go): a file the kubelet would refuse is an error here too, at its file:line.
import path from 'node:path';
import { readUserFile, repositoryRootOf, shownPath } from '../../../core/config/read-file.ts';
import { schemaProblems, type PrecompiledValidator } from '../../../core/config/validate.ts';
import { parseYamlSource, type ConfigPath } from '../../../core/config/yaml-source.ts';
import { ConfigError, firstProblems, type SourceLocation } from '../../../core/errors.ts';
import * as precompiled from '../generated/validators.ts';
import type { CredentialProviderConfigInput, CredentialProviderInput } from './schema.ts';

/** A parsed CredentialProviderConfig, its providers in the kubelet's order. */
export interface ProvidersFile {
  /** The file as displayed in messages (relative to the working directory). */
  readonly file: string;
  readonly providers: readonly CredentialProviderInput[];
  /** `file:line` of a provider. */
  at(provider: number): string;
}

const V1 = 'credentialprovider.kubelet.k8s.io/v1';
// Go's time.ParseDuration: a sign, then one or more decimal numbers with units.
const DURATION = /^([-+]?)(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;
// metav1 qualified names, the rule annotation keys follow: [prefix/]name.
const QUALIFIED_NAME =
  /^(?:[a-z0-9]([-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$/;

/** Reads and validates a target's credentialProviderConfig (relative to the config's folder, inside its repository). */
export function loadProvidersFile(written: string, configFile: string, where: SourceLocation): ProvidersFile {
  const configDir = path.dirname(path.resolve(configFile));
  const absolute = path.resolve(configDir, written);
  const file = shownPath(path.relative(process.cwd(), absolute) || absolute);
  const text = readUserFile(
    absolute,
    where,
    `${shownPath(written)} (%CODE%): expected the path of a kubelet CredentialProviderConfig, relative to the config file`,
    repositoryRootOf(configDir),
  );
  const source = parseYamlSource(text, file);
  const raw = source.takeValue() ?? {};
  const validator = precompiled.credentialProviderConfig as PrecompiledValidator;
  const problems = schemaProblems(raw, validator, source, 'CredentialProviderConfig');
  if (problems.length > 0) throw new ConfigError(firstProblems(problems, 'problem'));
  const config = raw as CredentialProviderConfigInput; // validated above
  const fail = (at: ConfigPath, message: string): never => {
    throw new ConfigError({ where: source.locate(at), message });
  };
  checkProviders(config, fail);
  return {
    file,
    providers: config.providers,
    at: (provider) => `${file}:${source.locate(['providers', provider]).line}`,
  };
}

type Fail = (at: ConfigPath, message: string) => never;

function checkProviders(config: CredentialProviderConfigInput, fail: Fail): void {
  if (config.providers.length === 0) fail(['providers'], 'providers: at least 1 item in plugins is required');
  const names = new Set<string>();
  config.providers.forEach((provider, i) => {
    const at = (...rest: (string | number)[]): ConfigPath => ['providers', i, ...rest];
    const { name } = provider;
    if (name === '') fail(at('name'), 'providers.name: Required value');
    if (name.includes('/')) fail(at('name'), `providers.name: provider name cannot contain '/'`);
    if (name === '.' || name === '..') fail(at('name'), `providers.name: provider name cannot be '${name}'`);
    if (name.includes(' ')) fail(at('name'), 'providers.name: provider name cannot contain spaces');
    if (names.has(name)) fail(at('name'), `providers.name: Duplicate value: ${JSON.stringify(name)}`);
    names.add(name);
    if (provider.matchImages.length === 0)
      fail(at('matchImages'), 'providers.matchImages: at least 1 item in matchImages is required');
    provider.matchImages.forEach((pattern, m) => {
      // url.Parse("https://" + pattern) rejects a % not followed by two hex digits (the only parse error left).
      if (/%(?![0-9A-Fa-f]{2})/.test(pattern) || /\s/.test(pattern))
        fail(
          at('matchImages', m),
          `providers.matchImages: ${JSON.stringify(pattern)}: match image is invalid`,
        );
    });
    const duration = DURATION.exec(provider.defaultCacheDuration);
    if (!duration)
      fail(at('defaultCacheDuration'), 'providers.defaultCacheDuration: not a duration (e.g. 12h)');
    if (duration?.[1] === '-' && !/^-0+(\.0*)?[a-zµμ]*$/.test(provider.defaultCacheDuration))
      fail(at('defaultCacheDuration'), 'providers.defaultCacheDuration: must be greater than or equal to 0');
    checkTokenAttributes(config, provider, at, fail);
  });
}

function checkTokenAttributes(
  config: CredentialProviderConfigInput,
  provider: CredentialProviderInput,
  at: (...rest: (string | number)[]) => ConfigPath,
  fail: Fail,
): void {
  const token = provider.tokenAttributes;
  if (!token) return;
  // Only the v1 config type has the field: older ones fail strict decoding.
  if (config.apiVersion !== 'kubelet.config.k8s.io/v1')
    fail(at('tokenAttributes'), `unknown field "providers[].tokenAttributes" in ${config.apiVersion}`);
  if (provider.apiVersion !== V1)
    fail(at('tokenAttributes'), `providers.tokenAttributes: only supported for ${V1} API version`);
  if (token.serviceAccountTokenAudience === '')
    fail(at('tokenAttributes'), 'providers.tokenAttributes.serviceAccountTokenAudience: Required value');
  if (token.requireServiceAccount === undefined)
    fail(at('tokenAttributes'), 'providers.tokenAttributes.requireServiceAccount: Required value');
  const required = token.requiredServiceAccountAnnotationKeys ?? [];
  const optional = token.optionalServiceAccountAnnotationKeys ?? [];
  for (const [field, keys] of [
    ['requiredServiceAccountAnnotationKeys', required],
    ['optionalServiceAccountAnnotationKeys', optional],
  ] as const) {
    const seen = new Set<string>();
    keys.forEach((key, k) => {
      if (!QUALIFIED_NAME.test(key))
        fail(
          at('tokenAttributes', field, k),
          `providers.tokenAttributes.${field}: ${JSON.stringify(key)} is not a qualified name`,
        );
      if (seen.has(key))
        fail(
          at('tokenAttributes', field, k),
          `providers.tokenAttributes.${field}: Duplicate value: ${JSON.stringify(key)}`,
        );
      seen.add(key);
    });
  }
  if (required.some((key) => optional.includes(key)))
    fail(
      at('tokenAttributes'),
      'providers.tokenAttributes: annotation keys cannot be both required and optional',
    );
  if (token.requireServiceAccount === false && required.length > 0)
    fail(
      at('tokenAttributes', 'requiredServiceAccountAnnotationKeys'),
      'providers.tokenAttributes.requiredServiceAccountAnnotationKeys: requireServiceAccount cannot be false when requiredServiceAccountAnnotationKeys is set',
    );
}
