// The action's main step: inputs → check → report file, outputs, annotations, job summary, comment, gate.
import * as core from './toolkit.ts';
import { checkPulls } from '../check/pipeline.ts';
import type { LiveReadSetup } from '../check/live-reads.ts';
import type { LoadedConfig } from '../core/config/load.ts';
import { redactCredentials } from '../core/outgoing-text.ts';
import { ConfigError } from '../core/errors.ts';
import { pullRequestOf, type PullRequestRef } from '../github/event.ts';
import { InputError, readInputs, type Options } from '../inputs.ts';
import { jsonReportChunks } from '../report/json.ts';
import { renderSarif, renderSarifFailure } from '../report/sarif.ts';
import { headline } from '../report/labels.ts';
import type { Report } from '../core/report-model.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { commentOnPullRequest } from './comment.ts';
import { INPUTS_ONLY, loadActionConfig } from './config.ts';
import { loginStep } from './login.ts';
import { DockerConfigError } from '../login/docker-config.ts';
import { LoginError, type LoginSessions } from '../check/login.ts';
import { OidcError } from '../login/oidc.ts';
import { providers } from '../providers/index.ts';
import { annotate, repositoryPath, setReportOutputs, writeReportFile } from './outputs.ts';

// A job summary step is limited to 1 MiB.
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const options = readInputs((name) => core.getInput(name), {
      workflow: env['GITHUB_WORKFLOW'],
      job: env['GITHUB_JOB'],
      action: env['GITHUB_ACTION'],
    });
    // Secrets given as inputs are masked before anything can print them.
    for (const secret of [options.githubToken, ...options.secrets]) if (secret) core.setSecret(secret);
    if (!options.check && !options.login) {
      core.info('pullcheck: check and login are both false: nothing to do');
      return;
    }
    const { config, findings: discoveryFindings, workflows, ciLogins } = loadActionConfig(options, env);
    const pr = pullRequestOf(env['GITHUB_EVENT_NAME'], env['GITHUB_EVENT_PATH']);
    const login = options.login ? await logIn(config, options, env, pr) : { sessions: {} };
    if (!options.check) {
      // Login only, as amazon-ecr-login users start: the logins and their outputs, no analysis.
      core.info('pullcheck: check is false: logged in, nothing checked');
      if (login.failure) core.setFailed(login.failure);
      return;
    }
    const { report, liveRead } = await checkPulls({
      config,
      findings: discoveryFindings,
      failOn: options.failOn,
      lookedAt: {
        config:
          config.file === INPUTS_ONLY ? undefined : repositoryPath(config.file, env['GITHUB_WORKSPACE']),
        workflows,
        entry: 'action',
      },
      live: options.offline ? undefined : liveReadSetup(options, login.sessions),
      snapshot: options.snapshot,
      ciLogins,
      env,
      ...(options.githubToken
        ? { github: { token: options.githubToken, apiUrl: env['GITHUB_API_URL'] } }
        : {}),
    });
    if (liveRead) {
      for (const note of liveRead.notes) core.info(`pullcheck: ${note}`);
      core.info(`pullcheck: live reads: ${liveRead.calls} calls, ${liveRead.resourcesRead} resources read`);
    }
    await writeSinks(report, options, pr, env);
    core.info(`pullcheck: ${headline(report.summary)}`);
    if (login.failure) core.setFailed(login.failure);
    else if (report.summary.gate === 'fail') core.setFailed(`pullcheck: ${headline(report.summary)}`);
  } catch (error) {
    fail(error, env);
  }
}

/** The report's sinks: report files and outputs, annotations, the job summary, the pull request comment. */
async function writeSinks(
  report: Report,
  options: Options,
  pr: PullRequestRef | undefined,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  setReportOutputs(core, report, {
    json: writeReportFile('pullcheck-report.json', jsonReportChunks(report), env['RUNNER_TEMP']),
    sarif: writeReportFile('pullcheck-report.sarif', renderSarif(report), env['RUNNER_TEMP']),
  });
  annotate(core, report, env['GITHUB_WORKSPACE']);
  const detailsUrl = runUrl(env);
  if (env['GITHUB_STEP_SUMMARY']) {
    core.appendSummary(redactCredentials(renderMarkdown(report, { maxLength: SUMMARY_LIMIT })));
  }
  const request = {
    pr,
    mode: options.comment,
    key: options.commentKey,
    token: options.githubToken,
    detailsUrl,
    apiUrl: env['GITHUB_API_URL'] || undefined,
  };
  core.setOutput('comment-url', (await commentOnPullRequest(request, report, core)) ?? '');
}

/**
 * The logins, and their outputs. A failed login fails the step — after the check has reported, so it is
 * returned, not thrown. A pull request from a fork gets no OIDC token: the federated logins are skipped
 * with one warning, and the check reads what it can without them.
 */
async function logIn(
  config: LoadedConfig,
  options: Options,
  env: NodeJS.ProcessEnv,
  pr: PullRequestRef | undefined,
): Promise<{ sessions: LoginSessions; failure?: string }> {
  const federated = providers.flatMap((provider) => provider.federatedInputs?.(options.loginInputs) ?? []);
  const untrusted = pr?.fromFork
    ? 'a pull request from a fork'
    : env['GITHUB_ACTOR'] === 'dependabot[bot]'
      ? 'a Dependabot run'
      : undefined;
  if (federated.length > 0 && !env['ACTIONS_ID_TOKEN_REQUEST_URL'] && untrusted) {
    core.warning(
      `pullcheck: no OIDC token: GitHub gives none to ${untrusted}, so the logins (${federated.join(', ')}) are skipped; the check reads what it can without them, and pulls it cannot decide are unknown`,
    );
    setLoginOutputs([]);
    return { sessions: {} };
  }
  try {
    const login = await loginStep(config, options, env);
    setLoginOutputs(login.registries);
    return { sessions: login.sessions };
  } catch (error) {
    if (!(error instanceof LoginError || error instanceof DockerConfigError || error instanceof OidcError))
      throw error;
    return { sessions: {}, failure: `pullcheck: ${error.message}` };
  }
}

/** `registries`, one host per line, and `registry` — the host when exactly one was logged in to, as amazon-ecr-login gives it. */
function setLoginOutputs(registries: readonly string[]): void {
  core.setOutput('registries', registries.join('\n'));
  core.setOutput('registry', registries.length === 1 ? registries[0] : '');
}

/** Live reads use the sessions the OIDC login obtained, else the ambient credentials. */
function liveReadSetup(options: Options, sessions: LoginSessions): LiveReadSetup {
  const credentials: Record<string, unknown> = { ...sessions };
  const credentialHints: Record<string, string> = {};
  for (const provider of providers) {
    if (provider.credentialHint) credentialHints[provider.name] = provider.credentialHint;
    const given = provider.inputCredentials?.(options.loginInputs);
    if (given !== undefined) credentials[provider.name] = given;
  }
  return { credentials, credentialHints };
}

function fail(error: unknown, env: NodeJS.ProcessEnv): void {
  if (error instanceof ConfigError) {
    // upload-sarif in a later step still finds its file: the errors are its notifications.
    const problems = error.problems.map((problem) => ({
      message: problem.message,
      file: repositoryPath(problem.where.file, env['GITHUB_WORKSPACE']),
      line: problem.where.line,
    }));
    core.setOutput(
      'sarif-file',
      writeReportFile('pullcheck-report.sarif', renderSarifFailure(problems), env['RUNNER_TEMP']),
    );
    for (const problem of error.problems) {
      core.error(problem.message, {
        file: problem.where.file,
        startLine: problem.where.line,
        startColumn: problem.where.column,
      });
    }
    core.setFailed(`pullcheck: the config has ${error.problems.length} error(s)`);
  } else if (error instanceof InputError) {
    core.setFailed(`pullcheck: ${error.message}`);
  } else {
    core.setFailed(`pullcheck: internal error: ${(error as Error).message}`);
  }
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  const runId = env['GITHUB_RUN_ID'];
  return server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
}
