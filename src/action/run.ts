// The action's main step: inputs → check → report file, outputs, annotations, job summary, comment, gate.
import { writeFileSync } from 'node:fs';
import * as core from '@actions/core';
import { readLiveFacts } from '../collect/index.ts';
import { liveResources, withLiveFacts } from '../collect/merge.ts';
import { snapshotYaml } from '../collect/snapshot.ts';
import { runCheck } from '../core/engine.ts';
import { ConfigError } from '../core/errors.ts';
import { pullRequestOf } from '../github/event.ts';
import { InputError, readInputs } from '../inputs.ts';
import { providers } from '../providers/index.ts';
import { renderJson } from '../report/json.ts';
import { renderSarif } from '../report/sarif.ts';
import { headline } from '../report/labels.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { commentOnPullRequest } from './comment.ts';
import { loadActionConfig } from './config.ts';
import { loginStep } from './login.ts';
import { DockerConfigError } from '../login/docker-config.ts';
import { LoginError, type LoginSessions } from '../login/index.ts';
import { OidcError } from '../login/oidc.ts';
import { annotate, setReportOutputs, writeReportFile } from './outputs.ts';

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
    for (const secret of [options.githubToken, options.openshiftToken]) if (secret) core.setSecret(secret);
    if (!options.check) {
      core.info('pullcheck: check is false, nothing to check');
      return;
    }
    const { config, findings: discoveryFindings } = loadActionConfig(options, env);
    // A failed login fails the step, after the check has reported.
    let loginFailure: string | undefined;
    let sessions: LoginSessions = {};
    if (options.login) {
      try {
        const login = await loginStep(config, options, env);
        sessions = login.sessions;
        core.setOutput('registries', login.registries.join('\n'));
      } catch (error) {
        if (!(
          error instanceof LoginError ||
          error instanceof DockerConfigError ||
          error instanceof OidcError
        ))
          throw error;
        loginFailure = `pullcheck: ${error.message}`;
      }
    }
    // Live reads use the sessions the OIDC login obtained, else the ambient credentials.
    const setup = {
      ...(options.openshiftServer && options.openshiftToken
        ? { kubernetes: { server: options.openshiftServer, token: options.openshiftToken } }
        : {}),
      ...(sessions.aws ? { awsCredentials: sessions.aws } : {}),
      ...(sessions.googleAccessToken
        ? { googleAuthClient: await googleClient(sessions.googleAccessToken) }
        : {}),
    };
    const live = options.offline ? undefined : await liveFacts(config, setup);
    const checked = live ? withLiveFacts(config, live) : config;
    if (options.snapshot) writeFileSync(options.snapshot, snapshotYaml(checked));
    const result = runCheck(checked, providers, { failOn: options.failOn, findings: discoveryFindings });
    const liveRead = live ? liveResources(live) : [];
    const report = liveRead.length > 0 ? { ...result, facts: { live: liveRead } } : result;
    setReportOutputs(core, report, {
      json: writeReportFile('pullcheck-report.json', renderJson(report), env['RUNNER_TEMP']),
      sarif: writeReportFile('pullcheck-report.sarif', renderSarif(report), env['RUNNER_TEMP']),
    });
    annotate(core, report, env['GITHUB_WORKSPACE']);
    const detailsUrl = runUrl(env);
    if (env['GITHUB_STEP_SUMMARY']) {
      await core.summary.addRaw(renderMarkdown(report, { maxLength: SUMMARY_LIMIT })).write();
    }
    const pr = pullRequestOf(env['GITHUB_EVENT_NAME'], env['GITHUB_EVENT_PATH']);
    const request = {
      pr,
      mode: options.comment,
      key: options.commentKey,
      token: options.githubToken,
      detailsUrl,
    };
    core.setOutput('comment-url', (await commentOnPullRequest(request, report, core)) ?? '');
    core.info(`pullcheck: ${headline(report.summary)}`);
    if (loginFailure) core.setFailed(loginFailure);
    else if (report.summary.gate === 'fail') core.setFailed(`pullcheck: ${headline(report.summary)}`);
  } catch (error) {
    fail(error);
  }
}

async function liveFacts(
  config: Parameters<typeof readLiveFacts>[0],
  setup: Parameters<typeof readLiveFacts>[1],
) {
  const live = await readLiveFacts(config, setup);
  for (const note of live.notes) core.info(`pullcheck: ${note}`);
  core.info(`pullcheck: live reads: ${live.reads} resources, ${live.calls} calls`);
  return live.facts;
}

/** An auth client around the access token the Google login obtained. */
async function googleClient(accessToken: string): Promise<unknown> {
  const { OAuth2Client } = await import('google-auth-library');
  const client = new OAuth2Client();
  client.setCredentials({ access_token: accessToken });
  return client;
}

function fail(error: unknown): void {
  if (error instanceof ConfigError) {
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
