// The k3s node-config rule: does registries.yaml give the node a credential the registry accepts?
// A valid service-account key is not decided here: its pulls go to the Google rule as that account.
import type { ImageReference } from '../../../core/image-reference.ts';
import { allowed, type MissingGrant, type Verdict } from '../../../core/verdict.ts';
import type { NodeCredentials } from '../credential-providers/node-credentials.ts';
import type { Credential, HostCredential } from './credentials.ts';
import type { RegistriesFile } from './registries-file.ts';

const CREDENTIAL_PROVIDER_FLAG =
  '--kubelet-arg=image-credential-provider-config=/etc/rancher/k3s/credential-provider.yaml';

export function decideNodeConfig(
  image: ImageReference,
  found: HostCredential,
  file: RegistriesFile,
  node?: NodeCredentials,
): Verdict {
  const { credential } = found;
  const host = image.host;
  const kind = image.registry.kind;
  const source = (at: readonly (string | number)[]) => {
    const where = file.locate(at);
    return `${file.file}:${where.line}`;
  };

  if (credential.kind === 'none') return noCredential(image, file, node);
  if (credential.kind === 'unusable') {
    return denied(
      `${source(credential.at)}: ${credential.problem}`,
      missingCredential(image, file, credential.problem),
    );
  }

  const google = kind === 'gar' || kind === 'gcr';
  if (credential.kind === 'service-account-key' && google) {
    // Reached only when the node may not pull from the registry itself (./rules.ts gives the account otherwise).
    return {
      verdict: 'unknown',
      reasons: [
        `unknown: at ${host} itself k3s would pull as serviceAccount:${credential.email} (${source(credential.at)}), whose grants would decide`,
      ],
      missing: [],
    };
  }
  if (credential.kind === 'expiring-token') {
    const expiring = expiringToken(credential, kind, source(credential.at));
    if (expiring) return expiring;
  }
  if (google) {
    return denied(
      `${source(credential.at)}: Artifact Registry accepts only the usernames _json_key, _json_key_base64 and oauth2accesstoken`,
      missingCredential(image, file, 'the username is not one Artifact Registry accepts'),
    );
  }
  if (kind === 'ecr') {
    return denied(
      `${source(credential.at)}: Amazon ECR accepts only the username AWS with a password from ecr:GetAuthorizationToken`,
      missingCredential(image, file, 'the username is not AWS'),
    );
  }
  return allowed([
    `${source(credential.at)} gives k3s credentials for ${host}; their validity cannot be checked offline`,
  ]);
}

/** A pasted token of the registry's own issuer: unknown (whose, and whether still valid, is not known). */
function expiringToken(
  credential: Extract<Credential, { kind: 'expiring-token' }>,
  kind: ImageReference['registry']['kind'],
  source: string,
): Verdict | undefined {
  const google = kind === 'gar' || kind === 'gcr';
  const issuerMatches =
    (credential.issuer === 'google' && google) || (credential.issuer === 'ecr' && kind === 'ecr');
  if (!issuerMatches) return undefined;
  const lifetime = credential.issuer === 'google' ? '1 hour' : '12 hours';
  return {
    verdict: 'unknown',
    reasons: [
      `unknown: ${source} holds a token valid for ${lifetime} at most; whose token it is, and whether it is still valid, cannot be known offline` +
        ` (use ${credential.issuer === 'google' ? 'a _json_key or ' : ''}a kubelet image credential provider instead)`,
    ],
    missing: [],
  };
}

/**
 * No configs entry with auth for the host: denied (other registries are private unless in publicImages),
 * unless a kubelet image credential provider may give the node credentials (unknown until the target says).
 */
function noCredential(
  image: ImageReference,
  file: RegistriesFile,
  node: NodeCredentials | undefined,
): Verdict {
  const host = image.host;
  const wildcard = file.registries.configs?.['*']?.auth
    ? '; k3s does not send the auth of the "*" entry (k3s-io/docs#359)'
    : '';
  const none = `${file.file} has no credentials for ${host} (no configs."${host}".auth${wildcard})`;
  if (node && node.kind !== 'none') return { verdict: 'unknown', reasons: [none, node.reason], missing: [] };
  return denied(node ? `${none}; ${node.reason}` : none, missingCredential(image, file));
}

function denied(reason: string, missing: MissingGrant): Verdict {
  return { verdict: 'denied', reasons: [reason], missing: [missing] };
}

function missingCredential(image: ImageReference, file: RegistriesFile, problem?: string): MissingGrant {
  const host = image.host;
  const kind = image.registry.kind;
  const prefix = problem ? `Fix configs."${host}".auth in ${file.file} (${problem}). ` : '';
  if (kind === 'ecr') return ecrCredentialFix(host, prefix);
  if (kind === 'gar' || kind === 'gcr') {
    return {
      side: 'node-config',
      permissions: [`configs."${host}".auth`],
      fix: {
        text:
          `${prefix}Give k3s a key of a service account that has roles/artifactregistry.reader on the repository, as one line of JSON` +
          ` (jq -c . key.json), and install the file on the nodes from a secret store rather than committing the key.`,
        snippets: {
          yaml: [
            'configs:',
            `  "${host}":`,
            '    auth:',
            '      username: _json_key',
            "      password: '<the service-account key JSON, on one line>'",
          ].join('\n'),
        },
      },
    };
  }
  return {
    side: 'node-config',
    permissions: [`configs."${host}".auth`],
    fix: {
      text: `${prefix}Add credentials for ${host} to registries.yaml on every node (or, if anyone may pull this image, list it under publicImages).`,
      snippets: {
        yaml: [
          'configs:',
          `  "${host}":`,
          '    auth:',
          '      username: <user>',
          '      password: <password or token>',
        ].join('\n'),
      },
    },
  };
}

/** ECR tokens expire: the fix is the kubelet's ECR credential provider, not a static entry. */
function ecrCredentialFix(host: string, prefix: string): MissingGrant {
  return {
    side: 'node-config',
    permissions: [`configs."${host}".auth`],
    fix: {
      text:
        `${prefix}ECR tokens expire after 12 hours, so a static registries.yaml entry cannot keep working: install the kubelet ECR` +
        ` credential provider on the nodes and start k3s with ${CREDENTIAL_PROVIDER_FLAG} (and --kubelet-arg=image-credential-provider-bin-dir=…);` +
        ` the node's AWS identity then needs ECR pull permissions.`,
      snippets: {
        yaml: [
          'apiVersion: kubelet.config.k8s.io/v1',
          'kind: CredentialProviderConfig',
          'providers:',
          '  - name: ecr-credential-provider',
          '    matchImages: ["*.dkr.ecr.*.amazonaws.com", "*.dkr.ecr.*.amazonaws.com.cn"]',
          '    defaultCacheDuration: "12h"',
          '    apiVersion: credentialprovider.kubelet.k8s.io/v1',
        ].join('\n'),
      },
    },
  };
}
