// The image streams the facts show exist: ImageStream objects (image.openshift.io/v1) in the manifests or the
// inline objects. A push of a tag to a stream that exists does not need the right to create one.
import { isRecord, type KubeObject } from '../manifests/load.ts';
import type { KnownStreams } from './push-rule.ts';

export function isImageStream(object: KubeObject): boolean {
  return object.kind === 'ImageStream' && /^(image\.openshift\.io\/)?v1$/.test(object.apiVersion);
}

/** NAMESPACE/NAME of every ImageStream that names its namespace (one without cannot be placed). */
export function knownImageStreams(objects: readonly KubeObject[]): KnownStreams {
  const streams = new Set<string>();
  for (const object of objects.filter(isImageStream)) {
    const metadata = isRecord(object.body['metadata']) ? object.body['metadata'] : {};
    const [namespace, name] = [metadata['namespace'], metadata['name']];
    if (typeof namespace === 'string' && typeof name === 'string') streams.add(`${namespace}/${name}`);
  }
  return streams;
}
