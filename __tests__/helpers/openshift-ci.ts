// Asks the OpenShift rules about a workflow's push to the integrated registry, or its login, over a config
// whose facts are the given objects (and ciLogins): the rules the check builds, without a workflow.
import { stringify } from 'yaml';
import type { CiLogin, LoginVerdict, PredictedToken } from '../../src/core/ci-path.ts';
import { loadConfigText } from '../../src/core/config/load.ts';
import { parseImageReference } from '../../src/core/image-reference.ts';
import { registryLocator } from '../../src/core/registries.ts';
import type { Verdict } from '../../src/core/verdict.ts';
import { registries } from '../../src/providers/index.ts';
import { buildRules } from '../../src/providers/kubernetes/rules.ts';

export const REGISTRY = 'image-registry.openshift-image-registry.svc:5000';
export const RBAC = 'rbac.authorization.k8s.io';

type Json = Record<string, unknown>;
export const namespace = (name: string): Json => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
});
export const imageStream = (ns: string, name: string): Json => ({
  apiVersion: 'image.openshift.io/v1',
  kind: 'ImageStream',
  metadata: { name, namespace: ns },
});
export const roleBinding = (ns: string, name: string, roleRef: Json, subjects: readonly Json[]): Json => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'RoleBinding',
  metadata: { name, namespace: ns },
  roleRef: { apiGroup: RBAC, ...roleRef },
  subjects,
});

export interface OpenShiftFacts {
  readonly objects?: readonly Json[];
  readonly ciLogins?: readonly Json[];
}

function rulesFor(facts: OpenShiftFacts) {
  const config = loadConfigText(
    stringify({
      version: 1,
      images: [],
      targets: [],
      facts: {
        kubernetes: { objects: facts.objects ?? [], ...(facts.ciLogins ? { ciLogins: facts.ciLogins } : {}) },
      },
    }),
    'pullcheck.yml',
  );
  return buildRules(config);
}

/** `image` is PROJECT/STREAM[:TAG] in the integrated registry. */
export function push(image: string, principal: string, facts: OpenShiftFacts): Verdict | undefined {
  const reference = parseImageReference(`${REGISTRY}/${image}`, registryLocator(registries, []));
  return rulesFor(facts).decidePush?.({ image: reference, principal });
}

const ORIGIN = { file: '.github/workflows/deploy.yml', line: 12, via: 'redhat-actions/oc-login' };

export const PUSH_TO_MAIN: PredictedToken = {
  event: 'push',
  trigger: 'push to main',
  claims: {
    sub: { value: 'repo:acme/app:ref:refs/heads/main' },
    aud: { value: 'openshift' },
  },
};

export function login(
  inputs: Readonly<Record<string, string>>,
  facts: OpenShiftFacts = {},
  provider = 'openshift',
  token: PredictedToken = PUSH_TO_MAIN,
): LoginVerdict | undefined {
  const ciLogin: CiLogin = {
    provider,
    identity: 'redhat-actions/oc-login',
    with: inputs,
    origin: ORIGIN,
  };
  return rulesFor(facts).decideLogin?.({ login: ciLogin, token });
}
