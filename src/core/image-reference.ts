/**
 * Parses container image references (spec §2). Which registry serves one — an ECR repository, an Artifact
 * Registry repository, an OpenShift image stream, or one nothing can check — is for the provider that owns
 * the registry to say (a RegistryDefinition, src/core/registries.ts); this module knows no cloud's hosts.
 *
 * Splitting and validation follow the distribution/reference grammar that Docker, containerd and
 * Kubernetes use, so a reference accepted here is one a kubelet would accept too.
 */

/**
 * Where a registry keeps an image, as the provider that owns the registry reads it from the host and path
 * (an ECR account and region, an Artifact Registry project and repository, an OpenShift image stream).
 * `kind` names the registry in reports; `other` is a registry no provider knows.
 */
export interface RegistryLocation {
  readonly kind: string;
}

export const OTHER_REGISTRY: RegistryLocation = { kind: 'other' };

/** Rejects the reference with what was wrong and, optionally, the form it should have. */
export type ReferenceFailure = (problem: string, expected?: string) => never;

/** Which registry serves an image at `host` with these path components (src/core/registries.ts). */
export type RegistryLocator = (
  host: string,
  components: readonly string[],
  fail: ReferenceFailure,
) => RegistryLocation;

/** A reference split by the distribution grammar, before any registry reads it. */
export interface ImageName {
  /** The text exactly as the user wrote it. */
  readonly raw: string;
  /** Lower-cased, port kept, after Docker Hub normalisation. */
  readonly host: string;
  /** Repository path without host, tag or digest. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export interface ImageReference extends ImageName {
  readonly registry: RegistryLocation;
}

export class ImageReferenceError extends Error {
  /** The reference as the user wrote it, so callers can point at it. */
  readonly reference: string;

  constructor(reference: string, problem: string, expected: string = GENERAL_FORM) {
    super(`invalid image reference ${quotedPart(reference)}: ${problem}; expected ${expected}`);
    this.name = 'ImageReferenceError';
    this.reference = reference;
  }
}

/**
 * A reference or a part of it in a message, JSON-quoted. One of a length a registry accepts (a 255-character
 * name, a 128-character tag, a digest) is shown whole; a longer one is cut, so the line stays bounded.
 */
function quotedPart(text: string): string {
  const quoted = JSON.stringify(text);
  if (quoted.length <= 600) return quoted;
  return `${JSON.stringify(`${text.slice(0, 100)}…`)} (${text.length} characters)`;
}

const GENERAL_FORM = 'HOST[:PORT]/PATH[:TAG][@ALGORITHM:HEX], e.g. "registry.example.com/team/app:1.0"';

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
// A DNS name or bracketed IPv6 address, optionally with a port, as in the distribution grammar.
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[a-f0-9:]+\])(?::\d+)?$/i;
// Only algorithms the OCI image spec registers; an unknown one would never match a real manifest.
const DIGEST_HEX_LENGTH = new Map(Object.entries({ sha256: 64, sha384: 96, sha512: 128 }));
// Docker refuses names longer than this (host included).
const MAX_NAME_LENGTH = 255;

const DOCKER_HUB = 'docker.io';
// Docker itself rewrites index.docker.io; registry-1.docker.io is the same registry under its API name.
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io']);

/** The name, the tag and the digest. The digest first: it holds a ':' that is no tag separator. */
function splitReference(
  text: string,
  fail: ReferenceFailure,
): { name: string; tag?: string; digest?: string } {
  let name = text;
  let digest: string | undefined;
  const at = text.indexOf('@');
  if (at !== -1) {
    name = text.slice(0, at);
    digest = text.slice(at + 1);
    validateDigest(digest, fail);
  }

  // A ':' after the last '/' starts the tag; one before it belongs to the host's port.
  let tag: string | undefined;
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  if (colon !== -1) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG.test(tag)) {
      fail(
        `tag ${JSON.stringify(tag)} is not valid`,
        '1-128 letters, digits, "_", "." or "-", not starting with "." or "-"',
      );
    }
  }
  return { name, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/** Splits a reference by the grammar alone: host, path, tag and digest, no registry's own rules. */
export function parseImageName(text: string): ImageName {
  const fail = failureFor(text);
  if (text === '') fail('it is empty');
  if (/\s/.test(text)) fail('it contains whitespace');

  const { name, tag, digest } = splitReference(text, fail);
  if (name === '') fail('the repository path is empty');
  if (name.startsWith('/')) fail('it starts with "/"');
  if (name.endsWith('/')) fail('it ends with "/"');
  if (name.includes('//')) fail('it contains an empty path component ("//")');
  if (name.length > MAX_NAME_LENGTH) fail(`the name is longer than ${MAX_NAME_LENGTH} characters`);

  // Docker's rule: the first component names a host only if it could not be a repository name.
  let host = DOCKER_HUB;
  let path = name;
  const slash = name.indexOf('/');
  if (slash !== -1) {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      if (!HOST.test(first)) fail(`registry host ${quotedPart(first)} is not valid`);
      host = first.toLowerCase();
      path = name.slice(slash + 1);
    }
  }
  if (DOCKER_HUB_ALIASES.has(host)) {
    host = DOCKER_HUB;
    if (!path.includes('/')) path = `library/${path}`;
  }

  for (const component of path.split('/')) {
    if (PATH_COMPONENT.test(component)) continue;
    if (component !== component.toLowerCase()) {
      fail(
        `repository names must be lowercase (got ${JSON.stringify(component)})`,
        JSON.stringify(component.toLowerCase()),
      );
    }
    fail(
      `path component ${JSON.stringify(component)} is not valid`,
      'lowercase letters and digits, separated by ".", "_", "__" or "-"',
    );
  }

  return {
    raw: text,
    host,
    path,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** Parses a reference and asks `locate` which registry serves it, which may reject its path too. */
export function parseImageReference(text: string, locate: RegistryLocator): ImageReference {
  const name = parseImageName(text);
  return { ...name, registry: locate(name.host, name.path.split('/'), failureFor(text)) };
}

function failureFor(text: string): ReferenceFailure {
  return (problem, expected) => {
    throw new ImageReferenceError(text, problem, expected);
  };
}

/** host/path without tag or digest, for display and for matching references to one another. */
export function imageName(ref: ImageName): string {
  return `${ref.host}/${ref.path}`;
}

/** The image name of a written reference, or undefined when the grammar rejects it. */
export function imageNameOf(text: string): string | undefined {
  try {
    return imageName(parseImageName(text));
  } catch {
    return undefined;
  }
}

function validateDigest(digest: string, fail: ReferenceFailure): void {
  const separator = digest.indexOf(':');
  const algorithm = digest.slice(0, separator);
  const length = separator === -1 ? undefined : DIGEST_HEX_LENGTH.get(algorithm);
  if (length === undefined) {
    fail(
      `digest ${JSON.stringify(digest)} is not valid`,
      'ALGORITHM:HEX with algorithm sha256, sha384 or sha512',
    );
  }
  if (!new RegExp(`^[a-f0-9]{${length}}$`).test(digest.slice(separator + 1))) {
    fail(
      `digest ${JSON.stringify(digest)} is not valid`,
      `${algorithm}: followed by ${length} lowercase hex digits`,
    );
  }
}
