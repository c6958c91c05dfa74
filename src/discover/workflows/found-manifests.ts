// What a job applies, with every value known: paths joined to the step's directory and kept inside the
// repository, values files, `--set` values and image rewrites. A value known only at run time is a
// finding naming it, never a guess: the manifests are then not read.
import path from 'node:path';
import { shown, type Missing, type Text } from './text.ts';
import type { AppliedManifests } from './sites.ts';
import type { FoundManifests } from './index.ts';

type Need = { readonly need: string };

export function foundManifests(
  manifests: AppliedManifests & { where: FoundManifests['where'] },
): FoundManifests | Need {
  const { via, where } = manifests;
  const paths: string[] = [];
  for (const text of manifests.paths) {
    const file = repositoryPath(manifests.cwd, text);
    if (typeof file !== 'string') return { need: `${via} applies ${file.need}` };
    paths.push(file);
  }
  const written = manifests.namespace ? known(manifests.namespace) : undefined;
  // Said only where the namespace decides who pulls (OpenShift, Kubernetes): clustersOf.
  const namespace = typeof written === 'string' ? written : undefined;
  const unknownNamespace =
    written && typeof written !== 'string'
      ? `${via} applies manifests to a namespace that needs ${describe(written)}`
      : undefined;
  const helm = manifests.helm ? helmOf(manifests.cwd, manifests.helm, via) : undefined;
  if (helm && 'need' in helm) return helm;
  const kustomizeEdits: { dir: string; images: string[] }[] = [];
  for (const { dir, images: edits } of manifests.kustomizeEdits ?? []) {
    const known: string[] = [];
    for (const text of edits) {
      const edit = imageEdit(text);
      if (typeof edit !== 'string')
        return { need: `\`kustomize edit set image ${shown(text)}\` in ${dir} needs ${describe(edit)}` };
      known.push(edit);
    }
    kustomizeEdits.push({ dir, images: known });
  }
  const images: string[] = [];
  for (const text of manifests.images ?? []) {
    const edit = imageEdit(text);
    if (typeof edit !== 'string')
      return { need: `${via} replaces an image with \`${shown(text)}\`, which needs ${describe(edit)}` };
    images.push(edit);
  }
  return {
    via,
    where,
    paths,
    ...(namespace ? { namespace } : {}),
    ...(unknownNamespace ? { unknownNamespace } : {}),
    ...(helm ? { helm } : {}),
    ...(images.length > 0 ? { images } : {}),
    ...(kustomizeEdits.length > 0 ? { kustomizeEdits } : {}),
    ...(manifests.kustomize ? { kustomize: true as const } : {}),
    ...(manifests.topLevelOnly ? { topLevelOnly: true as const } : {}),
  };
}

function helmOf(
  cwd: string,
  helm: NonNullable<AppliedManifests['helm']>,
  via: string,
): FoundManifests['helm'] | Need {
  const release = helm.release ? known(helm.release) : undefined;
  if (release && typeof release !== 'string')
    return { need: `${via} names a release that needs ${describe(release)}` };
  const values: string[] = [];
  const skipped: string[] = [];
  for (const text of helm.values) {
    const file = repositoryPath(cwd, text);
    // A values file written at run time is left out, and said: it may change what the chart renders.
    if (typeof file !== 'string')
      skipped.push(`${via} reads the values file ${file.need}; the chart is rendered without it`);
    else values.push(file);
  }
  // A value known only at run time (a tag) is rendered as `unresolved`: a chart that builds an image name
  // from it shows an image nothing pushes, which the target's findings then name.
  const sets = helm.sets.map(({ flag, value }) => ({
    flag,
    value: value.map((part) => (typeof part === 'string' ? part : 'unresolved')).join(''),
  }));
  return { ...(release ? { release } : {}), values, sets, ...(skipped.length ? { skipped } : {}) };
}

/** A path as the repository names it, or why it cannot be read. */
function repositoryPath(cwd: string, text: Text): string | { need: string } {
  const written = known(text);
  if (typeof written !== 'string') return { need: `\`${shown(text)}\`, which needs ${describe(written)}` };
  const joined = path.posix.normalize(path.posix.join(cwd || '.', written));
  if (written.startsWith('/') || joined === '..' || joined.startsWith('../'))
    return {
      need: `${written}, which is outside the repository (written at run time?): pullcheck reads only the repository's files; list the manifests under discover.manifests`,
    };
  return joined;
}

/**
 * `NAME=NEW[:TAG]`, `NAME:TAG`, `NAME@DIGEST`: the part before `=` must be known; of the new image, the
 * name must be (a tag known only at run time does not change which repository is pulled, so it is dropped).
 */
function imageEdit(text: Text): string | Missing {
  const parts: string[] = [];
  for (const part of text) {
    if (typeof part === 'string') {
      parts.push(part);
      continue;
    }
    const sofar = parts.join('');
    const newName = sofar.includes('=') ? sofar.slice(sofar.indexOf('=') + 1) : sofar;
    // A hole after the tag's colon (past the last slash) or the digest's @ only hides the tag or digest.
    const tagStart = newName.lastIndexOf(':') > newName.lastIndexOf('/') || newName.includes('@');
    if (!tagStart) return part;
    return sofar.replace(/[:@][^:@/]*$/, '');
  }
  return parts.join('');
}

function known(text: Text): string | Missing {
  const hole = text.find((part): part is Missing => typeof part !== 'string');
  return hole ?? text.join('').trim();
}

function describe(need: Missing): string {
  return `\`${need.need}\`${need.hint ? ` (${need.hint})` : ''}`;
}
