// Live reads of Google Cloud facts: with the access token the login obtained, a client given by the entry,
// else Application Default Credentials.
import type { LiveReadContext, LiveReadResult } from '../../core/provider.ts';
import { cloudRunProjects, collectGcpFacts } from './collect.ts';
import { GoogleApis } from './google-apis.ts';
import { googleLocationOf } from './registry.ts';
import { readCiLoginFacts } from './workload-identity/wif-reads.ts';

const HINT = 'use Application Default Credentials: gcloud auth application-default login';

export async function read(context: LiveReadContext): Promise<LiveReadResult | undefined> {
  const { config, plan, runner } = context;
  const targets = config.input.targets ?? [];
  // The CI path (issue 18): the Google logins' providers and service accounts, the pushed images' policies.
  const ciLogins = (context.ciLogins ?? []).filter((login) => login.provider === 'gcp');
  const pushed = (context.ciPushes ?? [])
    .map((push) => push.image)
    .filter((image) => googleLocationOf(image));
  const needed =
    ciLogins.length > 0 ||
    pushed.length > 0 ||
    plan.images.some((image) => googleLocationOf(image) !== undefined) ||
    targets.some((target) => target.platform === 'gke') ||
    // A cloud-run target needs a read only for a project number it does not state.
    cloudRunProjects(targets).length > 0;
  if (!needed) return undefined;
  const authClient = await googleClient(context.credentials['gcp']);
  if (!authClient) {
    const hint = context.credentialHints['gcp'] ?? HINT;
    return { notes: [`no Google credentials: Google Cloud facts come from the config only (${hint})`] };
  }
  const images = [...plan.targets.flatMap((target) => target.images), ...pushed];
  const endpoints = config.input.endpoints?.google;
  const known = config.input.facts?.gcp ?? {};
  const options = { runner, authClient, ...(endpoints ? { endpoints } : {}) };
  const facts = await collectGcpFacts({ images, targets, known }, options);
  if (ciLogins.length === 0) return { facts: { ...facts }, notes: [] };
  const logins = await readCiLoginFacts(ciLogins, known, new GoogleApis(options));
  const read = new Set((facts.iamPolicies ?? []).map((entry) => entry.resource));
  const iamPolicies = [
    ...(facts.iamPolicies ?? []),
    ...logins.iamPolicies.filter((entry) => !read.has(entry.resource)),
  ];
  return {
    facts: { ...facts, iamPolicies, workloadIdentityProviders: logins.workloadIdentityProviders },
    notes: [],
  };
}

/** The login's access token (a string), a google-auth-library client, else ADC when configured. */
async function googleClient(given: unknown): Promise<unknown> {
  if (given !== undefined && typeof given !== 'string') return given;
  const { GoogleAuth, OAuth2Client } = await import('google-auth-library');
  if (typeof given === 'string') {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: given });
    return client;
  }
  try {
    // A placeholder project id keeps google-auth-library from asking the network for one.
    const auth = new GoogleAuth({
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
      projectId: 'pullcheck-live-reads',
    });
    return await auth.getClient();
  } catch {
    return undefined;
  }
}
