// The resources a patch target selects (kustomize resmap Select): regular expressions on the current or
// original id, label and annotation selectors. Kept apart from applying patches because both `patches`
// and `patchesJson6902` select the same way.
import { quotedValue } from '../../../core/quoted-value.ts';
import { regexBacktrackingRisk } from '../../../core/wildcard.ts';
import { nonEmpty, record, type Json } from '../json.ts';
import type { BuildLog, Where } from './log.ts';
import { currentId, effectiveNamespace, originalId, type Resource } from './resource-id.ts';

const ID_FIELDS = ['group', 'version', 'kind', 'name', 'namespace'] as const;

/** The resources `target` selects; a target that selects none, or cannot be read, is a warning. */
export function selectTarget(
  log: BuildLog,
  resources: readonly Resource[],
  target: Json,
  where: Where,
): Resource[] {
  const patterns: Partial<Record<(typeof ID_FIELDS)[number], RegExp>> = {};
  for (const field of ID_FIELDS) {
    const text = nonEmpty(target[field]);
    if (!text) continue;
    const risk = regexBacktrackingRisk(text);
    if (risk) {
      // kustomize's RE2 runs any pattern in linear time; JavaScript's regular expressions may not.
      log.warn(
        where,
        `target ${field}: ${quotedValue(text)} is not evaluated here (${risk}): write a simpler pattern or list the names`,
      );
      return [];
    }
    try {
      patterns[field] = new RegExp(`^(?:${text})$`);
    } catch {
      log.warn(where, `target ${field}: ${quotedValue(text)} is not a valid regular expression`);
      return [];
    }
  }
  const labels = parseSelector(target['labelSelector']);
  const annotations = parseSelector(target['annotationSelector']);
  if (!labels || !annotations) {
    log.warn(where, `target ${labels ? 'annotationSelector' : 'labelSelector'} cannot be read`);
    return [];
  }
  const selected = resources.filter((resource) => {
    const current = currentId(resource);
    const original = originalId(resource);
    const { namespace, name, group, version, kind } = patterns;
    if (
      namespace &&
      !namespace.test(effectiveNamespace(original)) &&
      !namespace.test(effectiveNamespace(current))
    ) {
      return false;
    }
    if (name && !name.test(original.name) && !name.test(current.name)) return false;
    if (group && !group.test(current.group)) return false;
    if (version && !version.test(current.version)) return false;
    if (kind && !kind.test(current.kind)) return false;
    const metadata = record(resource.body['metadata']);
    return labels(stringMap(metadata['labels'])) && annotations(stringMap(metadata['annotations']));
  });
  if (selected.length === 0) {
    const shown = [...ID_FIELDS, 'labelSelector', 'annotationSelector']
      .filter((field) => nonEmpty(target[field]))
      .map((field) => `${field}: ${String(target[field])}`)
      .join(', ');
    log.warn(where, `the patch target {${shown}} matches no resource of the build`);
  }
  return selected;
}

type Selector = (labels: Readonly<Record<string, string>>) => boolean;

/** A Kubernetes label selector (`k=v,k2!=v2,k3 in (a,b),!k4`); undefined when it cannot be read. */
function parseSelector(value: unknown): Selector | undefined {
  if (value === undefined || value === '') return () => true;
  if (typeof value !== 'string') return undefined;
  const requirements: Selector[] = [];
  for (const part of value.split(/,(?![^(]*\))/)) {
    const text = part.trim();
    let match: RegExpExecArray | null;
    if ((match = /^!\s*([\w./-]+)$/.exec(text))) {
      const key = match[1] as string;
      requirements.push((labels) => !(key in labels));
    } else if ((match = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text))) {
      const [, key = '', operator, list = ''] = match;
      const values = new Set(list.split(',').map((entry) => entry.trim()));
      requirements.push((labels) =>
        operator === 'in'
          ? key in labels && values.has(labels[key] as string)
          : !values.has(labels[key] as string),
      );
    } else if ((match = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(text))) {
      const [, key = '', operator, expected = ''] = match;
      requirements.push((labels) =>
        operator === '!=' ? labels[key] !== expected : labels[key] === expected,
      );
    } else if ((match = /^([\w./-]+)$/.exec(text))) {
      const key = match[1] as string;
      requirements.push((labels) => key in labels);
    } else {
      return undefined;
    }
  }
  return (labels) => requirements.every((requirement) => requirement(labels));
}

/** Labels or annotations as strings, whatever YAML made of their values. */
function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(record(value))) result[key] = String(entry);
  return result;
}
