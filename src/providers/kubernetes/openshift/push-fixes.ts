// The fix for a push the integrated registry refuses: the system:image-pusher cluster role (get and update
// on imagestreams/layers) bound in the image's project — OpenShift docs, "Accessing the registry" and "Using
// RBAC to define and apply permissions" (default cluster roles). It creates no image stream: when the stream
// may not exist, the fix says to create it or to bind system:image-builder, which may also create one.
import type { MissingGrant } from '../../../core/verdict.ts';
import type { UserInfo } from '../rbac/authorize.ts';
import { roleBindingYaml, type BindingSubject } from '../fixes.ts';

export function imagePusherFix(
  pusher: UserInfo,
  namespace: string,
  imageStream: string,
  streamCovered: boolean,
): MissingGrant {
  const account = pusher.serviceAccount;
  const subject: BindingSubject = account
    ? { kind: 'ServiceAccount', namespace: account.namespace, name: account.name }
    : { kind: 'User', name: pusher.user };
  const cli = [`oc policy add-role-to-user system:image-pusher ${pusher.user} --namespace=${namespace}`];
  if (!streamCovered) {
    cli.push(
      `# the image stream is not in the facts and ${pusher.user} may not create one: create it first`,
      `oc create imagestream ${imageStream} -n ${namespace}`,
      '# or bind system:image-builder instead, which may also create it',
    );
  }
  const name = account ? `${account.namespace}-${account.name}` : pusher.user;
  return {
    side: 'binding',
    permissions: [
      'image.openshift.io/imagestreams/layers get',
      'image.openshift.io/imagestreams/layers update',
    ],
    fix: {
      text:
        `Let ${pusher.user} push to project ${namespace}: bind the system:image-pusher cluster role to it in ${namespace} (image stream ${imageStream}).` +
        (streamCovered
          ? ''
          : ` A tag pushed to a stream that does not exist creates it as the pusher: create ${imageStream} first, or bind system:image-builder, which may also create it.`),
      snippets: {
        cli: cli.join('\n'),
        yaml: roleBindingYaml(`image-pusher-${name}`, namespace, 'system:image-pusher', subject),
      },
    },
  };
}
