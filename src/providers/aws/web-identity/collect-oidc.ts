// Live reads of the IAM OIDC providers CI logins need: per account of a login's role, the providers whose
// issuer is GitHub Actions' (token.actions.githubusercontent.com, or an enterprise's /slug under it), with
// their client IDs. One the account does not have is written `exists: false`; a refusal makes it unreadable.
import { GetOpenIDConnectProviderCommand, ListOpenIDConnectProvidersCommand } from '@aws-sdk/client-iam';
import type { AwsReadOptions } from '../collect.ts';
import { parseRoleArn } from '../arn.ts';
import type { AwsFactsInput } from '../schema.ts';
import { GITHUB_ISSUER } from './keys.ts';

export interface OidcProviderOut {
  arn: string;
  clientIds?: string[];
  exists?: false;
  unreadable?: string;
}

/** The provider ARN a login's role in `account` of `partition` needs. */
export const githubProviderArn = (partition: string, account: string): string =>
  `arn:${partition}:iam::${account}:oidc-provider/${GITHUB_ISSUER}`;

/** The providers of the accounts of the roles CI logs in as, less those the config states. */
export function readCiOidcProviders(
  loginRoles: readonly string[],
  known: AwsFactsInput,
  options: AwsReadOptions,
): Promise<OidcProviderOut[]> {
  const accounts = new Map<string, { partition: string; account: string }>();
  for (const arn of loginRoles) {
    const role = parseRoleArn(arn);
    if (role) accounts.set(`${role.partition}/${role.account}`, role);
  }
  const stated = new Set((known.oidcProviders ?? []).map((provider) => provider.arn.toLowerCase()));
  return collectOidcProviders([...accounts.values()], stated, options);
}

export async function collectOidcProviders(
  accounts: readonly { readonly partition: string; readonly account: string }[],
  known: ReadonlySet<string>,
  options: AwsReadOptions,
): Promise<OidcProviderOut[]> {
  const read = await Promise.all(accounts.map((where) => accountProviders(where, known, options)));
  return read.flat();
}

async function accountProviders(
  where: { readonly partition: string; readonly account: string },
  known: ReadonlySet<string>,
  options: AwsReadOptions,
): Promise<OidcProviderOut[]> {
  const wanted = githubProviderArn(where.partition, where.account);
  if (known.has(wanted.toLowerCase())) return []; // stated: used as given
  const iam = await options.clients.iam(where.account);
  const resource = `the IAM OIDC providers of ${where.account}`;
  const listed = await options.runner.run(
    {
      key: `iam:ListOpenIDConnectProviders ${where.account}`,
      permission: 'iam:ListOpenIDConnectProviders',
      resource,
    },
    () => iam.send(new ListOpenIDConnectProvidersCommand({})),
  );
  if (!listed.ok) return [{ arn: wanted, unreadable: listed.message }];
  const arns = (listed.value.OpenIDConnectProviderList ?? [])
    .flatMap((entry) => (entry.Arn ? [entry.Arn] : []))
    .filter((arn) => isGithubProvider(arn, wanted) && !known.has(arn.toLowerCase()));
  const providers = await Promise.all(arns.map((arn) => providerFacts(arn, options, where.account)));
  const found = arns.some((arn) => arn.toLowerCase() === wanted.toLowerCase());
  if (!found) providers.push({ arn: wanted, exists: false });
  return providers;
}

function isGithubProvider(arn: string, wanted: string): boolean {
  const lower = arn.toLowerCase();
  return lower === wanted.toLowerCase() || lower.startsWith(`${wanted.toLowerCase()}/`);
}

async function providerFacts(
  arn: string,
  options: AwsReadOptions,
  account: string,
): Promise<OidcProviderOut> {
  const iam = await options.clients.iam(account);
  const provider = await options.runner.run(
    { key: `iam:GetOpenIDConnectProvider ${arn}`, permission: 'iam:GetOpenIDConnectProvider', resource: arn },
    () => iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
  );
  if (!provider.ok)
    return provider.kind === 'missing' ? { arn, exists: false } : { arn, unreadable: provider.message };
  return { arn, clientIds: provider.value.ClientIDList ?? [] };
}
