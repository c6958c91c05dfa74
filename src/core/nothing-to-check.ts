// A check with no pulls must not pass silently: it becomes a finding that says what was looked at and how
// to add images and targets, in the words of the entry that ran (the CLI's flags or the action's inputs).
import { PLATFORMS } from './config/schema.ts';
import type { Report } from './report-model.ts';
import type { ReportFinding } from './verdict.ts';

export interface LookedAt {
  /** The config file read, or undefined when the action ran on its inputs alone. */
  readonly config: string | undefined;
  /** The workflow files discovery read. */
  readonly workflows: readonly string[];
  readonly entry: 'cli' | 'action';
}

// Every platform of the config contract, as its providers declare them.
const PLATFORM_LIST = `${PLATFORMS.slice(0, -1).join(', ')} or ${PLATFORMS.at(-1)}`;

/** The report with a `nothing-to-check` finding when it holds no pull; unchanged otherwise. */
export function withNothingToCheck(report: Report, looked: LookedAt): Report {
  if (report.results.length > 0) return report;
  return { ...report, findings: [...report.findings, nothingToCheck(report, looked)] };
}

function nothingToCheck(report: Report, looked: LookedAt): ReportFinding {
  const images = report.plan?.images.length ?? 0;
  const targets = report.plan?.targets.length ?? 0;
  const where = looked.config ? `the config ${looked.config}` : 'the action inputs (no config file)';
  const parts: string[] = [];
  if (images === 0) {
    const read =
      looked.workflows.length === 0
        ? 'no workflow was read'
        : `the workflows read (${list(looked.workflows)}) push none pullcheck could resolve`;
    const add =
      looked.entry === 'action'
        ? "list them in the `images` input or the config file's `images`, or name the workflows that push them in `discover.workflows`"
        : "list them in the config's `images`, pass `--workflow FILE`, or name the workflows that push them in `discover.workflows`";
    parts.push(`no images: ${where} lists none and ${read}; ${add}`);
  }
  if (targets === 0) {
    const add =
      looked.entry === 'action'
        ? "the `targets` input or the config file's `targets`"
        : "the config's `targets`";
    parts.push(
      `no targets: add who pulls the images to ${add} (platform ${PLATFORM_LIST}), or map manifests onto a declared target with \`discover.manifests\``,
    );
  }
  if (images > 0 && targets > 0) {
    parts.push(
      `no target's \`images\` selects any of the ${images} image${images === 1 ? '' : 's'}: check the targets' \`images\` lists against \`images\``,
    );
  }
  return {
    severity: 'medium',
    kind: 'nothing-to-check',
    ...(looked.config ? { file: looked.config } : {}),
    // With the CI path checked, only the pulls are missing: the deploy's last step is not proven.
    message: `${report.ci && report.ci.length > 0 ? 'no pulls to check, so whether the deploy can pull is not proven' : 'nothing to check, so nothing is proven'}: ${parts.join('; ')}`,
  };
}

function list(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}
