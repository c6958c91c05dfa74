// Reading parsed YAML, which is untyped, without a cast at every step: the one shape of a JSON map and the
// few guarded reads that every module reading manifests shares, so they are written once.
import { isRecord } from '../../providers/kubernetes/manifests/load.ts';

export { isRecord };

export type Json = Record<string, unknown>;

export function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The map at `at` under `body`, if every step of the way is a map. */
export function dig(body: Json, at: readonly string[]): Json | undefined {
  let node: unknown = body;
  for (const key of at) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return isRecord(node) ? node : undefined;
}
