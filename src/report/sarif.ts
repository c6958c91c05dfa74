// SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif and other SARIF viewers): each pull
// that is denied or undecided is a result at the lines that asked for it — the workload in a manifest or
// the target in the config — with the image's origin as a related location; findings follow with their
// severity. Allowed pulls are not results. Pure: report in, string out.
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Report } from '../core/report-model.ts';
import type { FindingSeverity, PullResult } from '../core/verdict.ts';
import { unknownReasons } from './labels.ts';
import { CI_RULES, ciResult } from './ci-sarif.ts';
import { location, pullRule } from './sarif-parts.ts';

const LEVEL: Record<FindingSeverity, Result.level> = { high: 'error', medium: 'warning', low: 'note' };

const PULL_RULES: readonly ReportingDescriptor[] = [
  pullRule(
    'pull-denied',
    'PullDenied',
    'A deploy target cannot pull an image the workflow pushes',
    'A grant is missing, or an explicit Deny blocks the pull: pods would fail with ErrImagePull. The message names each missing grant and its fix.',
    'error',
  ),
  pullRule(
    'pull-unknown',
    'PullUndecided',
    'Whether a deploy target can pull an image is unknown',
    'A fact needed to decide is missing; the message names it and how to supply it.',
    'warning',
  ),
];

export function renderSarif(report: Report): string {
  const findingKinds = [...new Set(report.findings.map((finding) => finding.kind))].sort();
  const rules: ReportingDescriptor[] = [
    ...PULL_RULES,
    ...(report.ci && report.ci.length > 0 ? CI_RULES : []),
    ...findingKinds.map((kind) => ({
      id: kind,
      shortDescription: { text: `pullcheck finding: ${kind}` },
    })),
  ];
  const results: Result[] = [
    ...report.results.filter((result) => result.verdict !== 'allowed').map(pullResult),
    ...(report.ci ?? []).filter((row) => row.verdict !== 'allowed').map(ciResult),
    ...report.findings.map((finding): Result => ({
      ruleId: finding.kind,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      ...(finding.file
        ? {
            locations: [
              location({
                file: finding.file,
                via: finding.kind,
                ...(finding.line ? { line: finding.line } : {}),
              }),
            ],
          }
        : {}),
    })),
  ];
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pullcheck', rules } },
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function pullResult(result: PullResult): Result {
  const missing = result.missing.map(
    (grant) =>
      `${grant.explicitDeny ? 'explicitly denied' : 'missing'} on the ${grant.side} side: ${grant.permissions.join(', ')}. Fix: ${grant.fix.text}`,
  );
  const why = result.verdict === 'denied' ? missing : unknownReasons(result);
  return {
    ruleId: result.verdict === 'denied' ? 'pull-denied' : 'pull-unknown',
    level: result.verdict === 'denied' ? 'error' : 'warning',
    message: {
      text: `${result.principal} ${result.verdict === 'denied' ? 'cannot pull' : 'may not be able to pull'} ${result.image} (target ${result.target}): ${why.join(' ')}`,
    },
    ...(result.source
      ? {
          locations: [location(result.source.target)],
          relatedLocations: [
            {
              id: 1,
              ...location(result.source.image),
              message: { text: `image from ${result.source.image.via}` },
            },
          ],
        }
      : {}),
    // The same pull keeps one alert across runs, whatever its wording or line.
    partialFingerprints: {
      'pullcheck/pull/v1': createHash('sha256')
        .update([result.image.replace(/[:@][^/]*$/, ''), result.target, result.principal].join('\n'))
        .digest('hex'),
    },
    properties: {
      verdict: result.verdict,
      image: result.image,
      target: result.target,
      principal: result.principal,
    },
  };
}

/** A run that could not check (a bad config): no results, the errors as tool execution notifications. */
export function renderSarifFailure(
  problems: readonly { readonly message: string; readonly file?: string; readonly line?: number }[],
): string {
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pullcheck', rules: [] } },
        invocations: [
          {
            executionSuccessful: false,
            toolExecutionNotifications: problems.map((problem) => ({
              level: 'error',
              message: { text: problem.message },
              ...(problem.file
                ? {
                    locations: [
                      {
                        physicalLocation: {
                          artifactLocation: { uri: problem.file },
                          ...(problem.line ? { region: { startLine: problem.line } } : {}),
                        },
                      },
                    ],
                  }
                : {}),
            })),
          },
        ],
        results: [],
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
