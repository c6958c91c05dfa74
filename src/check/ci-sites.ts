// What discovery found of each job's OIDC logins, made into what the check asks: the login with the
// tokens its job presents (src/github/oidc predicts them from the workflow and facts.github.oidc), or the
// fact that names the identity, and the images it pushes with where each was found.
import type { CiLogin, CiLoginSite } from '../core/ci-path.ts';
import type { LoadedConfig } from '../core/config/load.ts';
import { imageNameOf } from '../core/image-reference.ts';
import type { Origin } from '../core/origins.ts';
import type { FoundCiLogin } from '../discover/index.ts';
import type { EnvironmentInput, TokenContext } from '../github/oidc/context.ts';
import { oidcFacts } from '../github/oidc/facts.ts';
import { predictTokens } from '../github/oidc/predict.ts';

type Missing = Extract<FoundCiLogin['identity'], object>;

// oc-login's openshift_token and openshift_password, pullcheck's openshift-token.
const CREDENTIAL_INPUT = /(token|password)$/;
const WRITTEN_CREDENTIAL = '(a credential written in the workflow)';

const needText = (missing: Missing) => `\`${missing.need}\`${missing.hint ? `: ${missing.hint}` : ''}`;

export function ciSites(found: readonly FoundCiLogin[], config: LoadedConfig): CiLoginSite[] {
  if (found.length === 0) return [];
  const facts = oidcFacts(config);
  const variables = config.input.discover?.variables ?? {};
  const imageOrigins = config.origins.images;
  return found.map((login) => {
    const job = `${login.job.file}#${login.job.id}`;
    const origin: Origin = { file: login.where.file, line: login.where.line, via: login.via };
    const pushes = login.pushes.map((image) => {
      // Keyed as the config's and discovery's origins are (core/origins.ts): by image name.
      const name = imageNameOf(image);
      const from = name === undefined ? undefined : imageOrigins.get(name);
      return { image, ...(from ? { origin: from } : {}) };
    });
    if (typeof login.identity !== 'string')
      return {
        job,
        login: { provider: login.provider, unresolved: needText(login.identity), origin },
        tokens: [],
        pushes,
      };
    const ciLogin = loginOf(login, login.identity, origin);
    const idToken = login.job.idToken;
    const repository = login.job.top.repository ?? variables['github.repository'];
    if (!repository) {
      const noTokens =
        'the repository (github.repository) is not known: run in GitHub Actions, or add `github.repository: OWNER/REPO` under discover.variables';
      return { job, login: ciLogin, tokens: [], noTokens, pushes, idToken };
    }
    const audience = login.inputs['audience'];
    const context: TokenContext = {
      ...facts,
      repository,
      workflow: { path: login.job.file, on: login.job.calledAs ? undefined : login.job.top.on },
      ...(login.job.calledAs
        ? { caller: { path: login.job.top.file, on: login.job.top.on, uses: login.job.calledAs } }
        : {}),
      ...(login.job.environment === undefined ? {} : { environment: environmentOf(login.job.environment) }),
      ...(audience === undefined
        ? {}
        : {
            audience:
              typeof audience === 'string'
                ? audience
                : { unknown: `the audience needs ${needText(audience)}` },
          }),
    };
    return { job, login: ciLogin, tokens: predictTokens(context), pushes, idToken };
  });
}

function environmentOf(environment: string | Missing): EnvironmentInput {
  return typeof environment === 'string'
    ? environment
    : { unknown: `the job's environment needs ${needText(environment)}` };
}

/** The login as providers take it: its inputs (secrets named, never a credential's value) and its kind. */
function loginOf(login: FoundCiLogin, identity: string, origin: Origin): CiLogin {
  // A value the workflow reads from a secret or variable is kept as that expression (`${{ secrets.NAME }}`):
  // which secret a login uses can name who it logs in as (facts.kubernetes.ciLogins), never its value.
  // A credential written in the workflow itself is a secret: its value goes no further than here.
  const inputs = Object.fromEntries(
    Object.entries(login.inputs).map(([key, value]) => [
      key,
      typeof value !== 'string'
        ? `\${{ ${value.need} }}`
        : CREDENTIAL_INPUT.test(key)
          ? WRITTEN_CREDENTIAL
          : value,
    ]),
  );
  // A token or password, not GitHub's OIDC token, logs it in: no id-token permission is needed.
  const credential = Object.keys(inputs).some((key) => CREDENTIAL_INPUT.test(key));
  return {
    provider: login.provider,
    identity,
    with: inputs,
    origin,
    ...(credential ? { oidc: false as const } : {}),
  };
}
