import type { Report } from '../core/report-model.ts';

/**
 * Past this many results the report is written one result per line, without indentation: pretty-printed,
 * 100,000 pulls made a 126 MB file, half of it spaces, held as one string before it was written.
 */
export const ONE_LINE_PER_RESULT = 1000;
const RESULTS_PER_CHUNK = 500;

/** SPEC §5 JSON report: exactly the report model, nothing else. */
export function renderJson(report: Report): string {
  return [...jsonReportChunks(report)].join('');
}

/**
 * The JSON report in pieces that join to one JSON document, for writing as it is serialised. A small report
 * is one piece, pretty-printed; a large one has the results one per line. Every piece but the first starts
 * a new line, so text filters that work line by line (outgoing-text.ts) can run on each piece.
 */
export function* jsonReportChunks(report: Report): Generator<string> {
  if (report.results.length <= ONE_LINE_PER_RESULT) {
    yield `${JSON.stringify(report, null, 2)}\n`;
    return;
  }
  // The report's own key order; the results list is the one that grows with the pulls.
  const { results, ...rest } = report;
  const keys = Object.keys(report);
  const before = keys.slice(0, keys.indexOf('results'));
  const after = keys.slice(keys.indexOf('results') + 1);
  const members = (names: string[]) =>
    names.flatMap((name) => {
      const value = JSON.stringify(rest[name as keyof typeof rest]);
      return value === undefined ? [] : [`${JSON.stringify(name)}:${value}`];
    });
  yield `{${[...members(before), '"results":['].join(',')}`;
  for (let start = 0; start < results.length; start += RESULTS_PER_CHUNK) {
    const lines = results
      .slice(start, start + RESULTS_PER_CHUNK)
      .map((result, i) => `\n${JSON.stringify(result)}${start + i === results.length - 1 ? '' : ','}`);
    yield lines.join('');
  }
  yield `\n]${members(after)
    .map((member) => `,${member}`)
    .join('')}}\n`;
}
