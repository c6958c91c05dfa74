// Live reads: the collectors of each cloud, run through one CallRunner, their facts joined to the config's.
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { LoadedConfig } from '../core/config/load.ts';
import { buildPlan } from '../core/plan.ts';
import { collectAwsFacts } from '../providers/aws/collect.ts';
import { AWS_PLATFORMS } from '../providers/aws/platforms.ts';
import { collectGcpFacts } from '../providers/gcp/collect.ts';
import { collectKubernetesObjects, type KubernetesConnection } from '../providers/kubernetes/collect.ts';
import { CallRunner } from './calls.ts';
import type { LiveFacts } from './merge.ts';

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

export interface LiveReadSetup {
  /** The Kubernetes / OpenShift API to read (kubeconfig, or openshift-server + token); none: not read. */
  readonly kubernetes?: KubernetesConnection;
  /** An authenticated google-auth-library client; default: Application Default Credentials when present. */
  readonly googleAuthClient?: unknown;
  /** The AWS session to read with (e.g. from the OIDC login); default: the ambient credential chain. */
  readonly awsCredentials?: Credentials;
  readonly concurrency?: number;
  readonly runner?: CallRunner;
  /** How to supply credentials, in the words of the entry that runs (the action names its inputs). */
  readonly credentialHints?: { readonly aws: string; readonly google: string };
}

const CREDENTIAL_HINTS = {
  aws: 'configure AWS credentials: environment variables, a profile or SSO',
  google: 'use Application Default Credentials: gcloud auth application-default login',
};

export interface LiveReadResult {
  readonly facts: LiveFacts;
  /** What could not be read at all (no credentials for a cloud), for the log. */
  readonly notes: readonly string[];
  /** Calls sent (retries included) and distinct resources read. */
  readonly calls: number;
  readonly reads: number;
}

export async function readLiveFacts(
  config: LoadedConfig,
  setup: LiveReadSetup = {},
): Promise<LiveReadResult> {
  const runner = setup.runner ?? new CallRunner({ concurrency: setup.concurrency ?? 8 });
  const plan = buildPlan(config);
  const notes: string[] = [];
  const facts: {
    aws?: Record<string, unknown>;
    gcp?: Record<string, unknown>;
    kubernetes?: { objects: unknown[] };
  } = {};
  const targets = config.input.targets ?? [];
  const needsAws =
    plan.images.some((image) => image.registry.kind === 'ecr') ||
    targets.some((t) => AWS_PLATFORMS.has(t.platform));
  if (needsAws) {
    const base = setup.awsCredentials ?? fromNodeProviderChain();
    if (await hasCredentials(base)) {
      const credentialsFor = accountCredentials(base, config.input.auth?.aws?.roles ?? {});
      const images = plan.targets.flatMap((target) => target.images);
      facts.aws = {
        ...(await collectAwsFacts(
          { images, targets, known: config.input.facts?.aws ?? {} },
          { runner, credentialsFor },
        )),
      };
    } else {
      notes.push(
        `no AWS credentials: AWS facts come from the config only (${(setup.credentialHints ?? CREDENTIAL_HINTS).aws})`,
      );
    }
  }
  const needsGoogle =
    plan.images.some((image) => image.registry.kind === 'gar' || image.registry.kind === 'gcr') ||
    targets.some((t) => t.platform === 'gke');
  if (needsGoogle) {
    const authClient = setup.googleAuthClient ?? (await applicationDefaultCredentials());
    if (authClient) {
      const images = plan.targets.flatMap((target) => target.images);
      facts.gcp = {
        ...(await collectGcpFacts(
          { images, targets, known: config.input.facts?.gcp ?? {} },
          {
            runner,
            authClient,
            ...(config.input.endpoints?.google ? { endpoints: config.input.endpoints.google } : {}),
          },
        )),
      };
    } else {
      notes.push(
        `no Google credentials: Google Cloud facts come from the config only (${(setup.credentialHints ?? CREDENTIAL_HINTS).google})`,
      );
    }
  }
  const clusterTargets = targets.filter((t) => t.platform === 'openshift' || t.platform === 'kubernetes');
  if (setup.kubernetes && clusterTargets.length > 0) {
    const streams = plan.images.flatMap((image) =>
      image.registry.kind === 'openshift'
        ? [{ namespace: image.registry.namespace, name: image.registry.imageStream }]
        : [],
    );
    const collected = await collectKubernetesObjects(
      {
        targets: clusterTargets,
        imageNamespaces: [...new Set(streams.map((s) => s.namespace))],
        imageStreams: streams,
      },
      setup.kubernetes,
      runner,
    );
    facts.kubernetes = { objects: collected.objects };
    notes.push(...collected.notes);
  }
  return { facts, notes, calls: runner.sent, reads: runner.reads };
}

async function hasCredentials(credentials: Credentials): Promise<boolean> {
  if (typeof credentials !== 'function') return true;
  try {
    await credentials();
    return true;
  } catch {
    return false;
  }
}

/** Reads in another account go through the role `auth.aws.roles` names there, chained from the base session. */
function accountCredentials(base: Credentials, roles: Readonly<Record<string, string>>) {
  const chained = new Map<string, Credentials>();
  return async (account: string | undefined): Promise<Credentials> => {
    const roleArn = account === undefined ? undefined : roles[account];
    if (!roleArn || account === undefined) return base;
    let credentials = chained.get(account);
    if (!credentials) {
      credentials = fromTemporaryCredentials({
        masterCredentials: base,
        params: { RoleArn: roleArn, RoleSessionName: 'pullcheck-read' },
      });
      chained.set(account, credentials);
    }
    return credentials;
  };
}

/** ADC when configured (a placeholder project id keeps google-auth-library from asking the network for one). */
async function applicationDefaultCredentials(): Promise<unknown> {
  try {
    const { GoogleAuth } = await import('google-auth-library');
    const auth = new GoogleAuth({
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
      projectId: 'pullcheck-live-reads',
    });
    return await auth.getClient();
  } catch {
    return undefined;
  }
}
