// What `docker buildx bake` (and docker/bake-action) pushes: the requested targets (groups expanded,
// `default` when none), each with its `inherits` merged parent-first, the files merged in order (a later
// file's target overrides an earlier one's attributes), `--set` overrides, and variables from their
// `default` or the environment of the same name. A target pushes with `--push` or an output of
// `type=registry` / `push=true`; it pushes to its `tags`. docs.docker.com/build/bake/reference
import { parse as parseYaml } from 'yaml';
import type { SourceLocation } from '../../../core/errors.ts';
import { keyValues, wordText } from '../commands/arguments.ts';
import { concat, missing, type Text } from '../text.ts';
import { HclError, parseHcl, type HclValue } from './hcl.ts';

export interface BakeFile {
  /** The path shown in reports. */
  readonly file: string;
  readonly text: string;
}

interface Attribute {
  readonly value: HclValue | Text[];
  readonly where: SourceLocation;
}

interface Definition {
  readonly variables: Map<string, HclValue>;
  readonly targets: Map<string, Map<string, Attribute>>;
  readonly groups: Map<string, string[]>;
}

export interface BakeDestination {
  readonly text: Text;
  readonly where: SourceLocation | undefined;
}

export interface BakeRequest {
  readonly files: readonly BakeFile[];
  readonly targets: readonly string[];
  /** `--set` / the action's `set` lines: `TARGET.KEY=VALUE`, `*` for every target. */
  readonly set: readonly Text[];
  readonly push: boolean;
  readonly environment: ReadonlyMap<string, Text>;
  /** The metadata-action bake file's images, when one of the files is it. */
  readonly metadataImages?: readonly Text[];
}

export function bakeDestinations(request: BakeRequest): {
  destinations: BakeDestination[];
  problems: { message: string; where: SourceLocation }[];
} {
  const problems: { message: string; where: SourceLocation }[] = [];
  const definition: Definition = { variables: new Map(), targets: new Map(), groups: new Map() };
  for (const file of request.files) read(file, definition, problems);
  if (request.metadataImages) {
    // docker/metadata-action's bake file: target `docker-metadata-action` with the computed tags.
    const tag = missing('the tags docker/metadata-action computes');
    definition.targets.set(
      'docker-metadata-action',
      new Map([
        [
          'tags',
          {
            value: request.metadataImages.map((image) => concat(image, [':', tag])),
            where: { file: 'docker/metadata-action bake file', line: 1, column: 1 },
          },
        ],
      ]),
    );
  }
  const expanding = new Set<string>();
  const variable = (name: string): Text => {
    const fromEnvironment = request.environment.get(name);
    if (fromEnvironment) return fromEnvironment;
    const declared = definition.variables.get(name);
    if (declared && expanding.has(name))
      return [missing(`the bake variable ${name}, which refers to itself`)];
    if (declared) {
      expanding.add(name);
      const value = texts(declared, variable)[0] ?? [];
      expanding.delete(name);
      return value;
    }
    return [missing(`the bake variable ${name}`, 'declare it in the bake file or set it in the environment')];
  };
  const destinations: BakeDestination[] = [];
  for (const name of expand(request.targets.length > 0 ? request.targets : ['default'], definition)) {
    const attributes = resolved(name, definition, new Set());
    const setKeys = new Set<string>();
    for (const set of request.set) applySet(set, name, attributes, setKeys);
    const outputs = (attributes.get('output') ? listOf(attributes.get('output')!.value, variable) : []).map(
      keyValues,
    );
    const pushes =
      request.push ||
      wordText(attributes.get('push') ? listOf(attributes.get('push')!.value, variable)[0] : undefined) ===
        'true' ||
      outputs.some(
        (pairs) => wordText(pairs.get('type')) === 'registry' || wordText(pairs.get('push')) === 'true',
      );
    if (!pushes) continue;
    const tags = attributes.get('tags');
    for (const tag of tags ? listOf(tags.value, variable) : [])
      destinations.push({ text: tag, where: tags?.where });
  }
  return { destinations, problems };
}

function read(
  file: BakeFile,
  definition: Definition,
  problems: { message: string; where: SourceLocation }[],
): void {
  const at = (line: number): SourceLocation => ({ file: file.file, line, column: 1 });
  if (/\.ya?ml$/.test(file.file)) {
    // A compose file: each service that builds is a target pushing to its image.
    try {
      const services =
        (parseYaml(file.text) as { services?: Record<string, { build?: unknown; image?: unknown }> } | null)
          ?.services ?? {};
      for (const [name, service] of Object.entries(services))
        if (service?.build !== undefined && typeof service.image === 'string')
          definition.targets.set(name, new Map([['tags', { value: [[service.image]], where: at(1) }]]));
    } catch {
      problems.push({
        message: `${file.file} is not valid YAML: its bake targets are not discovered`,
        where: at(1),
      });
    }
    return;
  }
  let blocks;
  try {
    blocks = /\.json$/.test(file.file) ? jsonBlocks(file.text) : parseHcl(file.text);
  } catch (error) {
    const line = error instanceof HclError ? error.line : 1;
    problems.push({
      message: `${file.file} cannot be read as a bake file (${(error as Error).message}): its targets are not discovered`,
      where: at(line),
    });
    return;
  }
  for (const block of blocks) {
    const [label] = block.labels;
    if (label === undefined) continue;
    if (block.type === 'variable' || block.type === 'attribute') {
      const fallback = block.attributes.get('default');
      if (fallback) definition.variables.set(label, fallback);
    } else if (block.type === 'group') {
      const targets = block.attributes.get('targets');
      definition.groups.set(
        label,
        targets?.kind === 'list'
          ? targets.items.flatMap((item) => (item.kind === 'template' ? [item.parts.join('')] : []))
          : [],
      );
    } else if (block.type === 'target') {
      const attributes = definition.targets.get(label) ?? new Map<string, Attribute>();
      for (const [name, value] of block.attributes)
        attributes.set(name, { value, where: at(block.attributeLines.get(name) ?? block.line) });
      definition.targets.set(label, attributes);
    }
  }
}

/** A bake JSON file as the blocks the HCL reader gives. */
function jsonBlocks(text: string): ReturnType<typeof parseHcl> {
  const document = JSON.parse(text) as Record<string, Record<string, Record<string, unknown>>>;
  const toValue = (value: unknown): HclValue =>
    typeof value === 'string'
      ? { kind: 'template', parts: [value] }
      : Array.isArray(value)
        ? { kind: 'list', items: value.map(toValue) }
        : { kind: 'literal', value: typeof value === 'number' || typeof value === 'boolean' ? value : null };
  return Object.entries(document).flatMap(([type, entries]) =>
    Object.entries(entries ?? {}).map(([label, body]) => ({
      type,
      labels: [label],
      line: 1,
      attributes: new Map(Object.entries(body ?? {}).map(([name, value]) => [name, toValue(value)])),
      attributeLines: new Map(),
    })),
  );
}

/** Groups expanded into their targets, each once. */
function expand(names: readonly string[], definition: Definition, seen = new Set<string>()): string[] {
  return names.flatMap((name) => {
    if (seen.has(name)) return [];
    seen.add(name);
    const group = definition.groups.get(name);
    return group ? expand(group, definition, seen) : definition.targets.has(name) ? [name] : [];
  });
}

/** A target's attributes with those it inherits underneath. */
function resolved(name: string, definition: Definition, visiting: Set<string>): Map<string, Attribute> {
  const own = definition.targets.get(name) ?? new Map<string, Attribute>();
  if (visiting.has(name)) return new Map(own);
  visiting.add(name);
  const merged = new Map<string, Attribute>();
  const inherits = own.get('inherits')?.value;
  const parents =
    inherits && !Array.isArray(inherits) && inherits.kind === 'list'
      ? inherits.items.flatMap((item) => (item.kind === 'template' ? [item.parts.join('')] : []))
      : [];
  for (const parent of parents)
    for (const [key, value] of resolved(parent, definition, visiting)) merged.set(key, value);
  for (const [key, value] of own) if (key !== 'inherits') merged.set(key, value);
  return merged;
}

/** `TARGET.KEY=VALUE` (or `*.KEY`): the first `set` of a key replaces it, later ones add to it. */
function applySet(set: Text, target: string, attributes: Map<string, Attribute>, setKeys: Set<string>): void {
  const head = typeof set[0] === 'string' ? set[0] : '';
  const match = /^([^.=]+)\.([\w-]+)(\+?)=/.exec(head);
  if (!match) return;
  const [, pattern, key] = match as unknown as [string, string, string];
  if (pattern !== '*' && pattern !== target) return;
  const value = concat([head.slice(match[0].length)], set.slice(1));
  const existing = attributes.get(key);
  const values =
    setKeys.has(key) && existing && Array.isArray(existing.value) ? [...existing.value, value] : [value];
  setKeys.add(key);
  attributes.set(key, {
    value: values,
    where: existing?.where ?? { file: '(bake --set)', line: 1, column: 1 },
  });
}

function listOf(value: HclValue | Text[], variable: (name: string) => Text): Text[] {
  if (Array.isArray(value)) return value as Text[];
  return texts(value, variable);
}

/** The strings a value stands for (a list's items, or the value itself). */
function texts(value: HclValue, variable: (name: string) => Text): Text[] {
  switch (value.kind) {
    case 'list':
      return value.items.flatMap((item) => texts(item, variable));
    case 'template':
      return [
        concat(
          ...value.parts.map((part) =>
            typeof part === 'string' ? [part] : (texts(part.expression, variable)[0] ?? []),
          ),
        ),
      ];
    case 'literal':
      return value.value === null ? [] : [[String(value.value)]];
    case 'reference':
      return [variable(value.name)];
    case 'unknown':
      return [
        [
          missing(
            `the bake expression \`${value.text.length > 60 ? `${value.text.slice(0, 57)}…` : value.text}\``,
          ),
        ],
      ];
    case 'object':
      return [];
  }
}
