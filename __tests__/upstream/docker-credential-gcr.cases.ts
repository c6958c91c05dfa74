// docker-credential-gcr's Google registry hosts, as pullcheck reads them. Upstream hands every one of these
// hosts a Google access token (credhelper.Get answers any server URL with it; configure-docker writes the
// hosts of config.DefaultGCRRegistries and, with --include-artifact-registry, DefaultARRegistries).
// pullcheck must route each to the right rule: an Artifact Registry repository (LOCATION-docker.pkg.dev, and
// the regional endpoint docker.REGION.rep.pkg.dev of the same repositories), a gcr.io host served by the
// Artifact Registry repository named after it, or a Google-operated host that is no project's registry,
// which pullcheck names and answers `unknown` for (it cannot know who Google lets pull there).
// Our own translation of the upstream lists and test tables; the test beside it runs each case.
import type { Ported, PortedTables } from './ported.ts';

export type GoogleHostExpectation =
  | { readonly registry: 'gar'; readonly location: string }
  | { readonly registry: 'gcr'; readonly location: 'us' | 'europe' | 'asia' }
  /** No project's registry: `unknown`, the reason naming what the host is (a pattern it must match). */
  | { readonly registry: 'google-operated'; readonly because: RegExp };

export interface GoogleHostCase extends Ported {
  readonly host: string;
  readonly expect: GoogleHostExpectation;
}

const REPOSITORY = 'GoogleCloudPlatform/docker-credential-gcr';
/** The commit read (2026-07-10, "Merge pull request #190"). */
const COMMIT = 'ade502b63aea84620836e4a0182757c33da555ab';

const OPERATED =
  "Google hands these hosts its credentials, but they are no project's registry: pullcheck cannot know who may pull there and answers unknown";

const gcr = (from: string, host: string, location: 'us' | 'europe' | 'asia'): GoogleHostCase => ({
  from,
  host,
  expect: { registry: 'gcr', location },
});
const operated = (from: string, host: string, because: RegExp): GoogleHostCase => ({
  from,
  host,
  expect: { registry: 'google-operated', because },
  differs: OPERATED,
});
const ar = (index: number, host: string, location: string): GoogleHostCase => ({
  from: `DefaultARRegistries[${index}] ${host}`,
  host,
  expect: { registry: 'gar', location },
});

const MARKETPLACE = /Google Cloud Marketplace/;
const OTHER_GCR = /not gcr\.io, us\.gcr\.io, eu\.gcr\.io or asia\.gcr\.io/;

export const PORTED = [
  {
    upstream: { repository: REPOSITORY, commit: COMMIT, path: 'credhelper/helper_unit_test.go' },
    cases: [
      gcr('TestGet_GCRCredentials testGCRHosts[0] gcr.io', 'gcr.io', 'us'),
      gcr('TestGet_GCRCredentials testGCRHosts[1] us.gcr.io', 'us.gcr.io', 'us'),
      gcr('TestGet_GCRCredentials testGCRHosts[2] eu.gcr.io', 'eu.gcr.io', 'europe'),
      gcr('TestGet_GCRCredentials testGCRHosts[3] asia.gcr.io', 'asia.gcr.io', 'asia'),
      operated(
        'TestGet_GCRCredentials testGCRHosts[4] staging-k8s.gcr.io',
        'staging-k8s.gcr.io',
        /Kubernetes project's staging registry/,
      ),
      operated(
        'TestGet_GCRCredentials testGCRHosts[5] marketplace.gcr.io',
        'marketplace.gcr.io',
        MARKETPLACE,
      ),
      operated('TestGet_GCRCredentials testGCRHosts[6] appengine.gcr.io', 'appengine.gcr.io', /App Engine/),
      operated(
        'TestGet_GCRCredentials testGCRHosts[7] hypothetical-alias.gcr.io',
        'hypothetical-alias.gcr.io',
        OTHER_GCR,
      ),
    ],
  },
  {
    upstream: { repository: REPOSITORY, commit: COMMIT, path: 'test/config_test.go' },
    cases: [
      gcr('TestConfigureDocker DefaultGCRRegistries[0] gcr.io', 'gcr.io', 'us'),
      gcr('TestConfigureDocker DefaultGCRRegistries[1] us.gcr.io', 'us.gcr.io', 'us'),
      gcr('TestConfigureDocker DefaultGCRRegistries[2] eu.gcr.io', 'eu.gcr.io', 'europe'),
      gcr('TestConfigureDocker DefaultGCRRegistries[3] asia.gcr.io', 'asia.gcr.io', 'asia'),
      operated(
        'TestConfigureDocker DefaultGCRRegistries[4] marketplace.gcr.io',
        'marketplace.gcr.io',
        MARKETPLACE,
      ),
      operated('TestConfigureDocker_NonDefault --registries foo.gcr.io', 'foo.gcr.io', OTHER_GCR),
      operated('TestConfigureDocker_NonDefault --registries bar.gcr.io', 'bar.gcr.io', OTHER_GCR),
      operated('TestConfigureDocker_NonDefault --registries baz.gcr.io', 'baz.gcr.io', OTHER_GCR),
    ],
  },
  {
    // Not a test file: the list configure-docker --include-artifact-registry writes (and gcloud's own
    // credential helper list matches it), every entry a host whose pulls pullcheck must decide.
    upstream: { repository: REPOSITORY, commit: COMMIT, path: 'config/const.go' },
    cases: [
      ar(0, 'africa-south1-docker.pkg.dev', 'africa-south1'),
      ar(1, 'docker.africa-south1.rep.pkg.dev', 'africa-south1'),
      ar(2, 'asia-docker.pkg.dev', 'asia'),
      ar(3, 'asia-east1-docker.pkg.dev', 'asia-east1'),
      ar(4, 'docker.asia-east1.rep.pkg.dev', 'asia-east1'),
      ar(5, 'asia-east2-docker.pkg.dev', 'asia-east2'),
      ar(6, 'docker.asia-east2.rep.pkg.dev', 'asia-east2'),
      ar(7, 'asia-northeast1-docker.pkg.dev', 'asia-northeast1'),
      ar(8, 'docker.asia-northeast1.rep.pkg.dev', 'asia-northeast1'),
      ar(9, 'asia-northeast2-docker.pkg.dev', 'asia-northeast2'),
      ar(10, 'docker.asia-northeast2.rep.pkg.dev', 'asia-northeast2'),
      ar(11, 'asia-northeast3-docker.pkg.dev', 'asia-northeast3'),
      ar(12, 'docker.asia-northeast3.rep.pkg.dev', 'asia-northeast3'),
      ar(13, 'asia-south1-docker.pkg.dev', 'asia-south1'),
      ar(14, 'docker.asia-south1.rep.pkg.dev', 'asia-south1'),
      ar(15, 'asia-south2-docker.pkg.dev', 'asia-south2'),
      ar(16, 'docker.asia-south2.rep.pkg.dev', 'asia-south2'),
      ar(17, 'asia-southeast1-docker.pkg.dev', 'asia-southeast1'),
      ar(18, 'docker.asia-southeast1.rep.pkg.dev', 'asia-southeast1'),
      ar(19, 'asia-southeast2-docker.pkg.dev', 'asia-southeast2'),
      ar(20, 'docker.asia-southeast2.rep.pkg.dev', 'asia-southeast2'),
      ar(21, 'australia-southeast1-docker.pkg.dev', 'australia-southeast1'),
      ar(22, 'docker.australia-southeast1.rep.pkg.dev', 'australia-southeast1'),
      ar(23, 'australia-southeast2-docker.pkg.dev', 'australia-southeast2'),
      ar(24, 'docker.australia-southeast2.rep.pkg.dev', 'australia-southeast2'),
      ar(25, 'europe-docker.pkg.dev', 'europe'),
      ar(26, 'europe-central2-docker.pkg.dev', 'europe-central2'),
      ar(27, 'docker.europe-central2.rep.pkg.dev', 'europe-central2'),
      ar(28, 'europe-north1-docker.pkg.dev', 'europe-north1'),
      ar(29, 'docker.europe-north1.rep.pkg.dev', 'europe-north1'),
      ar(30, 'europe-north2-docker.pkg.dev', 'europe-north2'),
      ar(31, 'europe-southwest1-docker.pkg.dev', 'europe-southwest1'),
      ar(32, 'docker.europe-southwest1.rep.pkg.dev', 'europe-southwest1'),
      ar(33, 'europe-west1-docker.pkg.dev', 'europe-west1'),
      ar(34, 'docker.europe-west1.rep.pkg.dev', 'europe-west1'),
      ar(35, 'europe-west10-docker.pkg.dev', 'europe-west10'),
      ar(36, 'docker.europe-west10.rep.pkg.dev', 'europe-west10'),
      ar(37, 'europe-west12-docker.pkg.dev', 'europe-west12'),
      ar(38, 'docker.europe-west12.rep.pkg.dev', 'europe-west12'),
      ar(39, 'europe-west2-docker.pkg.dev', 'europe-west2'),
      ar(40, 'docker.europe-west2.rep.pkg.dev', 'europe-west2'),
      ar(41, 'europe-west3-docker.pkg.dev', 'europe-west3'),
      ar(42, 'docker.europe-west3.rep.pkg.dev', 'europe-west3'),
      ar(43, 'europe-west4-docker.pkg.dev', 'europe-west4'),
      ar(44, 'docker.europe-west4.rep.pkg.dev', 'europe-west4'),
      ar(45, 'europe-west6-docker.pkg.dev', 'europe-west6'),
      ar(46, 'docker.europe-west6.rep.pkg.dev', 'europe-west6'),
      ar(47, 'europe-west8-docker.pkg.dev', 'europe-west8'),
      ar(48, 'docker.europe-west8.rep.pkg.dev', 'europe-west8'),
      ar(49, 'europe-west9-docker.pkg.dev', 'europe-west9'),
      ar(50, 'docker.europe-west9.rep.pkg.dev', 'europe-west9'),
      ar(51, 'me-central1-docker.pkg.dev', 'me-central1'),
      ar(52, 'docker.me-central1.rep.pkg.dev', 'me-central1'),
      ar(53, 'me-central2-docker.pkg.dev', 'me-central2'),
      ar(54, 'docker.me-central2.rep.pkg.dev', 'me-central2'),
      ar(55, 'me-west1-docker.pkg.dev', 'me-west1'),
      ar(56, 'docker.me-west1.rep.pkg.dev', 'me-west1'),
      ar(57, 'northamerica-northeast1-docker.pkg.dev', 'northamerica-northeast1'),
      ar(58, 'docker.northamerica-northeast1.rep.pkg.dev', 'northamerica-northeast1'),
      ar(59, 'northamerica-northeast2-docker.pkg.dev', 'northamerica-northeast2'),
      ar(60, 'docker.northamerica-northeast2.rep.pkg.dev', 'northamerica-northeast2'),
      ar(61, 'northamerica-south1-docker.pkg.dev', 'northamerica-south1'),
      ar(62, 'southamerica-east1-docker.pkg.dev', 'southamerica-east1'),
      ar(63, 'docker.southamerica-east1.rep.pkg.dev', 'southamerica-east1'),
      ar(64, 'southamerica-west1-docker.pkg.dev', 'southamerica-west1'),
      ar(65, 'docker.southamerica-west1.rep.pkg.dev', 'southamerica-west1'),
      ar(66, 'us-docker.pkg.dev', 'us'),
      ar(67, 'us-central1-docker.pkg.dev', 'us-central1'),
      ar(68, 'docker.us-central1.rep.pkg.dev', 'us-central1'),
      ar(69, 'us-east1-docker.pkg.dev', 'us-east1'),
      ar(70, 'docker.us-east1.rep.pkg.dev', 'us-east1'),
      ar(71, 'us-east4-docker.pkg.dev', 'us-east4'),
      ar(72, 'docker.us-east4.rep.pkg.dev', 'us-east4'),
      ar(73, 'us-east5-docker.pkg.dev', 'us-east5'),
      ar(74, 'docker.us-east5.rep.pkg.dev', 'us-east5'),
      ar(75, 'us-south1-docker.pkg.dev', 'us-south1'),
      ar(76, 'docker.us-south1.rep.pkg.dev', 'us-south1'),
      ar(77, 'us-west1-docker.pkg.dev', 'us-west1'),
      ar(78, 'docker.us-west1.rep.pkg.dev', 'us-west1'),
      ar(79, 'us-west2-docker.pkg.dev', 'us-west2'),
      ar(80, 'docker.us-west2.rep.pkg.dev', 'us-west2'),
      ar(81, 'us-west3-docker.pkg.dev', 'us-west3'),
      ar(82, 'docker.us-west3.rep.pkg.dev', 'us-west3'),
      ar(83, 'us-west4-docker.pkg.dev', 'us-west4'),
      ar(84, 'docker.us-west4.rep.pkg.dev', 'us-west4'),
      ar(85, 'us-west8-docker.pkg.dev', 'us-west8'),
      ar(86, 'docker.us-west8.rep.pkg.dev', 'us-west8'),
      ar(87, 'europe-north2-docker.pkg.dev', 'europe-north2'),
      ar(88, 'asia-southeast3-docker.pkg.dev', 'asia-southeast3'),
    ],
  },
] satisfies readonly { upstream: PortedTables[number]['upstream']; cases: readonly GoogleHostCase[] }[];
