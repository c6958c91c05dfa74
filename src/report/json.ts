import type { Report } from '../core/report-model.ts';

/** SPEC §5 JSON report: exactly the report model, nothing else. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
