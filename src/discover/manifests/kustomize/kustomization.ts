// A kustomization file found in its directory and read with the position of every field: each step of the
// build reads its fields through here, so a warning lands on the line where the field was written.
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { refusalMessage } from '../../../core/config/read-file.ts';
import { parseYamlSource, type ConfigPath, type YamlSource } from '../../../core/config/yaml-source.ts';
import { ConfigError } from '../../../core/errors.ts';
import { displayPath, problemsAsWarnings } from '../objects.ts';
import { isRecord, record, type Json } from '../json.ts';
import type { BuildLog, Where } from './log.ts';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** Every kustomization file in `dir`, in the order kustomize prefers them (it refuses more than one). */
export function kustomizationFilesIn(dir: string): string[] {
  return KUSTOMIZATION_FILES.map((name) => path.join(dir, name)).filter((file) => statOf(file)?.isFile());
}

export function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** One entry of a list field, and its path in the kustomization. */
export interface Entry {
  readonly value: unknown;
  readonly at: ConfigPath;
}

export class Kustomization {
  private literalValue: Json | undefined;

  constructor(
    readonly dir: string,
    /** As messages show it. */
    readonly file: string,
    readonly value: Json,
    private readonly text: string,
    private readonly source: YamlSource,
    private readonly log: BuildLog,
  ) {}

  /** The value with every scalar a string as written (`newTag: 1.20` is "1.20"), parsed when needed. */
  literal(): Json {
    try {
      return (this.literalValue ??= record(
        parseDocument(this.text, { schema: 'failsafe' }).toJS({ maxAliasCount: 100 }),
      ));
    } catch {
      return (this.literalValue = {});
    }
  }

  /** Where the field at `at` was written. */
  at(at: ConfigPath): Where {
    return { file: this.file, line: this.source.locate(at).line };
  }

  /** The entries of a list field, with their paths; a field that is not a list is a warning. */
  list(field: string): Entry[] {
    const value = this.value[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.log.warn(this.at([field]), `${field}: expected a list; the field is skipped`);
      return [];
    }
    return value.map((entry, i) => ({ value: entry, at: [field, i] }));
  }
}

/** The kustomization file at `absolute`; undefined, with a warning, when it cannot be read. */
export function readKustomization(absolute: string, log: BuildLog): Kustomization | undefined {
  const file = displayPath(absolute);
  log.files.add(absolute);
  const read = log.read(absolute);
  if (!('text' in read)) {
    const why =
      read.refused === 'unreadable'
        ? `cannot read the kustomization (${read.code})`
        : `kustomization not read: ${refusalMessage(read, absolute)}`;
    log.warn({ file }, why);
    return undefined;
  }
  const text = read.text;
  let source: YamlSource;
  let value: unknown;
  try {
    source = parseYamlSource(text, file);
    value = source.takeValue();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log.add(problemsAsWarnings(error, 'kustomization not read: '));
    return undefined;
  }
  const dir = path.dirname(absolute);
  if (isRecord(value)) return new Kustomization(dir, file, value, text, source, log);
  if (value !== undefined && value !== null) {
    log.warn({ file, line: source.locate([]).line }, 'kustomization not read: expected a map of fields');
  }
  return new Kustomization(dir, file, {}, '', source, log);
}
