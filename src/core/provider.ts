// The seam between the provider-free core and each cloud. A provider declares what it owns — target
// platforms, registry kinds, its kind of principal — and the engine routes every question to exactly one
// owner (src/core/ownership.ts): no provider is asked about what another owns, and no list order decides.
// Its rules are pure functions of facts; its live reads and logins load only when a run needs them.
import type { CallRunner } from './call-runner.ts';
import type { LoadedConfig } from './config/load.ts';
import type { SchemaFragment } from './config/schema-parts.ts';
import type { TargetInput } from './config/schema.ts';
import type { ImageReference } from './image-reference.ts';
import type { Plan } from './plan.ts';
import type { RegistryDefinition } from './registries.ts';
import type { ReportFinding, Verdict } from './verdict.ts';
import type { CiLogin, LoginQuestion, LoginVerdict, PushQuestion } from './ci-path.ts';

/** Who pulls for a target: a named principal, or one that could not be named (with the reason). */
export type TargetPrincipal =
  /** `reasons` say how the principal was found (e.g. a default identity); they lead the verdict's reasons. */
  | { readonly principal: string; readonly reasons?: readonly string[] }
  | { readonly principal: string; readonly unnamed: Verdict };

export interface PullQuestion {
  readonly image: ImageReference;
  readonly target: TargetInput;
  readonly principal: string;
}

/** A provider's rules over one config's facts. */
export interface PullRules {
  /**
   * Who pulls `image` for `target` (a target of a platform this provider owns). Usually the same for every
   * image; a k3s node's credential depends on the registry host.
   */
  principals(target: TargetInput, image: ImageReference): readonly TargetPrincipal[];
  /** The verdict for a pull routed here; undefined when this provider has no rule for it. */
  decide(question: PullQuestion): Verdict | undefined;
  /** Images of this provider's registries that anyone may pull, whoever pulls (public.ecr.aws). */
  publicPull?(image: ImageReference): Verdict | undefined;
  /** Things worth reporting that are not verdicts (a committed private key, an expiring token). */
  findings?(): readonly ReportFinding[];
  /**
   * Whether a workflow job's OIDC token logs in (a login this provider owns: `login.provider` is its name);
   * undefined when it has no rule for that login.
   */
  decideLogin?(question: LoginQuestion): LoginVerdict | undefined;
  /** Whether `principal` (one of this provider's) may push `image` to one of its registries. */
  decidePush?(question: PushQuestion): Verdict | undefined;
}

/** `Schema`: the provider's part of the config contract, its type kept so the contract types every cloud. */
export interface ProviderDefinition<Schema extends SchemaFragment | undefined = SchemaFragment | undefined> {
  readonly name: string;
  /** Its targets, `facts.<name>`, auth and endpoints; undefined when another provider's covers it (k3s). */
  readonly schema: Schema;
  /** Target platforms whose pulling identities this provider names; a platform has exactly one owner. */
  readonly platforms: readonly TargetInput['platform'][];
  /** The registries whose images this provider owns (hosts, logins, public images); one owner per kind. */
  readonly registries: readonly RegistryDefinition[];
  /**
   * Whether a principal is one of this provider's identities. A pull from its own registries by its own
   * identity is decided here whoever owns the target (a k3s node holding a Google service-account key);
   * every other pull is decided by the target's owner.
   */
  ownsPrincipal(principal: string): boolean;
  /**
   * Loads its rules module, when a check runs: the definition itself stays data the config contract can
   * read (its schema, registries and names) without loading any rule.
   */
  rules(): Promise<RulesModule>;
  /** Live reads of this provider's facts, loaded only when a check reads live. */
  liveReads?(): Promise<LiveReader>;
  /** How facts read live join the config's `facts.<name>` (always given with liveReads). */
  readonly liveFacts?: LiveFactsJoin;
  /** Logins to this provider's registries, loaded only when the action logs in. */
  login?(): Promise<ProviderLogin>;
  /** The action inputs its login and live reads take. */
  readonly actionInputs?: readonly ActionInput[];
  /** How the action's user gives its live reads credentials, naming its inputs. */
  readonly credentialHint?: string;
  /** The given inputs that log in with GitHub's OIDC token, which GitHub withholds from forks' pull requests. */
  federatedInputs?(inputs: LoginInputs): readonly string[];
  /** What its live reads read with when its inputs say so directly (an OpenShift server and token). */
  inputCredentials?(inputs: LoginInputs): unknown;
}

export interface RulesModule {
  /** Builds the rules from the config's facts, reading the files they name; throws ConfigError on bad facts. */
  buildRules(config: LoadedConfig): PullRules;
}

/** A provider with its rules built for one config. */
export interface PreparedProvider {
  readonly definition: ProviderDefinition;
  readonly rules: PullRules;
}

/** A provider with its rules module loaded, ready to build rules over any config. */
export interface LoadedProvider {
  readonly definition: ProviderDefinition;
  readonly rules: RulesModule;
}

export async function loadProviders(definitions: readonly ProviderDefinition[]): Promise<LoadedProvider[]> {
  const modules = await Promise.all(definitions.map((definition) => definition.rules()));
  return definitions.map((definition, i) => ({ definition, rules: modules[i]! }));
}

/** Builds every provider's rules over the config, in the list's order (a bad fact's error too). */
export function prepareProviders(
  loaded: readonly LoadedProvider[],
  config: LoadedConfig,
): PreparedProvider[] {
  return loaded.map(({ definition, rules }) => ({ definition, rules: rules.buildRules(config) }));
}

export interface LiveReadContext {
  readonly config: LoadedConfig;
  readonly plan: Plan;
  readonly runner: CallRunner;
  /** What to read with, by provider name (an AWS session, a Google client, a cluster connection). */
  readonly credentials: Readonly<Record<string, unknown>>;
  /** How to supply credentials, by provider name, in the words of the entry that runs. */
  readonly credentialHints: Readonly<Record<string, string>>;
  /** The CI path's logins (issue 18): what each provider reads to decide them (a role's trust policy). */
  readonly ciLogins?: readonly CiLogin[];
  /** The CI path's pushes: each image a job pushes and the principal it pushes as, when known. */
  readonly ciPushes?: readonly PushQuestion[];
}

export interface LiveReadResult {
  /** The facts read, as they would be written under `facts.<provider name>`. */
  readonly facts?: Record<string, unknown>;
  /** What could not be read at all (no credentials), for the log. */
  readonly notes: readonly string[];
}

export interface LiveFactsJoin {
  /** The config's stated facts with the live ones added: what the config states wins. */
  join(stated: unknown, read: Record<string, unknown>): unknown;
  /** The resources the live facts came from (an entry the cloud refused was not read). */
  resources(read: Record<string, unknown>): string[];
}

export interface LiveReader {
  /** Reads what the plan needs from this provider's cloud; undefined when it needs nothing. */
  read(context: LiveReadContext): Promise<LiveReadResult | undefined>;
}

/**
 * The action's login inputs that were given, by input name: each provider's own (`aws-role-arn`,
 * `openshift-token`, …) and `audience`, the audience of GitHub's ID token for the providers whose token
 * exchange takes one (default sts.amazonaws.com for AWS, openshift for OpenShift; Google uses its provider's).
 */
export type LoginInputs = Readonly<Record<string, string>>;

/** An action input a provider's login or live reads take (action.yml declares it too; a test keeps the two together). */
export interface ActionInput {
  readonly name: string;
  /** The shape a given value must have, and how an error names it ("an IAM role ARN"). */
  readonly shape: RegExp;
  readonly expected: string;
  /** A secret: never echoed in an error, and masked in the log once the inputs are read. */
  readonly secret?: true;
}

export interface LoginContext {
  /** The images of this provider's registries. */
  readonly images: readonly ImageReference[];
  readonly inputs: LoginInputs;
  readonly getIdToken: (audience: string) => Promise<string>;
  readonly mask: (secret: string) => void;
  readonly warning: (message: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Where registries are really reached (config `endpoints.registries`): host → base URL. */
  readonly endpoints: Readonly<Record<string, string>>;
  readonly config: LoadedConfig['input'];
}

/** A user name and password for one registry host, as `docker login` takes them. */
export interface RegistryCredential {
  readonly host: string;
  readonly username: string;
  readonly password: string;
}

export interface LoginOutcome {
  readonly logins: readonly RegistryCredential[];
  /** The session the login obtained, handed to this provider's live reads (never printed). */
  readonly session?: unknown;
}

export interface ProviderLogin {
  logIn(context: LoginContext): Promise<LoginOutcome>;
  /** What to check when a registry refuses the login's credentials. */
  readonly refusedHint: string;
}

/** A login that cannot go on: the message says why, without a secret. */
export class LoginError extends Error {
  override name = 'LoginError';
}
