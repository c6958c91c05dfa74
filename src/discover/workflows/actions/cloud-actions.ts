// Actions that set up a registry rather than push: the AWS credentials whose account names the ECR
// registry, amazon-ecr-login's `registry` output, the Google project gcloud uses, registry logins (so a
// job that logs in and pushes nothing pullcheck can see is flagged), and small helpers people use to
// build names (lowercasing, ko's repository).
import { Holey, Unknown, type Value } from '../expression.ts';
import { concat, isMissing, lowercase, missing, serverOrigin, split, uppercase, type Text } from '../text.ts';
import { wordText } from '../commands/arguments.ts';
import type { ActionHandler } from './call.ts';

const valueOf = (text: Text): Value => (text.some(isMissing) ? new Holey(text) : text.join(''));

/**
 * aws-actions/configure-aws-credentials: the account is the one in `role-to-assume`'s ARN
 * (`arn:aws:iam::ACCOUNT:role/NAME`); with access keys alone it cannot be known offline. It exports
 * AWS_REGION and AWS_DEFAULT_REGION and outputs `aws-account-id`.
 */
export const awsCredentials: ActionHandler = (call) => {
  const region = call.text('aws-region');
  if (region) {
    call.facts.awsRegion = region;
    call.setEnv('AWS_REGION', region);
    call.setEnv('AWS_DEFAULT_REGION', region);
  }
  const role = call.text('role-to-assume');
  if (role) {
    const fields = split(role, ':');
    const account = fields.length >= 6 ? fields[4] : undefined;
    call.facts.awsAccount =
      account && account.length > 0
        ? account
        : [missing(`the account of role-to-assume (${wordText(role) ?? 'a role name'})`)];
  } else {
    call.facts.awsAccount = [
      missing(
        `the AWS account of the access key configure-aws-credentials uses${call.stepId ? ` (step ${call.stepId})` : ''}`,
      ),
    ];
  }
  call.setOutput('aws-account-id', valueOf(call.facts.awsAccount));
  // With a role and no keys or token file, the action assumes the role with GitHub's OIDC token.
  if (role && !call.text('aws-access-key-id') && !call.text('web-identity-token-file'))
    // Its `audience` input defaults to sts.amazonaws.com (configure-aws-credentials' action.yml).
    // Read per event: a role chosen by github.event_name is not the checking run's for every event.
    call.ciLogin('aws', call.loginText('role-to-assume') ?? role, {
      audience: call.loginText('audience') ?? ['sts.amazonaws.com'],
      'aws-region': region,
      // The session's name (sts:RoleSessionName) and length (DurationSeconds) decide the login too.
      'role-session-name': call.loginText('role-session-name'),
      'role-duration-seconds': call.loginText('role-duration-seconds'),
    });
  if (role) delete call.facts.awsAccountHint;
  else call.facts.awsAccountHint = 'access keys';
};

/**
 * aws-actions/amazon-ecr-login: `outputs.registry` is `ACCOUNT.dkr.ecr.REGION.amazonaws.com` for the
 * `registries` input's one account, else the credentials' account; `public.ecr.aws` with
 * `registry-type: public`. With several registries it sets no `registry` output (its README).
 */
export const ecrLogin: ActionHandler = (call) => {
  if (wordText(call.text('registry-type'))?.trim() === 'public') {
    call.setOutput('registry', 'public.ecr.aws');
    call.login('public.ecr.aws');
    return;
  }
  const accounts = call.items('registries', true).map((item) => item.text);
  const region = call.facts.awsRegion ??
    call.env.get('AWS_REGION') ??
    call.env.get('AWS_DEFAULT_REGION') ?? [
      missing('the AWS region', 'set `aws-region` on configure-aws-credentials'),
    ];
  const output = `steps.${call.stepId ?? 'ID'}.outputs.registry`;
  if (accounts.length > 1) {
    call.setOutput(
      'registry',
      new Unknown(
        missing(output, 'amazon-ecr-login sets no `registry` output when it logs in to several registries'),
      ),
    );
    for (const account of accounts) call.login(wordText(registryText(account, region)) ?? 'an ECR registry');
    return;
  }
  let account = accounts[0] ?? call.facts.awsAccount;
  if (!account || (call.facts.awsAccountHint === 'access keys' && !accounts[0])) {
    account = [
      missing(
        output,
        `the registry's account is that of the AWS credentials, which pullcheck cannot read: add \`${output}: <account>.dkr.ecr.<region>.amazonaws.com\` under \`discover.variables\``,
      ),
    ];
    call.setOutput('registry', new Unknown(account[0] as ReturnType<typeof missing>));
    call.login('an ECR registry');
    return;
  }
  const registry = registryText(account, region);
  call.setOutput('registry', valueOf(registry));
  call.login(wordText(registry) ?? 'an ECR registry');
};

function registryText(account: Text, region: Text): Text {
  return concat(account, ['.dkr.ecr.'], region, ['.amazonaws.com']);
}

const PROJECT_VARIABLES = [
  'CLOUDSDK_CORE_PROJECT',
  'CLOUDSDK_PROJECT',
  'GCLOUD_PROJECT',
  'GCP_PROJECT',
  'GOOGLE_CLOUD_PROJECT',
];

/**
 * google-github-actions/auth: the project is `project_id`, else the service account's
 * (`NAME@PROJECT.iam.gserviceaccount.com`); it exports it for gcloud and the client libraries.
 */
export const googleAuth: ActionHandler = (call) => {
  const account = call.text('service_account');
  // Workload identity federation: GitHub's OIDC token for the provider, then the service account if named.
  const provider = call.text('workload_identity_provider');
  // Its `audience` defaults to the provider's full name under https://iam.googleapis.com/ (auth's action.yml).
  // Read per event, as every input the token depends on (ci-logins.ts perEvent).
  const loginProvider = call.loginText('workload_identity_provider');
  const audience =
    call.loginText('audience') ??
    (loginProvider ? concat(['https://iam.googleapis.com/'], loginProvider) : undefined);
  // token_format and access_token_subject decide what the login needs (login-rule.ts).
  if (provider && loginProvider)
    call.ciLogin('gcp', loginProvider, {
      service_account: call.loginText('service_account'),
      audience,
      token_format: call.loginText('token_format'),
      access_token_subject: call.loginText('access_token_subject'),
    });
  const fromAccount = account ? split(account, '@')[1] : undefined;
  const project = call.text('project_id') ?? (fromAccount ? split(fromAccount, '.')[0] : undefined);
  if (!project) return;
  call.setOutput('project_id', valueOf(project));
  for (const name of PROJECT_VARIABLES) call.setEnv(name, project);
};

/** google-github-actions/setup-gcloud: `project_id` becomes gcloud's default project. */
export const setupGcloud: ActionHandler = (call) => {
  const project = call.text('project_id');
  if (project) for (const name of PROJECT_VARIABLES) call.setEnv(name, project);
};

/** docker/login-action (Docker Hub when no `registry`), redhat-actions/podman-login, azure/docker-login. */
export const registryLogin =
  (input: string, fallback: string): ActionHandler =>
  (call) =>
    call.login(wordText(call.text(input)) ?? fallback);

/** ko-build/setup-ko: KO_DOCKER_REPO defaults to `ghcr.io/<owner>/<repo>`, lowercased, unless set. */
export const setupKo: ActionHandler = (call) => {
  if (call.env.has('KO_DOCKER_REPO')) return;
  const repository = call.evaluate('github.repository');
  const text =
    typeof repository === 'string'
      ? [repository]
      : repository instanceof Holey
        ? repository.text
        : [missing('github.repository')];
  call.setEnv('KO_DOCKER_REPO', lowercase(concat(['ghcr.io/'], text)));
  call.login('ghcr.io');
};

/** ASzc/change-string-case-action and its forks: `string` in lower, upper and capitalized case. */
export const changeCase: ActionHandler = (call) => {
  const text = call.text('string') ?? [];
  call.setOutput('lowercase', valueOf(lowercase(text)));
  call.setOutput('uppercase', valueOf(uppercase(text)));
  const [first, ...rest] = lowercase(text);
  call.setOutput(
    'capitalized',
    valueOf(
      typeof first === 'string' ? concat([first.slice(0, 1).toUpperCase() + first.slice(1)], rest) : text,
    ),
  );
};

/**
 * google-github-actions/get-gke-credentials: `cluster_name` (a name, or the full
 * `projects/P/locations/L/clusters/C`), `location`, `project_id` (default: the project of the
 * credentials, which `auth` exports as CLOUDSDK_CORE_PROJECT). The job deploys to that cluster.
 */
export const gkeCredentials: ActionHandler = (call) => {
  const written = call.text('cluster_name') ?? [missing('the cluster name (cluster_name)')];
  const full = /^projects\/([^/]+)\/locations\/([^/]+)\/clusters\/([^/]+)$/.exec(wordText(written) ?? '');
  const project = call.text('project_id') ?? call.env.get('CLOUDSDK_CORE_PROJECT');
  const location = call.text('location');
  call.cluster(
    {
      platform: 'gke',
      cluster: full ? [full[3]!] : written,
      location: full ? [full[2]!] : (location ?? [missing('the cluster location (location)')]),
      project: full ? [full[1]!] : (project ?? [missing('the Google Cloud project (project_id)')]),
    },
    'google-github-actions/get-gke-credentials',
    call.where('cluster_name'),
  );
};

/**
 * redhat-actions/oc-login: `openshift_server_url`, and `namespace` (without it the context keeps the token's
 * default project, which cannot be known offline). The job deploys to that namespace.
 */
export const openshiftLogin: ActionHandler = (call) => {
  // The server names the cluster when it is known; held in a secret, the namespace still names the target.
  const server = serverOrigin(wordText(call.text('openshift_server_url')));
  // Its credential (a token or a password, usually from a secret) says who pushes to the cluster's registry.
  call.ciLogin(
    'openshift',
    call.loginText('openshift_server_url') ?? [missing('the OpenShift server (openshift_server_url)')],
    {
      openshift_token: call.loginText('openshift_token'),
      openshift_username: call.loginText('openshift_username'),
      openshift_password: call.loginText('openshift_password'),
      namespace: call.loginText('namespace'),
    },
  );
  const namespace = call.text('namespace');
  const given = namespace && (wordText(namespace) ?? 'x').trim() !== '' ? namespace : undefined;
  call.cluster(
    {
      platform: 'openshift',
      namespace: given ?? [
        missing(
          'the namespace',
          "set `namespace` on oc-login: without it the token's default project is used, which pullcheck cannot know",
        ),
      ],
      ...(server ? { server: [server] } : {}),
    },
    'redhat-actions/oc-login',
    call.where(given ? 'namespace' : 'openshift_server_url'),
  );
};
