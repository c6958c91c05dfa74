// The config `pullcheck init` writes: what discovery found, as comments (it is read again on every run),
// and as YAML only what discovery cannot see from the pullcheck workflow — the workflows to read, the
// values a finding asks for, proposals for manifest folders no workflow applies. Pure: scan in, text out.
import path from 'node:path';
import type { FoundTarget, ManifestFolder, Place, RepositoryScan } from './model.ts';
import { comments, yamlValue } from './yaml-text.ts';

/** A value a finding asks for under `discover.variables`: its path and the hint the finding gives. */
export interface NeededVariable {
  readonly path: string;
  readonly hint?: string;
  readonly from: Place;
}

/** The `discover.variables` entries the findings name (`add \`PATH[: HINT]\` under \`discover.variables\``). */
export function neededVariables(scan: RepositoryScan): NeededVariable[] {
  const needed = new Map<string, NeededVariable>();
  for (const finding of scan.findings) {
    const match = /`([^`\s:]+)(?::\s*([^`]+))?`\s+under\s+`discover\.variables`/.exec(finding.message);
    if (match && !needed.has(match[1]!))
      needed.set(match[1]!, { path: match[1]!, ...(match[2] ? { hint: match[2] } : {}), from: finding.from });
  }
  return [...needed.values()];
}

/** `configFile` is repository-relative: `discover.workflows` globs are relative to its folder. */
export function configText(scan: RepositoryScan, configFile: string): string {
  return [
    ...comments([
      "pullcheck's config for this repository, written by `pullcheck init`. pullcheck reads the workflows",
      "and manifests again on every run: this file holds only what it cannot see there. The README's",
      '"The config file" explains every key; `pullcheck schema` prints its JSON Schema.',
      '',
      ...foundLines(scan),
    ]),
    'version: 1',
    'discover:',
    ...workflowsBlock(scan, configFile),
    ...variablesBlock(scan),
    ...manifestsBlock(scan, configFile),
    '',
  ].join('\n');
}

function foundLines(scan: RepositoryScan): string[] {
  const at = (from: Place) =>
    `${from.file}${from.line ? `:${from.line}` : ''}${from.via ? ` (${from.via})` : ''}`;
  const applied = scan.manifests.filter((folder) => folder.appliedTo !== undefined);
  return [
    `Found by discovery (nothing to copy: it is read again on every run):`,
    `  images the workflows push (${scan.images.length}):`,
    ...scan.images.flatMap((image) => [`    - ${image.reference}`, `        ${at(image.from)}`]),
    `  targets the workflows deploy to (${scan.targets.length}):`,
    ...scan.targets.flatMap((target) => [
      `    - ${target.name}: ${describeTarget(target)}`,
      `        ${at(target.from)}`,
      ...target.images.map((image) => `        pulls ${image}`),
    ]),
    ...(applied.length > 0
      ? [
          '  manifests the workflows apply:',
          ...applied.map((f) => `    - ${f.path} (${f.kind}) -> ${f.appliedTo}`),
        ]
      : []),
    ...(scan.findings.length > 0
      ? [
          '',
          `What discovery could not see (${scan.findings.length}; each is reported on every run until it is resolved):`,
          ...scan.findings.map((finding) => `  - ${at(finding.from)}: ${finding.message}`),
        ]
      : []),
    '',
  ];
}

export function describeTarget(target: FoundTarget): string {
  const details = Object.entries(target.details).map(([key, value]) => `${key} ${value}`);
  return [target.platform, ...details].join(', ');
}

function workflowsBlock(scan: RepositoryScan, configFile: string): string[] {
  const folder = path.posix.dirname(configFile);
  const extensions = [...new Set(scan.workflows.map((file) => path.posix.extname(file)))].sort();
  const globs = extensions.map((ext) => path.posix.relative(folder, `.github/workflows/*${ext}`));
  return [
    ...comments(
      [
        'The workflows that push and deploy: in the pullcheck workflow, pullcheck reads only itself',
        'otherwise. Globs, relative to this file, so a new workflow is read too.',
      ],
      '  ',
    ),
    globs.length > 0 ? '  workflows:' : '  workflows: [] # no workflow yet: add them here when there are',
    ...globs.map((glob) => `    - ${yamlValue(glob)}`),
  ];
}

function variablesBlock(scan: RepositoryScan): string[] {
  const needed = neededVariables(scan);
  const known = scan.usesRepositoryName && scan.repository !== undefined;
  if (needed.length === 0 && !known) return [];
  return [
    ...comments(['Values the workflows take from outside the repository (never a secret).'], '  '),
    ...(known
      ? [
          '  variables:',
          `    github.repository: ${yamlValue(scan.repository!)} # from the checkout's GitHub remote`,
        ]
      : comments(['variables:'], '  ')),
    ...needed.flatMap((variable) =>
      comments(
        [
          `  ${variable.path}: ${yamlValue(variable.hint ?? '<VALUE>')} # asked for at ${variable.from.file}:${variable.from.line ?? 1}`,
        ],
        '  ',
        Infinity, // a line to uncomment stays whole
      ),
    ),
  ];
}

/** Folders no workflow applies, proposed as commented entries: which cluster runs them is the user's call. */
function manifestsBlock(scan: RepositoryScan, configFile: string): string[] {
  const unapplied = scan.manifests.filter((folder) => folder.appliedTo === undefined);
  if (unapplied.length === 0) return [];
  const clusters = scan.targets.filter((t) => ['eks', 'gke', 'openshift', 'kubernetes'].includes(t.platform));
  const target = clusters.length === 1 ? clusters[0]!.name : '<TARGET>';
  const folder = path.posix.dirname(configFile);
  return [
    ...comments(
      [
        'Manifest folders no workflow applies. To check what they run, uncomment an entry and name the',
        'cluster target that runs it (a target above, or one declared under `targets:`).',
        'manifests:',
        ...unapplied.flatMap((entry: ManifestFolder) => [
          `  - target: ${yamlValue(target)}`,
          `    paths: [${yamlValue(path.posix.relative(folder, entry.path))}] # ${entry.kind}`,
        ]),
      ],
      '  ',
      Infinity, // lines to uncomment stay whole
    ),
  ];
}
