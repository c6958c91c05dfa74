// The names Kubernetes itself accepts, so a config or a manifest cannot carry a namespace or an account
// name that no cluster could hold (and that would otherwise reach reports and log lines as written).
// Rules: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/ and
// k8s.io/apimachinery/pkg/util/validation (IsDNS1123Label, IsDNS1123Subdomain); the API server checks a
// namespace with IsDNS1123Label, and ServiceAccount and Secret names with IsDNS1123Subdomain
// (pkg/apis/core/validation: ValidateNamespaceName, ValidateServiceAccountName, ValidateSecretName).

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';

/** A DNS-1123 label: at most 63 lowercase letters, digits and `-`, starting and ending alphanumeric. */
export const DNS1123_LABEL = { pattern: `^${LABEL}$`, maxLength: 63 } as const;

/** A DNS-1123 subdomain: DNS-1123 labels joined by `.`, at most 253 characters. */
export const DNS1123_SUBDOMAIN = { pattern: `^${LABEL}(\\.${LABEL})*$`, maxLength: 253 } as const;

export function isNamespaceName(name: string): boolean {
  return name.length <= DNS1123_LABEL.maxLength && new RegExp(DNS1123_LABEL.pattern).test(name);
}

/** ServiceAccount and Secret names (imagePullSecrets) are DNS-1123 subdomains. */
export function isObjectName(name: string): boolean {
  return name.length <= DNS1123_SUBDOMAIN.maxLength && new RegExp(DNS1123_SUBDOMAIN.pattern).test(name);
}
