// The image destinations a GitHub Actions workflow pushes: docker/build-push-action `tags` (when it
// pushes), docker/metadata-action `images`, and `docker|podman|buildah push`, `skopeo copy … docker://`,
// `crane push`, `gcloud builds submit --tag` in `run:` scripts. `${{ env.X }}` resolves from the workflow,
// job and step `env:` blocks and the process environment, `${{ matrix.X }}` from the job's matrix lists;
// anything else is reported as undiscovered, with its place — never dropped, never guessed.
import { parseYamlSource, type ConfigPath } from '../core/config/yaml-source.ts';
import type { SourceLocation } from '../core/errors.ts';

export interface DiscoveredImage {
  readonly reference: string;
  readonly where: SourceLocation;
  /** What wrote it: `docker/build-push-action tags`, `docker push`, … */
  readonly via: string;
}

export interface UndiscoveredImage {
  readonly text: string;
  readonly where: SourceLocation;
  readonly reason: string;
}

export interface WorkflowDestinations {
  readonly images: readonly DiscoveredImage[];
  readonly undiscovered: readonly UndiscoveredImage[];
}

type Env = Readonly<Record<string, string>>;
type Matrix = Readonly<Record<string, readonly string[]>>;

export function workflowDestinations(text: string, file: string, processEnv: Env = {}): WorkflowDestinations {
  const source = parseYamlSource(text, file);
  const workflow = record(source.takeValue());
  const images: DiscoveredImage[] = [];
  const undiscovered: UndiscoveredImage[] = [];
  const workflowEnv = { ...processEnv, ...strings(workflow['env']) };
  for (const [jobId, jobValue] of Object.entries(record(workflow['jobs']))) {
    const job = record(jobValue);
    const jobEnv = { ...workflowEnv, ...strings(job['env']) };
    const matrix = matrixOf(record(job['strategy'])['matrix']);
    const steps: unknown[] = Array.isArray(job['steps']) ? job['steps'] : [];
    // `tags: ${{ steps.meta.outputs.tags }}` names the images of that metadata-action step, read there.
    const metadataSteps = new Set(
      steps.flatMap((step) => {
        const { id, uses } = record(step);
        return typeof id === 'string' && typeof uses === 'string' && /^docker\/metadata-action@/.test(uses)
          ? [id]
          : [];
      }),
    );
    const fromMetadata = (tag: string) =>
      [...tag.matchAll(/\$\{\{\s*steps\.([\w-]+)\.outputs\./g)].some((match) => metadataSteps.has(match[1]!));
    steps.forEach((stepValue, s) => {
      const step = record(stepValue);
      const at = (...rest: ConfigPath) => source.locate(['jobs', jobId, 'steps', s, ...rest]);
      const env = { ...jobEnv, ...strings(step['env']) };
      const add = (raw: string, where: SourceLocation, via: string) => {
        for (const expanded of expand(withoutUnknownTag(raw.trim()), env, matrix)) {
          if ('unresolved' in expanded)
            undiscovered.push({ text: asWritten(raw.trim()), where, reason: expanded.unresolved });
          else if (expanded.value) images.push({ reference: expanded.value, where, via });
        }
      };
      const uses = typeof step['uses'] === 'string' ? step['uses'] : '';
      const withInputs = record(step['with']);
      if (/^docker\/build-push-action@/.test(uses) && pushes(withInputs['push'])) {
        for (const tag of list(withInputs['tags'])) {
          if (!fromMetadata(tag)) add(tag, at('with', 'tags'), 'docker/build-push-action tags');
        }
      }
      if (/^docker\/metadata-action@/.test(uses)) {
        // Each line may carry options after a comma (name=…,enable=…): the first field is the image.
        for (const line of lines(withInputs['images'])) {
          const image = /^name=/.test(line) ? line.split(',')[0]!.slice('name='.length) : line.split(',')[0]!;
          add(image, at('with', 'images'), 'docker/metadata-action images');
        }
      }
      if (typeof step['run'] === 'string') {
        for (const command of scriptDestinations(step['run'])) add(command.image, at('run'), command.via);
      }
    });
  }
  return { images: dedupe(images), undiscovered };
}

/** `push:` of build-push-action: false by default; an expression may be true, so it counts. */
function pushes(value: unknown): boolean {
  if (value === true || value === 'true') return true;
  return typeof value === 'string' && value.includes('${{');
}

const SCRIPT_PATTERNS: readonly { readonly via: string; readonly pattern: RegExp }[] = [
  {
    via: 'docker push',
    pattern: /(?:^|[\s;&|(])docker\s+(?:image\s+)?push\s+(?:-[-\w=]+\s+)*(\S+)/g,
  },
  // `podman push IMAGE [DESTINATION]`: the destination, when given, is where it goes.
  {
    via: 'podman push',
    pattern:
      /(?:^|[\s;&|(])podman\s+(?:image\s+)?push\s+(?:-[-\w=]+\s+)*(?:\S+[ \t]+(?![-;&|])([^\s;&|]+)|(\S+))/g,
  },
  {
    via: 'buildah push',
    pattern: /(?:^|[\s;&|(])buildah\s+push\s+(?:-[-\w=]+\s+)*\S+\s+(?:docker:\/\/)?(\S+)/g,
  },
  { via: 'skopeo copy', pattern: /(?:^|[\s;&|(])skopeo\s+copy\s+(?:-[-\w=]+\s+)*\S+\s+docker:\/\/(\S+)/g },
  { via: 'crane push', pattern: /(?:^|[\s;&|(])crane\s+push\s+\S+\s+(\S+)/g },
  { via: 'gcloud builds submit --tag', pattern: /gcloud\s+builds\s+submit\b[^\n]*?\s--tag(?:=|\s+)(\S+)/g },
];

/** Destinations in a shell script; backslash continuations join lines first. */
export function scriptDestinations(script: string): { image: string; via: string }[] {
  // Expressions lose their inner spaces so one stays one shell word.
  const joined = script.replace(/\\\r?\n\s*/g, ' ').replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, '${{$1}}');
  const found: { image: string; via: string }[] = [];
  for (const { via, pattern } of SCRIPT_PATTERNS) {
    for (const match of joined.matchAll(pattern))
      found.push({ image: unquote((match[1] ?? match[2])!), via });
  }
  return found;
}

const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}|\$\{(\w+)\}|\$(\w+)/g;

/** Every value of `text` after substituting what can be known; one entry per matrix value. */
function expand(text: string, env: Env, matrix: Matrix): ({ value: string } | { unresolved: string })[] {
  let values: string[] = [text];
  for (const match of text.matchAll(EXPRESSION)) {
    const [whole, expression, braced, bare] = match;
    const name = expression ?? braced ?? bare ?? '';
    let replacements: readonly string[] | undefined;
    const envName = expression ? /^env\.(\w+)$/.exec(expression)?.[1] : name;
    const matrixName = expression ? /^matrix\.(\w+)$/.exec(expression)?.[1] : undefined;
    if (envName !== undefined && env[envName] !== undefined) replacements = [env[envName]];
    else if (matrixName !== undefined && matrix[matrixName]) replacements = matrix[matrixName];
    if (!replacements) {
      return [
        {
          unresolved: `${expression !== undefined ? displayed(expression) : whole} cannot be resolved from the workflow: add the image to \`images\` in the config`,
        },
      ];
    }
    values = values.flatMap((value) => replacements.map((replacement) => value.replace(whole, replacement)));
  }
  return values.map((value) => ({ value }));
}

/**
 * Tags do not change a verdict: a tag written with an expression (`app:${{ github.sha }}`) is dropped
 * rather than making the whole destination undiscoverable.
 */
function withoutUnknownTag(reference: string): string {
  const lastSlash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', lastSlash + 1);
  if (colon === -1) return reference;
  const tag = reference.slice(colon + 1);
  return /\$\{\{|\$\{?\w/.test(tag) ? reference.slice(0, colon) : reference;
}

/** Expressions as people write them, after scriptDestinations compacted them. */
function asWritten(text: string): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => displayed(expression));
}

/** An expression as people write it: `${{ steps.login.outputs.registry }}`. */
function displayed(expression: string): string {
  return '$' + `{{ ${expression} }}`;
}

function matrixOf(value: unknown): Matrix {
  const matrix: Record<string, readonly string[]> = {};
  for (const [key, entries] of Object.entries(record(value))) {
    if (Array.isArray(entries) && entries.every((entry) => ['string', 'number'].includes(typeof entry))) {
      matrix[key] = entries.map(String);
    }
  }
  return matrix;
}

/** `tags:` is a newline or comma separated list. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string'
    ? value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}

function lines(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string'
    ? value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : [];
}

function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record(value)).flatMap(([key, entry]) =>
      ['string', 'number', 'boolean'].includes(typeof entry) ? [[key, String(entry)]] : [],
    ),
  );
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function unquote(text: string): string {
  return text.replace(/^["']|["']$/g, '');
}

function dedupe(images: DiscoveredImage[]): DiscoveredImage[] {
  const seen = new Set<string>();
  return images.filter((image) => !seen.has(image.reference) && seen.add(image.reference));
}
