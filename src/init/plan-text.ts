// The short plan `pullcheck init` prints: what it found, what it did with each file, what to do next.
import type { CloudLogins } from './clouds.ts';
import { describeTarget } from './config-text.ts';
import type { InitPaths, Place, RepositoryScan } from './model.ts';
import { EDIT_MARKER } from './workflow-text.ts';
import { commentText } from './yaml-text.ts';

/** What happened (or, with --dry-run, would happen) to one file. */
export type FileOutcome = 'written' | 'overwritten' | 'exists' | 'would write' | 'would overwrite';

const OUTCOME: Record<FileOutcome, string> = {
  written: 'written',
  overwritten: 'overwritten (--force)',
  exists: 'exists, left alone (use --force to overwrite)',
  'would write': 'would be written (--dry-run)',
  'would overwrite': 'would be overwritten (--dry-run --force)',
};

export interface PlanInput {
  readonly repository: string;
  readonly scan: RepositoryScan;
  readonly logins: CloudLogins;
  readonly paths: InitPaths;
  readonly outcomes: Readonly<Record<string, FileOutcome>>;
}

export function planText(input: PlanInput): string {
  const { scan, paths, outcomes } = input;
  const written = Object.values(outcomes).some((o) => o !== 'exists');
  return [
    `pullcheck init: ${commentText(input.repository, 200)}`,
    ...foundLines(scan, paths),
    'files:',
    ...Object.entries(outcomes).map(([file, outcome]) => `  ${file}: ${OUTCOME[outcome]}`),
    ...(written ? nextSteps(input) : []),
    '',
  ].join('\n');
}

function foundLines(scan: RepositoryScan, paths: InitPaths): string[] {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const at = (from: Place) =>
    `${from.file}${from.line ? `:${from.line}` : ''}${from.via ? ` (${commentText(from.via, 120)})` : ''}`;
  if (scan.workflows.length === 0)
    return [
      'found: no workflow in .github/workflows/: nothing to discover yet. The files below check the images',
      '  and targets you add to the config (or the workflows you add later).',
    ];
  return [
    `found: ${count(scan.images.length, 'image')}, ${count(scan.targets.length, 'target')}, ${count(scan.findings.length, 'finding')} in ${count(scan.workflows.length, 'workflow')}`,
    ...scan.images.map((image) => `  image    ${image.reference}  ${at(image.from)}`),
    ...scan.targets.map((t) => `  target   ${t.name} (${describeTarget(t)})  ${at(t.from)}`),
    ...scan.manifests.map((folder) =>
      folder.appliedTo
        ? `  manifests ${folder.path} (${folder.kind}), applied to ${folder.appliedTo}`
        : `  manifests ${folder.path} (${folder.kind}), applied by no workflow: proposed, commented, in ${paths.config}`,
    ),
    ...scan.findings.map((finding) => `  finding  ${at(finding.from)}: ${commentText(finding.message, 300)}`),
  ];
}

function nextSteps({ logins, paths, scan }: PlanInput): string[] {
  const edits = [
    ...(logins.aws ? ['role-to-assume (the AWS role pullcheck reads with)'] : []),
    ...(logins.gcp ? ['workload_identity_provider and service_account (Google)'] : []),
    ...(logins.openshift ? ['openshift-server, and an OPENSHIFT_TOKEN secret'] : []),
  ];
  const steps = [
    ...(edits.length > 0
      ? [`edit ${paths.workflow} where it is marked ${EDIT_MARKER.replace(':', '')}: ${edits.join('; ')}`]
      : []),
    ...(edits.length > 0
      ? ['`pullcheck permissions` prints the read access that identity needs, and its OIDC trust policy']
      : []),
    ...(scan.findings.length > 0 ? [`read the findings above: ${paths.config} says what each needs`] : []),
    'commit both files and open a pull request: pullcheck checks it and comments',
  ];
  return ['next:', ...steps.map((step, i) => `  ${i + 1}. ${step}`)];
}
