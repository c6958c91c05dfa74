// Secrets committed in a registries.yaml: reported with file and line, never with any part of the secret.
import type { ReportFinding } from '../../../core/verdict.ts';
import { credentialOf } from './credentials.ts';
import type { RegistriesFile } from './registries-file.ts';

export function registriesFindings(file: RegistriesFile): ReportFinding[] {
  const findings: ReportFinding[] = [];
  for (const [host, entry] of Object.entries(file.registries.configs ?? {})) {
    const auth = entry.auth;
    if (!auth) continue;
    const { credential } = credentialOf(host, file);
    const at = (field: string) => file.locate(['configs', host, 'auth', field]).line;
    const secretField =
      auth.password !== undefined ? 'password' : auth.auth !== undefined ? 'auth' : 'identity_token';
    const where = `configs.${host}.auth.${secretField}`;
    if (containsPrivateKey(auth.password) || containsPrivateKey(auth.auth)) {
      const owner = credential.kind === 'service-account-key' ? ` of ${credential.email}` : '';
      findings.push({
        severity: 'high',
        kind: 'secret-in-repo',
        file: file.file,
        line: at(secretField),
        message:
          `a service-account private key${owner} is committed in ${where}: delete that key in IAM (gcloud iam service-accounts keys delete),` +
          ` remove it from the repository history, and install registries.yaml on the nodes from a secret store`,
      });
    } else if (auth.password !== undefined || auth.auth !== undefined || auth.identity_token !== undefined) {
      findings.push({
        severity: 'medium',
        kind: 'secret-in-repo',
        file: file.file,
        line: at(secretField),
        message: `a registry credential is committed in ${where}: rotate it and install registries.yaml on the nodes from a secret store`,
      });
    }
    if (credential.kind === 'expiring-token') {
      const lifetime =
        credential.issuer === 'google'
          ? 'an oauth2accesstoken expires within 1 hour'
          : 'an ECR token expires after 12 hours';
      findings.push({
        severity: 'medium',
        kind: 'expiring-credential',
        file: file.file,
        line: at(secretField),
        message:
          `${where}: ${lifetime}, after which pulls fail; use a kubelet image credential provider` +
          ` (k3s --kubelet-arg=image-credential-provider-config=…)${credential.issuer === 'google' ? ' or a _json_key' : ''} instead`,
      });
    }
  }
  return findings;
}

function containsPrivateKey(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value.includes('PRIVATE KEY')) return true;
  // _json_key_base64 and `auth` hide the key in base64.
  return Buffer.from(value, 'base64').toString('utf8').includes('PRIVATE KEY');
}
