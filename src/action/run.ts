// The action's main step: inputs → check → JSON report file, outputs, job summary, exit status.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { loadConfigFile } from '../core/config/load.ts';
import { runCheck } from '../core/engine.ts';
import { ConfigError } from '../core/errors.ts';
import { InputError, readInputs } from '../inputs.ts';
import { providers } from '../providers/index.ts';
import { renderJson } from '../report/json.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { headline } from '../report/labels.ts';

export async function run(): Promise<void> {
  try {
    const options = readInputs((name) => core.getInput(name));
    const report = runCheck(loadConfigFile(options.config), providers, { failOn: options.failOn });
    const reportFile = path.join(process.env['RUNNER_TEMP'] || os.tmpdir(), 'pullcheck-report.json');
    writeFileSync(reportFile, renderJson(report));
    core.setOutput('gate', report.summary.gate);
    core.setOutput('allowed', report.summary.allowed);
    core.setOutput('denied', report.summary.denied);
    core.setOutput('unknown', report.summary.unknown);
    core.setOutput('report-file', reportFile);
    if (process.env['GITHUB_STEP_SUMMARY']) await core.summary.addRaw(renderMarkdown(report)).write();
    core.info(`pullcheck: ${headline(report.summary)}`);
    if (report.summary.gate === 'fail') core.setFailed(`pullcheck: ${headline(report.summary)}`);
  } catch (error) {
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
}
