// What the step leaves behind: the JSON report file, the step outputs, and annotations on the config
// entries whose pulls are denied or undecided.
import os from 'node:os';
import path from 'node:path';
import type * as Core from './toolkit.ts';
import { redactCredentials } from '../core/outgoing-text.ts';
import type { Report } from '../core/report-model.ts';
import { writeChunks } from '../report/write-file.ts';

type ActionsCore = Pick<typeof Core, 'setOutput' | 'error' | 'warning'>;

const MAX_ANNOTATIONS = 50;

/**
 * Writes a rendering of the report under RUNNER_TEMP (`pullcheck-report.json`, `.sarif`), given whole or in
 * pieces (json.ts's jsonReportChunks); returns its path.
 */
export function writeReportFile(
  name: string,
  content: string | Iterable<string>,
  runnerTemp: string | undefined,
): string {
  const file = path.join(runnerTemp || os.tmpdir(), name);
  writeChunks(file, typeof content === 'string' ? [content] : content, redactCredentials);
  return file;
}

export function setReportOutputs(
  core: ActionsCore,
  report: Report,
  files: { readonly json: string; readonly sarif: string },
): void {
  core.setOutput('gate', report.summary.gate);
  core.setOutput('allowed', report.summary.allowed);
  core.setOutput('denied', report.summary.denied);
  core.setOutput('unknown', report.summary.unknown);
  core.setOutput('report-file', files.json);
  core.setOutput('sarif-file', files.sarif);
}

/** One annotation per denied (error) or unknown (warning) pull, where its target was written; findings too. */
export function annotate(core: ActionsCore, report: Report, workspace?: string): void {
  const notable = report.results.filter((result) => result.verdict !== 'allowed').slice(0, MAX_ANNOTATIONS);
  for (const result of notable) {
    // At the lines that ask for this pull: the target in the config, or the workload in a manifest.
    const where = result.source?.target;
    const properties = where
      ? { file: repositoryPath(where.file, workspace), ...(where.line ? { startLine: where.line } : {}) }
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
      ...(finding.file ? { file: repositoryPath(finding.file, workspace) } : {}),
      ...(finding.line ? { startLine: finding.line } : {}),
    });
  }
}

/** Annotations and SARIF take paths relative to the repository root. */
export function repositoryPath(file: string, workspace: string | undefined): string {
  return workspace && path.isAbsolute(file) ? path.relative(workspace, file) : file;
}
