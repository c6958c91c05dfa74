/**
 * Parses container image references (spec §2) and says which registry serves them, because the
 * pull-permission check differs per registry: ECR repository policies, Artifact Registry IAM,
 * OpenShift image-stream RBAC, or nothing we can check at all.
 *
 * Splitting and validation follow the distribution/reference grammar that Docker, containerd and
 * Kubernetes use, so a reference accepted here is one a kubelet would accept too.
 */

export type RegistryKind = 'ecr' | 'ecr-public' | 'gar' | 'gcr' | 'openshift' | 'other';
export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

export type RegistryLocation =
  | {
      readonly kind: 'ecr';
      readonly account: string;
      readonly region: string;
      readonly partition: AwsPartition;
      readonly fips: boolean;
      readonly dualStack: boolean;
      readonly repository: string;
    }
  | { readonly kind: 'ecr-public'; readonly alias: string; readonly repository: string }
  | {
      readonly kind: 'gar';
      readonly location: string;
      readonly project: string;
      readonly repository: string;
      readonly image: string;
    }
  | {
      readonly kind: 'gcr';
      readonly host: string;
      readonly location: 'us' | 'europe' | 'asia';
      readonly project: string;
      readonly image: string;
    }
  | { readonly kind: 'openshift'; readonly namespace: string; readonly imageStream: string }
  | { readonly kind: 'other' };

export interface ImageReference {
  /** The text exactly as the user wrote it. */
  readonly raw: string;
  /** Lower-cased, port kept, after Docker Hub normalisation. */
  readonly host: string;
  /** Repository path without host, tag or digest. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
  readonly registry: RegistryLocation;
}

export interface ImageReferenceOptions {
  /** Extra hosts (port included) that serve an OpenShift integrated registry, e.g. its external route. */
  readonly openshiftHosts?: readonly string[];
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

const AWS_REGION = '([a-z]{2}(?:-[a-z]+)+-\\d+)';
const ECR_HOST = new RegExp(`^(\\d{12})\\.dkr\\.ecr(-fips)?\\.${AWS_REGION}\\.amazonaws\\.com(\\.cn)?$`);
const ECR_DUAL_STACK_HOST = new RegExp(`^(\\d{12})\\.dkr-ecr(-fips)?\\.${AWS_REGION}\\.on\\.aws$`);
const GAR_HOST = /^([a-z0-9]+(?:-[a-z0-9]+)*)-docker\.pkg\.dev$/;
// Where Artifact Registry keeps the repository that now backs each gcr.io host.
const GCR_LOCATIONS = new Map(
  Object.entries({
    'gcr.io': 'us',
    'us.gcr.io': 'us',
    'eu.gcr.io': 'europe',
    'asia.gcr.io': 'asia',
  } as const),
);
/** The OpenShift integrated registry as pods reach it: the host an image stream's pull spec names. */
export const OPENSHIFT_REGISTRY_SERVICE = 'image-registry.openshift-image-registry.svc:5000';
const OPENSHIFT_SERVICE_HOSTS = [
  OPENSHIFT_REGISTRY_SERVICE,
  'image-registry.openshift-image-registry.svc.cluster.local:5000',
];

/** The name, the tag and the digest. The digest first: it holds a ':' that is no tag separator. */
function splitReference(
  text: string,
  fail: (problem: string, expected?: string) => never,
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

export function parseImageReference(text: string, options: ImageReferenceOptions = {}): ImageReference {
  const fail = (problem: string, expected?: string): never => {
    throw new ImageReferenceError(text, problem, expected);
  };
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

  const components = path.split('/');
  for (const component of components) {
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

  const registry = locate(host, components, options, fail);
  return {
    raw: text,
    host,
    path,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
    registry,
  };
}

/** host/path without tag or digest, for display and for matching references to one another. */
export function imageName(ref: ImageReference): string {
  return `${ref.host}/${ref.path}`;
}

/** The image name of a written reference, or undefined when it does not parse. */
export function imageNameOf(text: string, options: ImageReferenceOptions = {}): string | undefined {
  try {
    return imageName(parseImageReference(text, options));
  } catch {
    return undefined;
  }
}

type Fail = (problem: string, expected?: string) => never;

function validateDigest(digest: string, fail: Fail): void {
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

function locate(
  host: string,
  components: readonly string[],
  options: ImageReferenceOptions,
  fail: Fail,
): RegistryLocation {
  const path = components.join('/');
  const [first = '', second = ''] = components;

  // Checked first so that an explicitly configured host always wins.
  const openshiftHosts = [...OPENSHIFT_SERVICE_HOSTS, ...(options.openshiftHosts ?? [])];
  if (openshiftHosts.some((candidate) => candidate.toLowerCase() === host)) {
    if (components.length !== 2) {
      fail(
        `an OpenShift registry path has exactly two components, got ${components.length}`,
        `${host}/NAMESPACE/IMAGESTREAM`,
      );
    }
    return { kind: 'openshift', namespace: first, imageStream: second };
  }

  const ecr = ECR_HOST.exec(host) ?? ECR_DUAL_STACK_HOST.exec(host);
  if (ecr) {
    const [, account = '', fipsSuffix, region = '', chinaSuffix] = ecr;
    const partition = awsPartition(region);
    const [fips, dualStack] = [fipsSuffix !== undefined, host.endsWith('.on.aws')];
    // China regions are only reachable under amazonaws.com.cn (and nothing else is); a mismatch is not ECR.
    if (dualStack || (partition === 'aws-cn') === (chinaSuffix !== undefined)) {
      return { kind: 'ecr', account, region, partition, fips, dualStack, repository: path };
    }
  }

  if (host === 'public.ecr.aws') {
    if (components.length < 2) {
      fail('an ECR Public path needs an alias and a repository', `${host}/ALIAS/REPOSITORY`);
    }
    return { kind: 'ecr-public', alias: first, repository: components.slice(1).join('/') };
  }

  // Domain-scoped project ids ("example.com:project") are written with "/" in place of ":".
  const domainScoped = first.includes('.');
  const project = domainScoped ? `${first}:${second}` : first;
  const projectParts = domainScoped ? 2 : 1;

  const gar = GAR_HOST.exec(host);
  if (gar) {
    if (components.length < projectParts + 2) {
      fail(
        'an Artifact Registry path needs a project, a repository and an image',
        `${host}/PROJECT/REPOSITORY/IMAGE (domain-scoped: ${host}/DOMAIN/PROJECT/REPOSITORY/IMAGE)`,
      );
    }
    const [repository = '', ...image] = components.slice(projectParts);
    return { kind: 'gar', location: gar[1] ?? '', project, repository, image: image.join('/') };
  }

  const gcrLocation = GCR_LOCATIONS.get(host);
  if (gcrLocation) {
    if (components.length < projectParts + 1) {
      fail(
        'a gcr.io path needs a project and an image',
        `${host}/PROJECT/IMAGE (domain-scoped: ${host}/DOMAIN/PROJECT/IMAGE)`,
      );
    }
    const image = components.slice(projectParts).join('/');
    return { kind: 'gcr', host, location: gcrLocation, project, image };
  }

  return { kind: 'other' };
}

function awsPartition(region: string): AwsPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}
