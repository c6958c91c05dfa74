// The account's IAM OIDC provider for the token's issuer: STS accepts a web identity token only from a provider
// registered in the role's account whose client IDs (audiences) list the token's `aud` (IAM User Guide, "Create
// an OpenID Connect (OIDC) identity provider in IAM": "the audience ... the client ID"; STS answers
// InvalidIdentityToken "Incorrect token audience" otherwise).
import { shellQuoted } from '../../../core/outgoing-text.ts';
import type { Tri } from '../../../core/tri.ts';
import type { MissingGrant } from '../../../core/verdict.ts';
import type { AwsFacts } from '../facts.ts';
import type { TokenContext } from './keys.ts';

export interface ProviderCheck {
  readonly result: Tri;
  readonly reasons: readonly string[];
  readonly fix?: MissingGrant;
}

export function providerCheck(context: TokenContext, facts: AwsFacts): ProviderCheck {
  const arn = context.providerArn;
  const account = /:iam::(\d{12}):/.exec(arn)?.[1] ?? '';
  const entry = facts.oidcProviders.get(arn.toLowerCase());
  if (!entry) {
    return unknownCheck(
      `the IAM OIDC provider ${arn} is not in facts.aws.oidcProviders: add it with its clientIds` +
        ` (aws iam get-open-id-connect-provider --open-id-connect-provider-arn ${arn}; live reads need iam:ListOpenIDConnectProviders and iam:GetOpenIDConnectProvider in ${account})`,
    );
  }
  if (entry.unreadable !== undefined)
    return unknownCheck(`the IAM OIDC provider ${arn} could not be read: ${entry.unreadable}`);
  const audience = context.audience;
  const audienceText = 'value' in audience ? audience.value : undefined;
  if (entry.missing) return missingProvider(context, account, audienceText ?? 'sts.amazonaws.com');
  if (audienceText === undefined) {
    return unknownCheck(
      `the token's audience is not known exactly, so whether provider ${arn} lists it among its client IDs (${listed(entry.clientIds)}) is not known`,
    );
  }
  if (entry.clientIds.includes(audienceText))
    return {
      result: 'yes',
      reasons: [`provider ${arn} lists the audience ${audienceText} among its client IDs`],
    };
  return {
    result: 'no',
    reasons: [
      `provider ${arn} lists client IDs ${listed(entry.clientIds)}, not the token's audience ${audienceText}: STS answers "Incorrect token audience"`,
    ],
    fix: {
      side: 'trust',
      permissions: ['iam:AddClientIDToOpenIDConnectProvider'],
      fix: {
        text: `Add ${audienceText} to the client IDs of ${arn} (or give configure-aws-credentials the audience the provider lists).`,
        snippets: {
          cli: `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${arn} --client-id ${shellQuoted(audienceText)}`,
        },
      },
    },
  };
}

function missingProvider(context: TokenContext, account: string, clientId: string): ProviderCheck {
  return {
    result: 'no',
    reasons: [
      `account ${account} has no IAM OIDC provider for ${context.issuer}: STS refuses every token it issues`,
    ],
    fix: {
      side: 'trust',
      permissions: ['iam:CreateOpenIDConnectProvider'],
      fix: {
        text: `Create the IAM OIDC identity provider for https://${context.issuer} in account ${account}, with the token's audience ${clientId} as its client ID.`,
        snippets: {
          cli: `aws iam create-open-id-connect-provider --url https://${context.issuer} --client-id-list ${shellQuoted(clientId)}`,
          terraform: [
            `resource "aws_iam_openid_connect_provider" "github" {`,
            `  url            = "https://${context.issuer}"`,
            `  client_id_list = [${JSON.stringify(clientId)}]`,
            `}`,
          ].join('\n'),
        },
      },
    },
  };
}

function unknownCheck(reason: string): ProviderCheck {
  return { result: 'unknown', reasons: [`unknown: ${reason}`] };
}

/** The client IDs as a reason shows them: a few, each bounded (a provider may list up to 100). */
function listed(ids: readonly string[]): string {
  if (ids.length === 0) return '(none)';
  const shown = ids.slice(0, 5).map((id) => (id.length > 80 ? `${id.slice(0, 77)}…` : id));
  return `${shown.join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;
}
