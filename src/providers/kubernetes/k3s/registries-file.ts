// k3s /etc/rancher/k3s/registries.yaml, read with positions and validated (k3s docs, "Private Registry
// Configuration": mirrors with endpoint and rewrite, configs with auth and tls, the "*" wildcard).
import path from 'node:path';
import { readUserFile, repositoryRootOf, shownPath } from '../../../core/config/read-file.ts';
import { schemaProblems, type PrecompiledValidator } from '../../../core/config/validate.ts';
import * as precompiled from '../generated/validators.ts';
import type { RegistriesInput } from './registries-schema.ts';
import { parseYamlSource, type ConfigPath } from '../../../core/config/yaml-source.ts';
import { ConfigError, firstProblems, type SourceLocation } from '../../../core/errors.ts';

/** A parsed registries.yaml. Its secrets stay in memory: only their shape and position are ever reported. */
export interface RegistriesFile {
  /** The file as displayed in messages (relative to the working directory). */
  readonly file: string;
  readonly registries: RegistriesInput;
  locate(filePath: ConfigPath): SourceLocation;
}

/** Reads and validates a target's registriesFile (relative to the config's folder, inside its repository). */
export function loadRegistriesFile(
  written: string,
  configFile: string,
  where: SourceLocation,
): RegistriesFile {
  const configDir = path.dirname(path.resolve(configFile));
  const absolute = path.resolve(configDir, written);
  const file = shownPath(path.relative(process.cwd(), absolute) || absolute);
  const text = readUserFile(
    absolute,
    where,
    `${shownPath(written)} (%CODE%): expected the path of a k3s registries.yaml, relative to the config file`,
    repositoryRootOf(configDir),
  );
  const source = parseYamlSource(text, file);
  const raw = emptyEntriesAsObjects(source.takeValue() ?? {});
  const problems = schemaProblems(
    raw,
    precompiled.registries as PrecompiledValidator,
    source,
    'registries.yaml',
  );
  if (problems.length > 0) throw new ConfigError(firstProblems(problems, 'problem'));
  const registries = raw as RegistriesInput; // validated above
  for (const [host, mirror] of Object.entries(registries.mirrors ?? {})) {
    for (const pattern of Object.keys(mirror.rewrite ?? {})) {
      try {
        new RegExp(pattern);
      } catch {
        throw new ConfigError({
          where: source.locateKey(['mirrors', host, 'rewrite', pattern]),
          message: `mirrors.${shownPath(host)}.rewrite: ${shownPath(JSON.stringify(pattern))} is not a valid regular expression`,
        });
      }
    }
  }
  return { file, registries, locate: source.locate };
}

/**
 * k3s reads a mirrors or configs entry written with no value (`docker.io:`) as an empty one: a mirror with no
 * endpoints (k3s Test_UnitGetHostConfigs "registry with default endpoint"), a config with no auth or tls (the
 * k3s docs' "Wildcard Support" example writes one to keep the "*" entry away from docker.io).
 */
function emptyEntriesAsObjects(raw: unknown): unknown {
  if (!isMapping(raw)) return raw;
  const section = (name: string) =>
    isMapping(raw[name])
      ? { [name]: Object.fromEntries(Object.entries(raw[name]).map(([host, entry]) => [host, entry ?? {}])) }
      : {};
  return { ...raw, ...section('mirrors'), ...section('configs') };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
