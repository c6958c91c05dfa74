import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TargetInput } from '../../src/core/config/schema.ts';
import {
  ImageReferenceError,
  imageName,
  parseImageName,
  parseImageReference,
  type ImageReference,
  type RegistryLocation,
} from '../../src/core/image-reference.ts';
import { imageKey, registryLocator, type RegistryDefinition } from '../../src/core/registries.ts';
import { registries } from '../../src/providers/index.ts';

// The grammar is core's; which registry serves a host is each provider's (their RegistryDefinitions), so
// these cases parse through the provider list's registries, with an openshift target's registryHosts.
function locatorFor(openshiftHosts: readonly string[] = []) {
  const cluster: TargetInput = {
    name: 'cluster',
    platform: 'openshift',
    namespace: 'apps',
    registryHosts: [...openshiftHosts],
  };
  return registryLocator(registries, [cluster]);
}

// Digests of the empty string: well-formed, and easy to recognise in a failure.
const SHA256 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SHA512 =
  'sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';
// 111122223333 is the placeholder account AWS documentation uses.
const ACCOUNT = '111122223333';

interface ValidCase {
  readonly name: string;
  readonly input: string;
  readonly openshiftHosts?: readonly string[];
  /** Everything but `raw`, which must always equal the input. */
  readonly expected: Omit<ImageReference, 'raw' | 'registry'> & {
    readonly registry: RegistryLocation & Record<string, unknown>;
  };
}

const ecr = (region: string, repository: string, extra: { fips?: boolean; dualStack?: boolean } = {}) => {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  const { fips = false, dualStack = false } = extra;
  return { kind: 'ecr', account: ACCOUNT, region, partition, fips, dualStack, repository } as const;
};

const validCases: readonly ValidCase[] = [
  // --- Amazon ECR (private) ---
  {
    name: 'ECR standard host with tag (AWS ECR "Pushing a Docker image" docs, placeholder account filled in)',
    input: `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/my-repository:tag`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com`,
      path: 'my-repository',
      tag: 'tag',
      registry: ecr('us-west-2', 'my-repository'),
    },
  },
  {
    name: 'ECR repository with slashes, no tag or digest',
    input: `${ACCOUNT}.dkr.ecr.eu-west-2.amazonaws.com/team/service/api`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr.eu-west-2.amazonaws.com`,
      path: 'team/service/api',
      registry: ecr('eu-west-2', 'team/service/api'),
    },
  },
  {
    name: 'ECR FIPS host (AWS General Reference "Amazon ECR endpoints": dkr.ecr-fips)',
    input: `${ACCOUNT}.dkr.ecr-fips.us-east-2.amazonaws.com/app:1.0`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr-fips.us-east-2.amazonaws.com`,
      path: 'app',
      tag: '1.0',
      registry: ecr('us-east-2', 'app', { fips: true }),
    },
  },
  {
    name: 'ECR dual-stack host (AWS ECR "Making requests over IPv6" docs: dkr-ecr.REGION.on.aws)',
    input: `${ACCOUNT}.dkr-ecr.us-west-2.on.aws/my-repository:latest`,
    expected: {
      host: `${ACCOUNT}.dkr-ecr.us-west-2.on.aws`,
      path: 'my-repository',
      tag: 'latest',
      registry: ecr('us-west-2', 'my-repository', { dualStack: true }),
    },
  },
  {
    name: 'ECR dual-stack FIPS host (AWS General Reference "Amazon ECR endpoints": dkr-ecr-fips)',
    input: `${ACCOUNT}.dkr-ecr-fips.us-east-2.on.aws/app`,
    expected: {
      host: `${ACCOUNT}.dkr-ecr-fips.us-east-2.on.aws`,
      path: 'app',
      registry: ecr('us-east-2', 'app', { fips: true, dualStack: true }),
    },
  },
  {
    name: 'ECR China region uses amazonaws.com.cn and partition aws-cn, with digest',
    input: `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn/app@${SHA256}`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn`,
      path: 'app',
      digest: SHA256,
      registry: ecr('cn-north-1', 'app'),
    },
  },
  {
    name: 'ECR GovCloud region is partition aws-us-gov',
    input: `${ACCOUNT}.dkr.ecr.us-gov-west-1.amazonaws.com/app:v2`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr.us-gov-west-1.amazonaws.com`,
      path: 'app',
      tag: 'v2',
      registry: ecr('us-gov-west-1', 'app'),
    },
  },
  {
    name: 'ECR GovCloud FIPS host',
    input: `${ACCOUNT}.dkr.ecr-fips.us-gov-east-1.amazonaws.com/app`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr-fips.us-gov-east-1.amazonaws.com`,
      path: 'app',
      registry: ecr('us-gov-east-1', 'app', { fips: true }),
    },
  },
  {
    name: 'ECR with both tag and digest',
    input: `${ACCOUNT}.dkr.ecr.ap-southeast-2.amazonaws.com/team/app:v1.2.3@${SHA256}`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr.ap-southeast-2.amazonaws.com`,
      path: 'team/app',
      tag: 'v1.2.3',
      digest: SHA256,
      registry: ecr('ap-southeast-2', 'team/app'),
    },
  },
  {
    name: 'ECR host written in upper case is lower-cased',
    input: `${ACCOUNT}.DKR.ECR.US-EAST-1.AMAZONAWS.COM/app`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`,
      path: 'app',
      registry: ecr('us-east-1', 'app'),
    },
  },
  {
    name: 'ECR-like host with an 11-digit account is other',
    input: '11112222333.dkr.ecr.us-east-1.amazonaws.com/app',
    expected: {
      host: '11112222333.dkr.ecr.us-east-1.amazonaws.com',
      path: 'app',
      registry: { kind: 'other' },
    },
  },
  {
    name: 'ECR-like host with a region outside China under amazonaws.com.cn is other',
    input: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.cn/app`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.cn`,
      path: 'app',
      registry: { kind: 'other' },
    },
  },
  {
    name: 'ECR-like host with a China region outside amazonaws.com.cn is other',
    input: `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com/app`,
    expected: {
      host: `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com`,
      path: 'app',
      registry: { kind: 'other' },
    },
  },

  // --- Amazon ECR Public ---
  {
    name: 'ECR Public alias/repository with tag (Amazon ECR Public Gallery)',
    input: 'public.ecr.aws/nginx/nginx:latest',
    expected: {
      host: 'public.ecr.aws',
      path: 'nginx/nginx',
      tag: 'latest',
      registry: { kind: 'ecr-public', alias: 'nginx', repository: 'nginx' },
    },
  },
  {
    name: 'ECR Public repository name with slashes',
    input: 'public.ecr.aws/my-alias/team/app',
    expected: {
      host: 'public.ecr.aws',
      path: 'my-alias/team/app',
      registry: { kind: 'ecr-public', alias: 'my-alias', repository: 'team/app' },
    },
  },

  // --- Artifact Registry ---
  {
    name: 'GAR image with tag (Google "Repository and image names" docs)',
    input: 'us-west1-docker.pkg.dev/my-project/my-repo/test:staging',
    expected: {
      host: 'us-west1-docker.pkg.dev',
      path: 'my-project/my-repo/test',
      tag: 'staging',
      registry: {
        kind: 'gar',
        location: 'us-west1',
        project: 'my-project',
        repository: 'my-repo',
        image: 'test',
      },
    },
  },
  {
    name: 'GAR multi-region with nested image path and digest',
    input: `us-docker.pkg.dev/my-project/my-repo/team/app/api@${SHA256}`,
    expected: {
      host: 'us-docker.pkg.dev',
      path: 'my-project/my-repo/team/app/api',
      digest: SHA256,
      registry: {
        kind: 'gar',
        location: 'us',
        project: 'my-project',
        repository: 'my-repo',
        image: 'team/app/api',
      },
    },
  },
  {
    name: 'GAR domain-scoped project (Google "Repository and image names" docs, domain-scoped projects)',
    input: 'us-central1-docker.pkg.dev/example.com/my-project/my-repo/my-image:v1',
    expected: {
      host: 'us-central1-docker.pkg.dev',
      path: 'example.com/my-project/my-repo/my-image',
      tag: 'v1',
      registry: {
        kind: 'gar',
        location: 'us-central1',
        project: 'example.com:my-project',
        repository: 'my-repo',
        image: 'my-image',
      },
    },
  },
  {
    name: 'GAR domain-scoped project with nested image path',
    input: 'europe-west4-docker.pkg.dev/example.com/my-project/my-repo/team/app',
    expected: {
      host: 'europe-west4-docker.pkg.dev',
      path: 'example.com/my-project/my-repo/team/app',
      registry: {
        kind: 'gar',
        location: 'europe-west4',
        project: 'example.com:my-project',
        repository: 'my-repo',
        image: 'team/app',
      },
    },
  },

  // --- gcr.io (Google "gcr.io repositories" docs: gcr.io domain support table) ---
  ...(
    [
      ['gcr.io', 'us'],
      ['us.gcr.io', 'us'],
      ['eu.gcr.io', 'europe'],
      ['asia.gcr.io', 'asia'],
    ] as const
  ).map(([host, location]): ValidCase => ({
    name: `${host} maps to Artifact Registry location ${location} (Google "gcr.io hosted on Artifact Registry" docs)`,
    input: `${host}/my-project/my-image:tag1`,
    expected: {
      host,
      path: 'my-project/my-image',
      tag: 'tag1',
      registry: { kind: 'gcr', host, location, project: 'my-project', image: 'my-image' },
    },
  })),
  {
    name: 'gcr.io domain-scoped project (Google Container Registry docs, domain-scoped projects)',
    input: 'gcr.io/example.com/my-project/my-image',
    expected: {
      host: 'gcr.io',
      path: 'example.com/my-project/my-image',
      registry: {
        kind: 'gcr',
        host: 'gcr.io',
        location: 'us',
        project: 'example.com:my-project',
        image: 'my-image',
      },
    },
  },
  {
    name: 'gcr.io nested image path',
    input: 'eu.gcr.io/my-project/team/app',
    expected: {
      host: 'eu.gcr.io',
      path: 'my-project/team/app',
      registry: {
        kind: 'gcr',
        host: 'eu.gcr.io',
        location: 'europe',
        project: 'my-project',
        image: 'team/app',
      },
    },
  },
  {
    name: 'other *.gcr.io hosts are not gcr (registry.k8s.io predecessor)',
    input: 'k8s.gcr.io/pause:3.9',
    expected: { host: 'k8s.gcr.io', path: 'pause', tag: '3.9', registry: { kind: 'other' } },
  },

  // --- OpenShift integrated registry ---
  {
    name: 'OpenShift service host with port (OpenShift "Accessing the registry" docs)',
    input: 'image-registry.openshift-image-registry.svc:5000/openshift/python',
    expected: {
      host: 'image-registry.openshift-image-registry.svc:5000',
      path: 'openshift/python',
      registry: { kind: 'openshift', namespace: 'openshift', imageStream: 'python' },
    },
  },
  {
    name: 'OpenShift service host with .cluster.local and a tag',
    input: 'image-registry.openshift-image-registry.svc.cluster.local:5000/my-ns/app:v1',
    expected: {
      host: 'image-registry.openshift-image-registry.svc.cluster.local:5000',
      path: 'my-ns/app',
      tag: 'v1',
      registry: { kind: 'openshift', namespace: 'my-ns', imageStream: 'app' },
    },
  },
  {
    name: 'OpenShift custom route host from options, compared case-insensitively',
    input: 'default-route-openshift-image-registry.apps.example.com/my-ns/app:v1',
    openshiftHosts: ['Default-Route-OpenShift-Image-Registry.Apps.Example.com'],
    expected: {
      host: 'default-route-openshift-image-registry.apps.example.com',
      path: 'my-ns/app',
      tag: 'v1',
      registry: { kind: 'openshift', namespace: 'my-ns', imageStream: 'app' },
    },
  },
  {
    name: 'OpenShift route host is other when not listed in options',
    input: 'default-route-openshift-image-registry.apps.example.com/my-ns/app',
    expected: {
      host: 'default-route-openshift-image-registry.apps.example.com',
      path: 'my-ns/app',
      registry: { kind: 'other' },
    },
  },
  {
    name: 'OpenShift host comparison includes the port',
    input: 'registry.example.com/my-ns/app',
    openshiftHosts: ['registry.example.com:5000'],
    expected: { host: 'registry.example.com', path: 'my-ns/app', registry: { kind: 'other' } },
  },
  {
    name: 'OpenShift service host without its port is other',
    input: 'image-registry.openshift-image-registry.svc/my-ns/app',
    expected: {
      host: 'image-registry.openshift-image-registry.svc',
      path: 'my-ns/app',
      registry: { kind: 'other' },
    },
  },

  // --- Docker Hub (Docker's reference normalisation, distribution/reference ParseNormalizedNamed) ---
  {
    name: 'Docker normalisation: a bare name is docker.io/library/NAME',
    input: 'nginx',
    expected: { host: 'docker.io', path: 'library/nginx', registry: { kind: 'other' } },
  },
  {
    name: 'Docker normalisation: bare name with tag',
    input: 'nginx:1.25-alpine',
    expected: { host: 'docker.io', path: 'library/nginx', tag: '1.25-alpine', registry: { kind: 'other' } },
  },
  {
    name: 'Docker normalisation: user/app stays under docker.io',
    input: 'user/app',
    expected: { host: 'docker.io', path: 'user/app', registry: { kind: 'other' } },
  },
  {
    name: 'Docker normalisation: index.docker.io is docker.io',
    input: 'index.docker.io/library/ubuntu:22.04',
    expected: { host: 'docker.io', path: 'library/ubuntu', tag: '22.04', registry: { kind: 'other' } },
  },
  {
    name: 'Docker normalisation: registry-1.docker.io is docker.io',
    input: 'registry-1.docker.io/bitnami/redis',
    expected: { host: 'docker.io', path: 'bitnami/redis', registry: { kind: 'other' } },
  },
  {
    name: 'Docker normalisation: docker.io/NAME gains library/',
    input: 'docker.io/nginx',
    expected: { host: 'docker.io', path: 'library/nginx', registry: { kind: 'other' } },
  },
  {
    name: 'Docker normalisation: bare name with digest',
    input: `ubuntu@${SHA256}`,
    expected: { host: 'docker.io', path: 'library/ubuntu', digest: SHA256, registry: { kind: 'other' } },
  },
  {
    name: 'Docker normalisation: "localhost:5000" alone is image localhost with tag 5000',
    input: 'localhost:5000',
    expected: { host: 'docker.io', path: 'library/localhost', tag: '5000', registry: { kind: 'other' } },
  },

  // --- other registries and grammar corners ---
  {
    name: 'localhost with port is a host',
    input: 'localhost:5000/x',
    expected: { host: 'localhost:5000', path: 'x', registry: { kind: 'other' } },
  },
  {
    name: 'localhost without port is a host',
    input: 'localhost/app:dev',
    expected: { host: 'localhost', path: 'app', tag: 'dev', registry: { kind: 'other' } },
  },
  {
    name: 'host with port, nested path and tag',
    input: 'Registry.Example.com:8443/a/b:v1.2.3',
    expected: { host: 'registry.example.com:8443', path: 'a/b', tag: 'v1.2.3', registry: { kind: 'other' } },
  },
  {
    name: 'bracketed IPv6 host with port',
    input: '[::1]:5000/app',
    expected: { host: '[::1]:5000', path: 'app', registry: { kind: 'other' } },
  },
  {
    name: 'sha512 digest',
    input: `quay.io/prometheus/node-exporter@${SHA512}`,
    expected: {
      host: 'quay.io',
      path: 'prometheus/node-exporter',
      digest: SHA512,
      registry: { kind: 'other' },
    },
  },
  {
    name: 'path component separators ".", "_", "__" and repeated "-"',
    input: 'ghcr.io/my_org/my__app.v2/a---b',
    expected: { host: 'ghcr.io', path: 'my_org/my__app.v2/a---b', registry: { kind: 'other' } },
  },
  {
    name: 'tag may use upper case, "_" and "." and be 128 characters long',
    input: `ghcr.io/org/app:_V1.${'x'.repeat(124)}`,
    expected: {
      host: 'ghcr.io',
      path: 'org/app',
      tag: `_V1.${'x'.repeat(124)}`,
      registry: { kind: 'other' },
    },
  },
];

for (const { name, input, openshiftHosts, expected } of validCases) {
  test(`parses ${name}`, () => {
    assert.deepEqual(parseImageReference(input, locatorFor(openshiftHosts)), { raw: input, ...expected });
  });
}

interface InvalidCase {
  readonly name: string;
  readonly input: string;
  readonly openshiftHosts?: readonly string[];
  /** What the message must say beyond quoting the reference. */
  readonly message: RegExp;
}

const invalidCases: readonly InvalidCase[] = [
  { name: 'empty string', input: '', message: /is empty/ },
  { name: 'whitespace inside', input: 'nginx latest', message: /whitespace/ },
  { name: 'leading whitespace', input: ' nginx', message: /whitespace/ },
  { name: 'trailing newline', input: 'nginx\n', message: /whitespace/ },
  {
    name: 'uppercase repository',
    input: 'MyApp',
    message: /repository names must be lowercase \(got "MyApp"\)/,
  },
  {
    name: 'uppercase repository under a host',
    input: 'ghcr.io/Owner/app',
    message: /repository names must be lowercase \(got "Owner"\)/,
  },
  { name: 'empty path before a tag', input: ':latest', message: /repository path is empty/ },
  { name: 'empty path before a digest', input: `@${SHA256}`, message: /repository path is empty/ },
  { name: 'host with trailing slash only', input: 'localhost:5000/', message: /ends with "\/"/ },
  { name: 'leading slash', input: '/nginx', message: /starts with "\/"/ },
  { name: 'double slash', input: 'registry.example.com//app', message: /empty path component/ },
  {
    name: 'path component ending in "-"',
    input: 'ghcr.io/app-/x',
    message: /path component "app-" is not valid/,
  },
  { name: 'path component starting with "_"', input: '_app', message: /path component "_app" is not valid/ },
  {
    name: 'invalid host',
    input: 'bad_host.example.com/app',
    message: /registry host "bad_host.example.com"/,
  },
  {
    name: 'name longer than 255 characters',
    input: `ghcr.io/${'a'.repeat(250)}`,
    message: /longer than 255/,
  },
  { name: 'empty tag', input: 'nginx:', message: /tag "" is not valid/ },
  { name: 'tag starting with "-"', input: 'nginx:-bad', message: /tag "-bad" is not valid/ },
  {
    name: 'tag longer than 128 characters',
    input: `nginx:${'a'.repeat(129)}`,
    message: /tag "a+" is not valid/,
  },
  { name: 'tag containing ":"', input: 'nginx:a:b', message: /tag "a:b" is not valid/ },
  { name: 'sha256 digest too short', input: 'nginx@sha256:abc123', message: /64 lowercase hex/ },
  {
    name: 'sha256 digest with uppercase hex',
    input: `nginx@${SHA256.toUpperCase().replace('SHA256', 'sha256')}`,
    message: /64 lowercase hex/,
  },
  {
    name: 'sha512 digest with 64 hex digits',
    input: `nginx@sha512:${'a'.repeat(64)}`,
    message: /128 lowercase hex/,
  },
  {
    name: 'unknown digest algorithm',
    input: `nginx@md5:${'a'.repeat(32)}`,
    message: /sha256, sha384 or sha512/,
  },
  { name: 'digest without algorithm', input: `nginx@${'a'.repeat(64)}`, message: /ALGORITHM:HEX/ },
  { name: 'digest named after an Object property', input: 'nginx@constructor:00', message: /ALGORITHM:HEX/ },
  { name: 'two digests', input: `nginx@${SHA256}@${SHA256}`, message: /digest .* is not valid/ },
  {
    name: 'OpenShift path with three components',
    input: 'image-registry.openshift-image-registry.svc:5000/my-ns/team/app',
    message: /exactly two components, got 3.*NAMESPACE\/IMAGESTREAM/,
  },
  {
    name: 'OpenShift path with one component',
    input: 'image-registry.openshift-image-registry.svc.cluster.local:5000/app',
    message: /exactly two components, got 1/,
  },
  {
    name: 'OpenShift custom host path with three components',
    input: 'registry.apps.example.com/a/b/c',
    openshiftHosts: ['registry.apps.example.com'],
    message: /exactly two components/,
  },
  { name: 'ECR Public without alias', input: 'public.ecr.aws/nginx', message: /ALIAS\/REPOSITORY/ },
  {
    name: 'GAR path without image',
    input: 'us-docker.pkg.dev/my-project/my-repo',
    message: /project, a repository and an image/,
  },
  {
    name: 'GAR domain-scoped path without image',
    input: 'us-docker.pkg.dev/example.com/my-project/my-repo',
    message: /DOMAIN\/PROJECT\/REPOSITORY\/IMAGE/,
  },
  { name: 'gcr.io path without image', input: 'gcr.io/my-project', message: /a project and an image/ },
  {
    name: 'gcr.io domain-scoped path without image',
    input: 'gcr.io/example.com/my-project',
    message: /DOMAIN/,
  },
];

for (const { name, input, openshiftHosts, message } of invalidCases) {
  test(`rejects ${name}`, () => {
    assert.throws(
      () => parseImageReference(input, locatorFor(openshiftHosts)),
      (error: unknown) => {
        assert.ok(error instanceof ImageReferenceError);
        assert.equal(error.name, 'ImageReferenceError');
        assert.equal(error.reference, input);
        // The message quotes the reference, says what is wrong and what was expected.
        assert.ok(error.message.includes(JSON.stringify(input)), error.message);
        assert.match(error.message, message);
        assert.match(error.message, /; expected /);
        return true;
      },
    );
  });
}

test('imageName joins host and path without tag or digest', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['nginx:1.25', 'docker.io/library/nginx'],
    [
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/app:v1@${SHA256}`,
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/app`,
    ],
    ['Localhost:5000/x@' + SHA256, 'localhost:5000/x'],
  ];
  for (const [input, expected] of cases) assert.equal(imageName(parseImageName(input)), expected);
});

test('equivalent Docker Hub spellings share one imageName', () => {
  const names = new Set(
    [
      'ubuntu',
      'docker.io/ubuntu',
      'index.docker.io/library/ubuntu:latest',
      'registry-1.docker.io/library/ubuntu',
    ].map((input) => imageName(parseImageName(input))),
  );
  assert.deepEqual([...names], ['docker.io/library/ubuntu']);
});

test('ImageReferenceError is an Error', () => {
  const error = new ImageReferenceError('x', 'something is wrong');
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'ImageReferenceError');
});

test('core knows no registry: without the providers every host is other, the grammar still applies', () => {
  const ecr = `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/app:1`;
  assert.deepEqual(parseImageReference(ecr, registryLocator([])).registry, { kind: 'other' });
  assert.throws(() => parseImageReference('Team/App', registryLocator([])), /must be lowercase/);
});

test('a new registry is a definition: its hosts, its path form, its image key', () => {
  const acme: RegistryDefinition = {
    kind: 'acme',
    locate: (host, components, fail) => {
      if (host !== 'registry.acme.test') return undefined;
      if (components.length !== 2) fail('an acme path is TEAM/IMAGE', `${host}/TEAM/IMAGE`);
      return { kind: 'acme', team: components[0] };
    },
    imageKey: (location) => `acme:${(location as { team?: string }).team}`,
  };
  const locate = registryLocator([...registries, acme]);
  const image = parseImageReference('registry.acme.test/red/app:1', locate);
  assert.deepEqual(image.registry, { kind: 'acme', team: 'red' });
  assert.equal(imageKey(image, [acme]), 'acme:red');
  assert.throws(() => parseImageReference('registry.acme.test/app', locate), /an acme path is TEAM\/IMAGE/);
  // Registries without a key of their own compare by name.
  assert.equal(imageKey(parseImageReference('nginx', locate), [acme]), 'docker.io/library/nginx');
});

test('two registries claiming one host fail at once instead of letting their order decide', () => {
  const copy: RegistryDefinition = {
    kind: 'copy',
    locate: (host) => (host === 'gcr.io' ? { kind: 'copy' } : undefined),
  };
  for (const list of [
    [...registries, copy],
    [copy, ...registries],
  ]) {
    assert.throws(() => parseImageReference('gcr.io/p/app', registryLocator(list)), /both claim gcr\.io/);
  }
});

test('a host the config declares for a registry wins over a built-in one', () => {
  // An OpenShift route that happens to look like gcr.io's host is the integrated registry, as declared.
  const image = parseImageReference('gcr.io/ns/stream', locatorFor(['GCR.io']));
  assert.deepEqual(image.registry, { kind: 'openshift', namespace: 'ns', imageStream: 'stream' });
  assert.equal(imageKey(image, registries), 'openshift:ns/stream');
});

test('a registry answering with another kind than its own, or two declaring one host, fail at once', () => {
  const liar: RegistryDefinition = {
    kind: 'liar',
    locate: (host) => (host === 'registry.liar.test' ? { kind: 'ecr' } : undefined),
  };
  assert.throws(
    () => parseImageReference('registry.liar.test/app', registryLocator([liar])),
    /registry liar located an image as ecr/,
  );
  const twin: RegistryDefinition = {
    kind: 'twin',
    declaredHosts: () => ['Route.example.com'],
    locate: () => undefined,
  };
  assert.throws(
    () =>
      registryLocator(
        [...registries, twin],
        [{ name: 'c', platform: 'openshift', namespace: 'a', registryHosts: ['route.example.com'] }],
      ),
    /registries openshift and twin both declare route\.example\.com/,
  );
});
