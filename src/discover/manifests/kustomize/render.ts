// Which Kustomize builds a discovery root: the real one when the machine has it (real-tool.ts), else the
// built-in renderer, which flags every feature it does not build exactly (exactness.ts). The built-in
// build always runs too: it is cheap, it tells which files the build owns, and its objects know where
// they were written, so an object the real binary rendered is placed at the file and line of the built-in
// object with the same group, kind, namespace and name — or at the kustomization file when none agrees.
//
// A real build that fails means `kubectl apply -k` fails on the user's runner too: a finding names the
// command to run to see why (its stderr is never quoted, see real-tool.ts), and the workloads still come
// from the built-in renderer with its own findings — checking images that may not deploy only adds checks,
// while dropping them would hide the images a fixed kustomization deploys.
import type { SourceLocation } from '../../../core/errors.ts';
import { shellWord } from '../helm.ts';
import { displayPath, readManifestText, type DiscoveryWarning, type KubeObject } from '../objects.ts';
import { idOf, namespaceOf } from './resource-id.ts';
import { builtInBuild, kustomizationFileIn, type BuiltIn, type Kustomized } from './index.ts';
import {
  buildArgs,
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_TIMEOUT_MS,
  findKustomizeTool,
  runKustomizeBuilds,
  type KustomizeSettings,
  type KustomizeTool,
  type ToolRun,
} from './real-tool.ts';

export const BUILT_IN = 'the built-in renderer';

interface RenderedKustomization extends Kustomized {
  /** Which renderer built the objects: a real tool's label, or BUILT_IN. */
  readonly renderer: string;
}

/** `dir` built by the real kustomize (or kubectl) on `settings.searchPath`, else by the built-in renderer. */
export function buildKustomization(
  dir: string,
  root: string,
  settings: KustomizeSettings,
): RenderedKustomization {
  return renderAll([{ dir, builtIn: builtInBuild(dir, root) }], settings)[0]!;
}

interface RootToRender {
  readonly dir: string;
  /** Its built-in build, already made: a caller that drops some roots builds them all first. */
  readonly builtIn: BuiltIn;
}

/** Each root's real build (all at once), placed by its built-in build; or the built-in build itself. */
export function renderAll(
  roots: readonly RootToRender[],
  settings: KustomizeSettings,
): RenderedKustomization[] {
  const tool = findKustomizeTool(settings);
  // A base outside the repository is not read by the built-in build; the real one would read it.
  const real = tool ? roots.filter(({ builtIn }) => !builtIn.leftRepository) : [];
  const runs = tool
    ? runKustomizeBuilds(
        tool,
        real.map(({ dir }) => dir),
        settings,
      )
    : [];
  return roots.map((root) => {
    const run = runs[real.indexOf(root)];
    return tool && run ? fromRun(root, tool, run, settings) : labelled(root.builtIn, BUILT_IN, []);
  });
}

function fromRun(
  { dir, builtIn }: RootToRender,
  tool: KustomizeTool,
  run: ToolRun,
  settings: KustomizeSettings,
): RenderedKustomization {
  const kustomization = displayPath(kustomizationFileIn(dir) ?? dir);
  if (!('stdout' in run)) {
    const failed = { file: kustomization, message: failureMessage(tool, dir, run, settings) };
    return labelled(builtIn, BUILT_IN, [failed]);
  }
  const rendered = readManifestText(run.stdout, kustomization);
  const objects = placed(rendered.objects, builtIn.objects, kustomization, tool.label);
  // A line of the rendered stream is no line of the kustomization: such a warning names the file only.
  const warnings = rendered.warnings.map(({ file, message }) => ({ file, message }));
  return { objects, warnings, files: builtIn.files, renderer: tool.label };
}

function labelled(build: Kustomized, renderer: string, first: DiscoveryWarning[]): RenderedKustomization {
  return {
    objects: build.objects.map((object) => ({ ...object, renderer })),
    warnings: [...first, ...build.warnings],
    files: build.files,
    renderer,
  };
}

function failureMessage(
  tool: KustomizeTool,
  dir: string,
  run: Exclude<ToolRun, { stdout: string }>,
  settings: KustomizeSettings,
): string {
  const command = [tool.command, ...buildArgs(tool, displayPath(dir) || '.')].map(shellWord).join(' ');
  const how =
    run.error === 'timeout'
      ? `did not finish in ${(settings.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s`
      : run.error === 'too-large'
        ? `wrote more than ${Math.round((settings.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES) / 1024 / 1024)} MiB`
        : `failed (${run.exitCode !== undefined ? `exit ${run.exitCode}` : run.signal !== undefined ? `ended by ${run.signal}` : 'no exit status'})`;
  return `${tool.label} ${how}: run \`${command}\` to see why; the workloads shown come from pullcheck's built-in renderer, which may differ`;
}

/** Group, kind, namespace and name: what identifies an object in the build whatever its version. */
function placeKey(body: KubeObject['body']): string {
  const id = idOf(body);
  return [id.group, id.kind, namespaceOf(id) ?? '', id.name].join('\0');
}

/**
 * Each rendered object, placed where the built-in object with its id was written (else the kustomization),
 * in the built-in build's order where they agree: kustomize sorts its output by kind, and a report should
 * not reorder itself with the machine it runs on. Objects only the real build has come last, in its order.
 */
function placed(
  rendered: readonly KubeObject[],
  builtIn: readonly KubeObject[],
  kustomization: string,
  renderer: string,
): KubeObject[] {
  const written = new Map<string, { object: KubeObject; index: number }>();
  builtIn.forEach((object, index) => {
    const key = placeKey(object.body);
    if (!written.has(key)) written.set(key, { object, index });
  });
  const atKustomization: SourceLocation = { file: kustomization, line: 1, column: 1 };
  const objects = rendered.map((object) => {
    const match = written.get(placeKey(object.body));
    if (!match) {
      const located = {
        file: kustomization,
        locate: () => atKustomization,
        locateKey: () => atKustomization,
      };
      return { object: { ...object, ...located, renderer }, index: Infinity };
    }
    const { file, locate, locateKey } = match.object;
    return { object: { ...object, file, locate, locateKey, renderer }, index: match.index };
  });
  // Array.prototype.sort is stable: the unmatched keep the real build's order.
  return objects
    .sort((a, b) => (a.index === b.index ? 0 : a.index < b.index ? -1 : 1))
    .map(({ object }) => object);
}
