// The `images` field (and the older `imageTags`), applied as api/filters/imagetag applies it: it is how
// an overlay usually changes which image a workload pulls, so its rules are read as written and matched
// and rewritten exactly as kustomize does.
import { dig, isRecord, nonEmpty, record, type Json } from '../json.ts';
import type { Kustomization } from './kustomization.ts';
import type { BuildLog } from './log.ts';
import type { Resource } from './resource-id.ts';

interface ImageRule {
  readonly name: string;
  readonly newName: string | undefined;
  readonly newTag: string | undefined;
  readonly digest: string | undefined;
  readonly tagSuffix: string | undefined;
}

/** The kustomization's image rules applied to every image of `resources` (CustomResourceDefinitions aside). */
export function applyImages(
  log: BuildLog,
  kustomization: Kustomization,
  resources: readonly Resource[],
): void {
  const rules = imageRules(log, kustomization);
  if (rules.length === 0) return;
  for (const resource of resources) {
    if (resource.body['kind'] === 'CustomResourceDefinition') continue;
    forEachImage(resource.body, (image) => rules.reduce((current, rule) => retag(current, rule), image));
  }
}

function imageRules(log: BuildLog, kustomization: Kustomization): ImageRule[] {
  const rules: ImageRule[] = [];
  for (const field of ['images', 'imageTags']) {
    for (const { value, at } of kustomization.list(field)) {
      const name = isRecord(value) ? nonEmpty(value['name']) : undefined;
      if (!isRecord(value) || !name) {
        log.warn(kustomization.at(at), `${field}: each entry needs the name of the image it changes`);
        continue;
      }
      const fields: Record<string, string | undefined> = {};
      for (const key of ['newName', 'newTag', 'digest', 'tagSuffix']) {
        const written = value[key];
        if (written === undefined || written === null || typeof written === 'string') {
          fields[key] = nonEmpty(written);
          continue;
        }
        // As written: YAML reads `newTag: 1.20` as the number 1.2.
        const entries = kustomization.literal()[field];
        const literal = record(Array.isArray(entries) ? entries[at[1] as number] : undefined)[key];
        fields[key] = nonEmpty(literal) ?? String(written);
        log.warn(
          kustomization.at([...at, key]),
          `${field}: ${key} ${fields[key]} is not a string: kustomize refuses it (quote it: "${fields[key]}")`,
        );
      }
      rules.push({
        name,
        newName: fields['newName'],
        newTag: fields['newTag'],
        digest: fields['digest'],
        tagSuffix: fields['tagSuffix'],
      });
    }
  }
  return rules;
}

/** The image after one `images` entry (api/filters/imagetag/updater.go), or as it was when it does not match. */
function retag(image: string, rule: ImageRule): string {
  if (!imageMatches(image, rule.name)) return image;
  let { name, tag, digest } = splitImage(image);
  if (rule.newName) name = rule.newName;
  if (rule.newTag && rule.digest) {
    tag = rule.newTag;
    digest = rule.digest;
  } else if (rule.newTag) {
    tag = rule.newTag;
    digest = '';
  } else if (rule.digest) {
    tag = '';
    digest = rule.digest;
  } else if (rule.tagSuffix) {
    tag += rule.tagSuffix;
    digest = '';
  }
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

const TAG_AND_DIGEST = /^(?::[a-zA-Z0-9_.{}-]*)?(?:@[a-zA-Z0-9]+(?:[.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$/;

/** kustomize image.IsImageMatched: the image is `name`, optionally followed by a tag and/or a digest. */
function imageMatches(image: string, name: string): boolean {
  return image.startsWith(name) && TAG_AND_DIGEST.test(image.slice(name.length));
}

/** kustomize image.Split: name, tag and digest; a registry's port (host:5000/…) is part of the name. */
function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const from = slash > 0 ? slash : 0;
  const search = image.slice(from);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    return { name: image.slice(0, from + at), tag: '', digest: image.slice(from + at + 1) };
  }
  if (at >= 0) {
    return {
      name: image.slice(0, from + colon),
      tag: image.slice(from + colon + 1, from + at),
      digest: image.slice(from + at + 1),
    };
  }
  return { name: image.slice(0, from + colon), tag: image.slice(from + colon + 1), digest: '' };
}

/**
 * Every image the images transformer rewrites (ImageTagTransformer: its legacy filter, the `image` of
 * each entry of any `containers` or `initContainers` list anywhere in the object, and the fieldSpecs
 * spec/volumes[]/image/reference and spec/template/spec/volumes[]/image/reference).
 */
function forEachImage(body: Json, rewrite: (image: string) => string): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const entry of node) walk(entry);
      return;
    }
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      walk(value);
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const container of value) {
          if (isRecord(container) && typeof container['image'] === 'string') {
            container['image'] = rewrite(container['image']);
          }
        }
      }
    }
  };
  walk(body);
  for (const specPath of [['spec'], ['spec', 'template', 'spec']]) {
    const volumes = dig(body, specPath)?.['volumes'];
    for (const volume of Array.isArray(volumes) ? volumes : []) {
      const image = isRecord(volume) && isRecord(volume['image']) ? volume['image'] : undefined;
      if (image && typeof image['reference'] === 'string') image['reference'] = rewrite(image['reference']);
    }
  }
}

/**
 * An image after `kustomize edit set image` arguments (`NAME=NEW[:TAG|@DIGEST]`, `NAME:TAG`, `NAME@DIGEST`;
 * kustomize's cmd/edit/set setimage.go), each applied as the `images` entry it writes.
 */
export function retagWithEdits(image: string, edits: readonly string[]): string {
  return edits.map(editRule).reduce((current, rule) => (rule ? retag(current, rule) : current), image);
}

function editRule(edit: string): ImageRule | undefined {
  const equals = edit.indexOf('=');
  const name = equals === -1 ? undefined : edit.slice(0, equals);
  const { name: newName, tag, digest } = splitImage(equals === -1 ? edit : edit.slice(equals + 1));
  const rule = { newTag: tag || undefined, digest: digest || undefined, tagSuffix: undefined };
  if (name === undefined) return newName ? { name: newName, newName: undefined, ...rule } : undefined;
  // `*` keeps the name as it is.
  return name ? { name, newName: newName && newName !== '*' ? newName : undefined, ...rule } : undefined;
}
