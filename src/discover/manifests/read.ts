// The manifests of one `discover.manifests` entry: its globs match files and directories; a directory
// (or file) that is a Kustomize root is built, a Helm chart is rendered, and every other YAML file is
// read as it is. Files a build or chart owns are not read again on their own, a chart inside another
// chart (a subchart under charts/) is rendered by its parent only, and each warning is reported once.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { SourceLocation } from '../../core/errors.ts';
import { renderHelmChart, type HelmOptions, type HelmRunner } from './helm.ts';
import { KUSTOMIZATION_FILES, kustomizationFileIn, renderKustomization } from './kustomize/index.ts';
import { readManifestFile, type DiscoveryWarning, type KubeObject, type ReadObjects } from './objects.ts';

export interface ManifestPattern {
  readonly pattern: string;
  /** Where the pattern was written, for "matches nothing". */
  readonly where: SourceLocation;
}

export interface ReadOptions {
  /** Directory the patterns are relative to (the config's). */
  readonly baseDir: string;
  readonly helm: HelmOptions;
  readonly helmRunner?: HelmRunner;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export function readManifestPatterns(
  patterns: readonly ManifestPattern[],
  options: ReadOptions,
): ReadObjects {
  const warnings: DiscoveryWarning[] = [];
  const kustomizeRoots = new Set<string>();
  /** Kustomize roots a pattern without glob characters names itself (the directory or its kustomization file). */
  const namedRoots = new Set<string>();
  const chartRoots = new Set<string>();
  const plainFiles = new Set<string>();
  for (const { pattern, where } of patterns) {
    const matches = globSync(pattern, { cwd: options.baseDir, absolute: true, onlyFiles: false, dot: true });
    if (matches.length === 0) {
      warnings.push({
        file: where.file,
        line: where.line,
        message: `${pattern} matches no file or directory (paths are relative to the config file)`,
      });
    }
    for (const match of matches.map((entry) => entry.replace(/[\\/]+$/, '')).sort()) {
      const name = path.basename(match);
      if ((KUSTOMIZATION_FILES as readonly string[]).includes(name)) kustomizeRoots.add(path.dirname(match));
      else if (name === 'Chart.yaml') chartRoots.add(path.dirname(match));
      else if (isDirectory(match)) classifyDirectory(match, kustomizeRoots, chartRoots, plainFiles);
      // A README or an image in a deploy folder is not a manifest: only YAML and JSON files are read.
      else if (MANIFEST_FILE.test(name)) plainFiles.add(match);
    }
    const named = matches.length > 0 ? namedRoot(pattern, options.baseDir) : undefined;
    if (named !== undefined) namedRoots.add(named);
  }

  const objects: KubeObject[] = [];
  const owned = new Set<string>();
  const builds = [...kustomizeRoots].sort().map((root) => ({
    root,
    kustomization: kustomizationFileIn(root) ?? '',
    build: renderKustomization(root),
  }));
  // Which kustomization files each build read: a base that a matched overlay builds is not built again on
  // its own (its namespace would differ), unless a pattern names it: then it is a deploy of its own.
  const readBy = new Map<string, number>();
  for (const { build } of builds) {
    for (const file of build.files) {
      owned.add(file);
      readBy.set(file, (readBy.get(file) ?? 0) + 1);
    }
  }
  for (const { root, kustomization, build } of builds) {
    // Read by itself and by another build, and found by a glob or inside a directory rather than named.
    if ((readBy.get(kustomization) ?? 0) > 1 && !namedRoots.has(root)) continue;
    objects.push(...build.objects);
    warnings.push(...build.warnings);
  }
  // A chart inside another matched chart (charts/sub) is a subchart: its parent renders it with the
  // parent's values; rendered on its own it would be a second release with the subchart's defaults.
  const charts = [...chartRoots].filter((chart) => ![...chartRoots].some((other) => isInside(chart, other)));
  for (const chart of charts.sort()) {
    const rendered = renderHelmChart(chart, options.helm, options.helmRunner);
    objects.push(...rendered.objects);
    warnings.push(...rendered.warnings);
  }
  const roots = [...kustomizeRoots, ...chartRoots];
  for (const file of [...plainFiles].sort()) {
    if (owned.has(file) || roots.some((root) => isInside(file, root))) continue;
    const read = readManifestFile(file);
    objects.push(...read.objects);
    warnings.push(...read.warnings);
  }
  return { objects, warnings: uniqueWarnings(warnings) };
}

/** Each warning once, where it was first made: every build has its own log, so a base that two overlays
 * build would otherwise warn once per overlay. */
function uniqueWarnings(warnings: readonly DiscoveryWarning[]): DiscoveryWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.file}\0${warning.line ?? ''}\0${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The Kustomize root a pattern without glob characters names: the directory itself or its kustomization
 * file. (Globbing such a directory also lists everything under it, so roots below it are found, not named.)
 */
function namedRoot(pattern: string, baseDir: string): string | undefined {
  if (isDynamicPattern(pattern)) return undefined;
  const target = path.resolve(baseDir, pattern);
  if ((KUSTOMIZATION_FILES as readonly string[]).includes(path.basename(target)) && existsSync(target)) {
    return path.dirname(target);
  }
  return isDirectory(target) && kustomizationFileIn(target) ? target : undefined;
}

/** A directory: a Kustomize root, a chart, or a tree whose YAML files (and nested roots) are read. */
function classifyDirectory(
  directory: string,
  kustomizeRoots: Set<string>,
  chartRoots: Set<string>,
  plainFiles: Set<string>,
): void {
  if (kustomizationFileIn(directory)) {
    kustomizeRoots.add(directory);
    return;
  }
  if (existsSync(path.join(directory, 'Chart.yaml'))) {
    chartRoots.add(directory);
    return;
  }
  for (const file of globSync('**/*', { cwd: directory, absolute: true, onlyFiles: true, dot: false })) {
    const name = path.basename(file);
    if ((KUSTOMIZATION_FILES as readonly string[]).includes(name)) kustomizeRoots.add(path.dirname(file));
    else if (name === 'Chart.yaml') chartRoots.add(path.dirname(file));
    else if (MANIFEST_FILE.test(name)) plainFiles.add(file);
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
