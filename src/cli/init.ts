// `pullcheck init`: reads the repository as discovery does, then writes a commented config holding only
// what discovery cannot see and a workflow that runs pullcheck on pull requests; prints a short plan.
// Nothing is written when a file exists (unless --force) or with --dry-run.
import { lstatSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isInside } from '../core/config/read-file.ts';
import { redactCredentials } from '../core/outgoing-text.ts';
import { quotedValue } from '../core/quoted-value.ts';
import { cloudLogins } from '../init/clouds.ts';
import { configText } from '../init/config-text.ts';
import type { InitPaths } from '../init/model.ts';
import { planText, type FileOutcome } from '../init/plan-text.ts';
import { scanRepository } from '../init/scan.ts';
import { workflowText } from '../init/workflow-text.ts';
import { UsageError, type CliCommand, type CliIo } from './command-kit.ts';

const USAGE = `usage: pullcheck init [--repo DIR] [--force] [--dry-run] [--config-out FILE] [--workflow-out FILE]

Reads the repository's workflows and manifests as pullcheck's discovery does, then writes a commented
config holding only what discovery cannot see, and a workflow that runs pullcheck on every pull request
(with the cloud logins and the permissions it needs). Prints what it found, what it wrote, what is next.

  --repo DIR           the repository to read (default .)
  --config-out FILE    the config to write, inside DIR (default .github/pullcheck.yml)
  --workflow-out FILE  the workflow to write, inside DIR (default .github/workflows/pullcheck.yml)
  --force              overwrite files that exist; without it nothing is written when one exists
  --dry-run            print the plan and both files; write nothing
  --help               print this help

exit status: 0 done, 2 bad input (a bad flag, a file that exists without --force, a repository that
cannot be read)`;

export const initCommand: CliCommand = {
  usage: USAGE,
  run: init,
};

function init(args: readonly string[], io: CliIo): number {
  const { values } = parseArgs({
    args: [...args],
    options: {
      repo: { type: 'string', default: '.' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'config-out': { type: 'string', default: '.github/pullcheck.yml' },
      'workflow-out': { type: 'string', default: '.github/workflows/pullcheck.yml' },
    },
    strict: true,
    allowPositionals: false,
  });
  const root = readableRepository(values.repo);
  const paths: InitPaths = {
    config: insideRepository(root, values['config-out'], '--config-out'),
    workflow: insideRepository(root, values['workflow-out'], '--workflow-out'),
  };
  if (paths.config === paths.workflow)
    throw new UsageError('--config-out and --workflow-out name the same file', USAGE);

  const { scan, logins, files } = generate(root, paths);
  // Every target is looked at before anything is written: one that exists stops them all.
  const existing = Object.keys(files).filter((file) => exists(path.join(root, file)));
  const outcome = (file: string): FileOutcome => {
    const there = existing.includes(file);
    if (values['dry-run'])
      return there && !values.force ? 'exists' : there ? 'would overwrite' : 'would write';
    return there ? (values.force ? 'overwritten' : 'exists') : 'written';
  };
  const outcomes = Object.fromEntries(Object.keys(files).map((file) => [file, outcome(file)]));
  const plan = (shown: Record<string, FileOutcome>) =>
    planText({ repository: values.repo, scan, logins, paths, outcomes: shown });

  if (existing.length > 0 && !values.force) {
    io.stdout(plan(outcomes));
    io.stderr(
      `pullcheck: ${existing.join(' and ')} already ${existing.length === 1 ? 'exists' : 'exist'}: nothing written (use --force to overwrite)\n`,
    );
    return 2;
  }
  if (values['dry-run']) {
    io.stdout(plan(outcomes));
    for (const [file, text] of Object.entries(files)) io.stdout(`\n--- ${file}\n${text}`);
    return 0;
  }
  const failed = writeAll(root, files);
  if (failed) {
    io.stderr(`pullcheck: ${failed}\n`);
    return 2;
  }
  io.stdout(plan(outcomes));
  return 0;
}

/** What the repository shows, and the two files' text from it. */
function generate(root: string, paths: InitPaths) {
  const scan = scanRepository(root, { skip: [paths.workflow] });
  const logins = cloudLogins(scan);
  const workflow = { logins, config: paths.config, defaultBranch: scan.defaultBranch, sarif: true };
  // The files leave the process like its output: a credential written into a URL or an image reference in a
  // workflow (quoted by a finding in the config's comments) is cut out the same way.
  const files: Record<string, string> = {
    [paths.config]: redactCredentials(configText(scan, paths.config)),
    [paths.workflow]: redactCredentials(workflowText(workflow)),
  };
  return { scan, logins, files };
}

/** The repository's real path; a missing path, a file or an unreadable folder is a usage error. */
function readableRepository(repo: string): string {
  const shown = quotedValue(repo);
  let real: string;
  try {
    real = realpathSync(repo);
    if (!statSync(real).isDirectory()) throw new UsageError(`--repo ${shown} is not a directory`, USAGE);
    readdirSync(real);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
    throw new UsageError(`--repo ${shown} ${why}`, USAGE);
  }
  return real;
}

/** `file` as a repository-relative posix path; one outside the repository is a usage error. */
function insideRepository(root: string, file: string, flag: string): string {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    throw new UsageError(`${flag} ${quotedValue(file)} is not a file inside the repository`, USAGE);
  return relative.split(path.sep).join('/');
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the files, once every one has been checked: a folder that leads out of the repository or a symbolic
 * link is not written through, and then nothing is written.
 */
function writeAll(root: string, files: Readonly<Record<string, string>>): string | undefined {
  for (const file of Object.keys(files)) {
    const absolute = path.join(root, file);
    // A `.github` that is a link out of the repository is not followed, not even to make a folder.
    if (!isInside(realpathSync(nearestExisting(path.dirname(absolute))), root))
      return `${file}: its folder leads outside the repository: nothing written`;
    if (exists(absolute) && lstatSync(absolute).isSymbolicLink())
      return `${file} is a symbolic link: nothing written`;
  }
  for (const [file, text] of Object.entries(files)) {
    try {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    } catch (error) {
      return `cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
  }
  return undefined;
}

function nearestExisting(folder: string): string {
  return exists(folder) || path.dirname(folder) === folder ? folder : nearestExisting(path.dirname(folder));
}
