// Where a push tool's arguments say it pushes: a positional, a containers-transports reference, or a
// build's `--push`/`--output` with its tags. Undefined means it pushes to names pullcheck cannot see.
import type { CommandContext } from './context.ts';
import { concat, split, type Text } from '../text.ts';
import { keyValues, optionValues, wordText, type ParsedArguments } from './arguments.ts';

export type Destinations = (parsed: ParsedArguments, context: CommandContext) => Text[] | undefined;

/** The n-th positional; undefined (a may-push) when the command names none pullcheck can see. */
export const positionalAt = (n: number) => (parsed: ParsedArguments) => {
  const word = parsed.positionals[n];
  return word ? [word] : undefined;
};

/** containers-transports(5): only `docker://` reaches a registry; a bare name is one too. */
function registryReference(reference: Text | undefined): Text | undefined {
  if (!reference) return undefined;
  const head = typeof reference[0] === 'string' ? reference[0] : '';
  if (head.startsWith('docker://')) return concat([head.slice('docker://'.length)], reference.slice(1));
  return /^(?:containers-storage|dir|docker-archive|docker-daemon|oci|oci-archive|ostree|sif):/.test(head)
    ? undefined
    : reference;
}

/** `--push`, `--output type=registry`, `-o type=image,push=true`: a build that pushes, and to where. */
export function buildPushes(parsed: ParsedArguments): Text[] | undefined {
  const outputs = optionValues(parsed, '--output', '-o').map(keyValues);
  const registryOutput = outputs.find(
    (pairs) =>
      wordText(pairs.get('type')) === 'registry' ||
      (['image', 'oci', 'docker'].includes(wordText(pairs.get('type')) ?? '') &&
        wordText(pairs.get('push')) === 'true'),
  );
  // An output known only at run time (set in an `if` pullcheck cannot decide) may push.
  const undecided = outputs.some(
    (pairs) =>
      [...pairs.values()].some((value) => value.some((part) => typeof part !== 'string')) || pairs.size === 0,
  );
  const pushes = parsed.flags.has('--push') || registryOutput !== undefined || undecided;
  if (!pushes) return [];
  const named = registryOutput?.get('name');
  const fromName = named ? splitNames(named) : [];
  const tags = [...optionValues(parsed, '--tag', '-t'), ...fromName];
  // A build that pushes to names pullcheck cannot see (tags inside an unknown word) may push anywhere.
  return tags.length > 0 ? tags : undefined;
}

/** `name=a,b` in an output takes several names, comma-separated (quoted in the option). */
export function splitNames(text: Text): Text[] {
  return split(text, ',').filter((name) => name.length > 0);
}

/** The reference as the one destination, or none when there is no reference (not a registry's). */
function optional(text: Text | undefined): Text[] {
  return text && text.length > 0 ? [text] : [];
}

/** podman-push(1), buildah-push(1): the destination, else the source image (when it is a registry's). */
export function containersPushDestination(parsed: ParsedArguments): Text[] {
  return optional(registryReference(parsed.positionals[1] ?? parsed.positionals[0]));
}

/** skopeo-copy(1): the destination image, when its transport is a registry's. */
export function skopeoCopyDestination(parsed: ParsedArguments): Text[] | undefined {
  const destination = parsed.positionals[1];
  if (!destination) return undefined;
  // A destination whose transport is known only at run time may be a registry.
  const head = typeof destination[0] === 'string' ? destination[0] : '';
  return head === '' || head.startsWith('docker://') ? optional(registryReference(destination)) : [];
}

/** skopeo-sync(1) `--dest docker`: DESTINATION/<the source's last path element>. */
export function skopeoSyncDestinations(parsed: ParsedArguments): Text[] | undefined {
  if (wordText(optionValues(parsed, '--dest', '-d')[0]) !== 'docker') return [];
  const [source, destination] = parsed.positionals;
  const sourceText = wordText(source);
  if (!destination || sourceText === undefined || parsed.flags.has('--scoped')) return undefined;
  const name = sourceText
    .replace(/[:@].*$/, '')
    .split('/')
    .at(-1);
  return name ? [concat(destination, [`/${name}`])] : undefined;
}
