// pullcheck's own action (`uses: OWNER/pullcheck@v1`): its login inputs log in with GitHub's OIDC token
// like the cloud actions do, so they are CI logins too (issue 18): a role its trust policy refuses would
// leave the check without its live reads. Its `audience` input applies to AWS and OpenShift (action.yml:
// default sts.amazonaws.com for AWS); Google's audience is its provider's.
import { concat } from '../text.ts';
import type { ActionHandler } from './call.ts';

export const pullcheckAction: ActionHandler = (call) => {
  const audience = call.loginText('audience');
  const role = call.loginText('aws-role-arn');
  if (role) call.ciLogin('aws', role, { audience: audience ?? ['sts.amazonaws.com'] });
  const provider = call.loginText('gcp-workload-identity-provider');
  if (provider)
    call.ciLogin('gcp', provider, {
      service_account: call.loginText('gcp-service-account'),
      audience: concat(['https://iam.googleapis.com/'], provider),
    });
  const server = call.loginText('openshift-server');
  if (server)
    call.ciLogin('openshift', server, { 'openshift-token': call.loginText('openshift-token'), audience });
};

/** Whether a `uses:` names pullcheck's action: any owner's `pullcheck` repository (forks, mirrors). */
export const isPullcheckAction = (name: string): boolean => /^[^/]+\/pullcheck$/.test(name);
