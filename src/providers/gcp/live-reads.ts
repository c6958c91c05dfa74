// Live reads of Google Cloud facts: with the access token the login obtained, a client given by the entry,
// else Application Default Credentials.
import type { LiveReadContext, LiveReadResult } from '../../core/provider.ts';
import { cloudRunProjects, collectGcpFacts } from './collect.ts';
import { googleLocationOf } from './registry.ts';

const HINT = 'use Application Default Credentials: gcloud auth application-default login';

export async function read(context: LiveReadContext): Promise<LiveReadResult | undefined> {
  const { config, plan, runner } = context;
  const targets = config.input.targets ?? [];
  const needed =
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
  const images = plan.targets.flatMap((target) => target.images);
  const endpoints = config.input.endpoints?.google;
  const facts = await collectGcpFacts(
    { images, targets, known: config.input.facts?.gcp ?? {} },
    { runner, authClient, ...(endpoints ? { endpoints } : {}) },
  );
  return { facts: { ...facts }, notes: [] };
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
