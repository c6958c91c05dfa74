// Google-operated registry hosts that are no project's registry: docker-credential-gcr hands them Google
// credentials like any *.gcr.io host (its TestGet_GCRCredentials), but no IAM policy pullcheck reads decides
// who may pull there, so a pull is `unknown`, naming what the host is — never "no rule for other registries".
// Sources: gcloud's googlecloudsdk/core/docker/constants.py (LAUNCHER_REGISTRIES and the cloud-marketplace
// project, MIRROR_REGISTRIES and cloud-containers-mirror, KUBERNETES_PUSH, KUBERNETES_READ_ONLY,
// APPENGINE_REGISTRY); gcr.io, us.gcr.io, eu.gcr.io and asia.gcr.io are projects' registries (./registry.ts).
import type { ImageReference } from '../../core/image-reference.ts';
import { unknown, type Verdict } from '../../core/verdict.ts';

const MARKETPLACE = "Google Cloud Marketplace's registry (project cloud-marketplace)";
const MIRROR = "Google's cache of Docker Hub images (project cloud-containers-mirror)";

const OPERATED = new Map<string, string>([
  ['marketplace.gcr.io', MARKETPLACE],
  ['l.gcr.io', MARKETPLACE],
  ['launcher.gcr.io', MARKETPLACE],
  ['mirror.gcr.io', MIRROR],
  ['us-mirror.gcr.io', MIRROR],
  ['eu-mirror.gcr.io', MIRROR],
  ['asia-mirror.gcr.io', MIRROR],
  ['k8s.gcr.io', "the Kubernetes project's former registry (frozen; now registry.k8s.io)"],
  ['staging-k8s.gcr.io', "the Kubernetes project's staging registry"],
  ['appengine.gcr.io', "App Engine's registry of Google-provided images"],
]);

/** What a Google-operated host is, when `host` is one (projects' gcr.io hosts are located before this). */
export function googleOperatedHost(host: string): string | undefined {
  const known = OPERATED.get(host);
  if (known !== undefined) return known;
  return host.endsWith('.gcr.io')
    ? "a gcr.io host that is not gcr.io, us.gcr.io, eu.gcr.io or asia.gcr.io, so no project's Container Registry"
    : undefined;
}

/** The verdict for a pull from a Google-operated host; undefined for any other registry. */
export function googleOperatedPull(image: ImageReference): Verdict | undefined {
  const what = googleOperatedHost(image.host);
  if (what === undefined) return undefined;
  return unknown([
    `${image.host} is ${what}: Google decides who may pull there, not an IAM policy pullcheck can read; if anyone may pull this image, list it under publicImages`,
  ]);
}
