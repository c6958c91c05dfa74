// facts.kubernetes.manifests: globs (relative to the config, inside its repository) of multi-document YAML
// files; `List` kinds are flattened. Every object keeps where it was written, so problems point at file:line.
import path from 'node:path';
import type { LoadedConfig } from '../../../core/config/load.ts';
import { readUserFile, repositoryRootOf, shownPath } from '../../../core/config/read-file.ts';
import { globInRepository } from '../../../core/config/user-glob.ts';
import { parseYamlStream, type ConfigPath, type YamlSource } from '../../../core/config/yaml-source.ts';
import { ConfigError, type SourceLocation } from '../../../core/errors.ts';
import { isLiveObject } from '../live-facts.ts';
import type { ObjectPlace } from '../rbac/model.ts';
import { lineInFile } from '../../source-lines.ts';

export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** The file as displayed in messages. */
  readonly file: string;
  /** Where a path inside this object was written. */
  locate(objectPath: ConfigPath): SourceLocation;
  locateKey(objectPath: ConfigPath): SourceLocation;
  /** Which Kustomize built it, when one did: `kustomize v5.4.3 at /usr/bin/kustomize`, `built-in`, … */
  readonly renderer?: string;
  /** Where explain's trace says it was written (not kept by discovery's objects). */
  readonly place?: ObjectPlace;
}

/** The objects the config gives inline (facts.kubernetes.objects), as live reads and snapshots write them. */
export function inlineObjects(config: LoadedConfig): KubeObject[] {
  const at = (i: number) => ['facts', 'kubernetes', 'objects', i] as const;
  return (config.input.facts?.kubernetes?.objects ?? []).flatMap((value, i) => {
    const live =
      isLiveObject(value) && isRecord(value) ? `GET ${String(value['kind']).toLowerCase()}s` : undefined;
    const place = (inside: ConfigPath): ObjectPlace => ({
      at: (objectPath) => ({
        file: config.file,
        line: config.locate([...at(i), ...inside, ...objectPath]).line,
      }),
      ...(live === undefined ? {} : { live }),
    });
    return flatten(
      value,
      [],
      {
        takeValue: () => value,
        locate: (objectPath) => config.locate([...at(i), ...objectPath]),
        locateKey: (objectPath) => config.locateKey([...at(i), ...objectPath]),
        release: () => undefined,
      },
      config.file,
      place,
    );
  });
}

export function loadManifests(config: LoadedConfig): KubeObject[] {
  const patterns = config.input.facts?.kubernetes?.manifests ?? [];
  const configDir = path.dirname(path.resolve(config.file));
  const root = patterns.length > 0 ? repositoryRootOf(configDir) : configDir;
  const objects: KubeObject[] = [];
  const seen = new Set<string>();
  patterns.forEach((pattern, i) => {
    const where = config.locate(['facts', 'kubernetes', 'manifests', i]);
    const files = globInRepository({ pattern, where, cwd: configDir, root, onlyFiles: true, dot: false });
    if (files.length === 0) {
      throw new ConfigError({
        where,
        message: `${shownPath(pattern)} matches no file (globs are relative to the config file)`,
      });
    }
    for (const absolute of files.filter((file) => !seen.has(file))) {
      seen.add(absolute);
      objects.push(...objectsOf(absolute, where, root));
    }
  });
  return objects;
}

function objectsOf(absolute: string, where: SourceLocation, root: string): KubeObject[] {
  const file = shownPath(path.relative(process.cwd(), absolute) || absolute);
  const text = readUserFile(absolute, where, `${file} (%CODE%)`, root);
  return parseYamlStream(text, file).flatMap((source, document) => {
    const value = source.takeValue();
    if (value === null || value === undefined) return []; // an empty document between `---`
    // Found again from the file when explain asks: the parsed document is not kept for it.
    const place = (inside: ConfigPath): ObjectPlace => ({
      at: (objectPath) => {
        const line = lineInFile(absolute, [...inside, ...objectPath], document);
        return { file, ...(line === undefined ? {} : { line }) };
      },
    });
    return flatten(value, [], source, file, place);
  });
}

/** One written document as Kubernetes objects (a `…List` gives its items); not an object is a ConfigError. */
export function flatten(
  value: unknown,
  at: ConfigPath,
  source: YamlSource,
  file: string,
  placeOf?: (at: ConfigPath) => ObjectPlace,
): KubeObject[] {
  const locate = (objectPath: ConfigPath) => source.locate([...at, ...objectPath]);
  if (!isRecord(value) || typeof value['kind'] !== 'string' || typeof value['apiVersion'] !== 'string') {
    throw new ConfigError({
      where: locate([]),
      message: 'expected a Kubernetes object with apiVersion and kind',
    });
  }
  const kind = value['kind'];
  // v1 List, RoleBindingList, … : `kubectl get -o yaml` prints several objects this way.
  if (kind.endsWith('List') && Array.isArray(value['items'])) {
    return value['items'].flatMap((item, i) => flatten(item, [...at, 'items', i], source, file, placeOf));
  }
  return [
    {
      apiVersion: value['apiVersion'],
      kind,
      body: value,
      file,
      locate,
      locateKey: (objectPath) => source.locateKey([...at, ...objectPath]),
      ...(placeOf === undefined ? {} : { place: placeOf(at) }),
    },
  ];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
