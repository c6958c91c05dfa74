// What the step leaves behind: the JSON report file, the step outputs, and annotations on the config
// entries whose pulls are denied or undecided.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Core from '@actions/core';
import type { LoadedConfig } from '../core/config/load.ts';
import type { Report } from '../core/report-model.ts';

type ActionsCore = Pick<typeof Core, 'setOutput' | 'error' | 'warning'>;

const MAX_ANNOTATIONS = 50;

export function writeReportFile(json: string, runnerTemp: string | undefined): string {
  const file = path.join(runnerTemp || os.tmpdir(), 'pullcheck-report.json');
  writeFileSync(file, json);
  return file;
}

export function setReportOutputs(core: ActionsCore, report: Report, reportFile: string): void {
  core.setOutput('gate', report.summary.gate);
  core.setOutput('allowed', report.summary.allowed);
  core.setOutput('denied', report.summary.denied);
  core.setOutput('unknown', report.summary.unknown);
  core.setOutput('report-file', reportFile);
}

/** One annotation per denied (error) or unknown (warning) pull, at its target in the config; findings too. */
export function annotate(core: ActionsCore, config: LoadedConfig, report: Report, workspace?: string): void {
  // Annotations take paths relative to the repository root.
  const repositoryPath = (file: string) =>
    workspace && path.isAbsolute(file) ? path.relative(workspace, file) : file;
  const targetIndex = new Map((config.input.targets ?? []).map((target, i) => [target.name, i]));
  const notable = report.results.filter((result) => result.verdict !== 'allowed').slice(0, MAX_ANNOTATIONS);
  for (const result of notable) {
    const index = targetIndex.get(result.target);
    const where = index === undefined ? undefined : config.locate(['targets', index]);
    const properties = where
      ? { file: repositoryPath(where.file), startLine: where.line, startColumn: where.column }
      : {};
    if (result.verdict === 'denied') {
      const missing = result.missing
        .map((grant) => `${grant.side}: ${grant.permissions.join(', ')}`)
        .join('; ');
      core.error(`${result.principal} cannot pull ${result.image} (missing ${missing})`, {
        ...properties,
        title: 'pullcheck: pull denied',
      });
    } else {
      core.warning(
        `whether ${result.principal} can pull ${result.image} is unknown: ${result.reasons.at(-1) ?? ''}`,
        {
          ...properties,
          title: 'pullcheck: pull undecided',
        },
      );
    }
  }
  for (const finding of report.findings.filter((f) => f.severity !== 'low')) {
    core.warning(finding.message, {
      title: `pullcheck: ${finding.kind}`,
      ...(finding.file ? { file: repositoryPath(finding.file) } : {}),
      ...(finding.line ? { startLine: finding.line } : {}),
    });
  }
}
