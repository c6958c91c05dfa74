// The manifests of one `discover.manifests` entry: its globs match files and directories; a directory
// (or file) that is a Kustomize root is built, a Helm chart is rendered, and every other YAML file is
// read as it is. Files a build or chart owns are not read again on their own, a chart inside another
// chart (a subchart under charts/) is rendered by its parent only, and each warning is reported once.
// Globs and reads stay inside the repository (core/config/user-glob.ts, read-file.ts).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { displayPath, readUserFile, repositoryRootOf, shownPath } from '../../core/config/read-file.ts';
import { globInRepository } from '../../core/config/user-glob.ts';
import type { SourceLocation } from '../../core/errors.ts';
import { renderHelmChart, type HelmOptions, type HelmRunner } from './helm.ts';
import { builtInBuild, KUSTOMIZATION_FILES, kustomizationFileIn } from './kustomize/index.ts';
import { settingsFromEnvironment, type KustomizeSettings } from './kustomize/real-tool.ts';
import { renderAll } from './kustomize/render.ts';
import { readManifestText, type DiscoveryWarning, type KubeObject, type ReadObjects } from './objects.ts';

export interface ManifestPattern {
  readonly pattern: string;
  /** Where the pattern was written, for "matches nothing". */
  readonly where: SourceLocation;
}

export interface ReadOptions {
  /** Directory the patterns are relative to (the config's). */
  readonly baseDir: string;
  /** The repository root (a real path); by default the one holding baseDir (repositoryRootOf). */
  readonly root?: string;
  readonly helm: HelmOptions;
  readonly helmRunner?: HelmRunner;
  /** What the patterns are relative to, in "matches nothing" (default: the config file). */
  readonly relativeTo?: string;
  /** Where the real kustomize (or kubectl) is looked for; by default this process's PATH. */
  readonly kustomize?: KustomizeSettings;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** What the patterns matched, sorted by how each is read. */
interface Sources {
  readonly kustomizeRoots: Set<string>;
  /** Kustomize roots a pattern without glob characters names itself (the directory or its kustomization file). */
  readonly namedRoots: Set<string>;
  readonly chartRoots: Set<string>;
  /** Each YAML file to read as it is, with the pattern line that found it. */
  readonly plainFiles: Map<string, SourceLocation>;
}

/** What the sources read so far: their objects, and the warnings of matching and reading them. */
interface Read {
  readonly objects: KubeObject[];
  readonly warnings: DiscoveryWarning[];
}

export function readManifestPatterns(
  patterns: readonly ManifestPattern[],
  options: ReadOptions,
): ReadObjects & { readonly kustomizeFiles: ReadonlySet<string> } {
  const read: Read = { objects: [], warnings: [] };
  const root = options.root ?? repositoryRootOf(options.baseDir);
  const sources = matchPatterns(patterns, options, root, read.warnings);
  const owned = readKustomizeBuilds(sources, root, read, options.kustomize ?? settingsFromEnvironment());
  // A chart inside another matched chart (charts/sub) is a subchart: its parent renders it with the
  // parent's values; rendered on its own it would be a second release with the subchart's defaults.
  const { chartRoots } = sources;
  const charts = [...chartRoots].filter((chart) => ![...chartRoots].some((other) => isInside(chart, other)));
  for (const chart of charts.sort()) {
    const rendered = renderHelmChart(chart, options.helm, options.helmRunner, root);
    read.objects.push(...rendered.objects);
    read.warnings.push(...rendered.warnings);
  }
  const roots = [...sources.kustomizeRoots, ...chartRoots];
  for (const [file, where] of [...sources.plainFiles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (owned.has(file) || roots.some((owner) => isInside(file, owner))) continue;
    // Named by the config: a file it may not read (too large, not regular) is an error at the pattern's line.
    const text = readUserFile(file, where, `${shownPath(displayPath(file))} (%CODE%)`, root);
    const plain = readManifestText(text, displayPath(file));
    read.objects.push(...plain.objects);
    read.warnings.push(...plain.warnings);
  }
  return { objects: read.objects, warnings: uniqueWarnings(read.warnings), kustomizeFiles: owned };
}

/** Each pattern's matches sorted into Kustomize roots, charts and plain files; a pattern matching nothing warns. */
function matchPatterns(
  patterns: readonly ManifestPattern[],
  { baseDir, relativeTo = 'the config file' }: ReadOptions,
  root: string,
  warnings: DiscoveryWarning[],
): Sources {
  const sources: Sources = {
    kustomizeRoots: new Set(),
    namedRoots: new Set(),
    chartRoots: new Set(),
    plainFiles: new Map(),
  };
  const { kustomizeRoots, chartRoots, plainFiles } = sources;
  for (const { pattern, where } of patterns) {
    const glob = { where, cwd: baseDir, root, dot: true } as const;
    const matches = globInRepository({ ...glob, pattern, onlyFiles: false });
    if (matches.length === 0) {
      warnings.push({
        file: where.file,
        line: where.line,
        message: `${shownPath(pattern)} matches no file or directory (paths are relative to ${relativeTo})`,
      });
    }
    for (const match of matches) {
      const name = path.basename(match);
      if ((KUSTOMIZATION_FILES as readonly string[]).includes(name)) kustomizeRoots.add(path.dirname(match));
      else if (name === 'Chart.yaml') chartRoots.add(path.dirname(match));
      else if (isDirectory(match)) {
        // Everything below a matched folder, under the same bounds as the pattern that matched it.
        const below = () =>
          globInRepository({ ...glob, cwd: match, pattern: '**/*', onlyFiles: true, dot: false });
        for (const file of classifyDirectory(match, below, kustomizeRoots, chartRoots))
          if (!plainFiles.has(file)) plainFiles.set(file, where);
      }
      // A README or an image in a deploy folder is not a manifest: only YAML and JSON files are read.
      else if (MANIFEST_FILE.test(name) && !plainFiles.has(match)) plainFiles.set(match, where);
    }
    const named = matches.length > 0 ? namedRoot(pattern, baseDir) : undefined;
    if (named !== undefined) sources.namedRoots.add(named);
  }
  return sources;
}

/** Builds each Kustomize root into `read`; returns the files the builds read, which are not read again. */
function readKustomizeBuilds(
  sources: Sources,
  root: string,
  read: Read,
  settings: KustomizeSettings,
): Set<string> {
  const owned = new Set<string>();
  const builds = [...sources.kustomizeRoots].sort().map((dir) => ({
    root: dir,
    kustomization: kustomizationFileIn(dir) ?? '',
    // The built-in build of every root first (it says which files each reads); the real one only below.
    build: builtInBuild(dir, root),
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
  // Read by itself and by another build, and found by a glob or inside a directory rather than named.
  const kept = builds.filter(
    ({ root: dir, kustomization }) => (readBy.get(kustomization) ?? 0) <= 1 || sources.namedRoots.has(dir),
  );
  for (const rendered of renderAll(
    kept.map(({ root: dir, build }) => ({ dir, builtIn: build })),
    settings,
  )) {
    read.objects.push(...rendered.objects);
    read.warnings.push(...rendered.warnings);
  }
  return owned;
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

/**
 * A directory: a Kustomize root, a chart, or a tree whose nested roots are noted and whose YAML files are
 * returned, to be read as they are.
 */
function classifyDirectory(
  directory: string,
  filesBelow: () => readonly string[],
  kustomizeRoots: Set<string>,
  chartRoots: Set<string>,
): string[] {
  if (kustomizationFileIn(directory)) {
    kustomizeRoots.add(directory);
    return [];
  }
  if (existsSync(path.join(directory, 'Chart.yaml'))) {
    chartRoots.add(directory);
    return [];
  }
  const plainFiles: string[] = [];
  for (const file of filesBelow()) {
    const name = path.basename(file);
    if ((KUSTOMIZATION_FILES as readonly string[]).includes(name)) kustomizeRoots.add(path.dirname(file));
    else if (name === 'Chart.yaml') chartRoots.add(path.dirname(file));
    else if (MANIFEST_FILE.test(name)) plainFiles.push(file);
  }
  return plainFiles;
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
