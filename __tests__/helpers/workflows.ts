// Workflow discovery over files held in memory: what the reader collects, before and after the
// destinations are finalised.
import { fromCollected, type WorkflowDiscovery } from '../../src/discover/workflows/index.ts';
import { repositoryFromFiles } from '../../src/discover/workflows/repository.ts';
import { shown } from '../../src/discover/workflows/text.ts';
import { readWorkflow } from '../../src/discover/workflows/workflow-reader.ts';

export interface Files {
  readonly [path: string]: string;
}

export const ENTRY = '.github/workflows/release.yml';

export interface Options {
  readonly runner?: Record<string, string>;
  readonly variables?: Record<string, string>;
  readonly entry?: string;
}

export function collect(files: Files, options: Options = {}) {
  return readWorkflow(options.entry ?? ENTRY, {
    repository: repositoryFromFiles(files),
    runner: options.runner ?? {},
    variables: options.variables ?? {},
  });
}

export function discoverFiles(files: Files, options: Options = {}): WorkflowDiscovery {
  return fromCollected(collect(files, options));
}

/** The workflow alone, at ENTRY. */
export function discoverWorkflow(workflow: string, options: Options = {}): WorkflowDiscovery {
  return discoverFiles({ [options.entry ?? ENTRY]: workflow }, options);
}

/** Every destination as written after substitution (holes as `<need>`), with the tool that pushes it. */
export function pushes(files: Files, options: Options = {}): { image: string; via: string }[] {
  return collect(files, options).destinations.map((destination) => ({
    image: shown(destination.text).trim(),
    via: destination.via,
  }));
}

/** A script as the only step of a job. */
export function scriptPushes(script: string, options: Options = {}): { image: string; via: string }[] {
  return pushes({ [ENTRY]: runWorkflow(script) }, options);
}

export function runWorkflow(script: string): string {
  const body = script
    .split('\n')
    .map((line) => `          ${line}`)
    .join('\n');
  return `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${body}\n`;
}

export const references = (discovery: WorkflowDiscovery) => discovery.images.map((image) => image.reference);
