// `gcloud builds submit --config FILE` (or the source's cloudbuild.yaml when neither --tag nor --config
// is given): Cloud Build pushes the build file's `images:` and whatever its docker/kaniko steps push.
// Substitutions follow the Cloud Build reference: `$PROJECT_ID` (the --project, else the gcloud
// project the workflow configured), `$LOCATION`, user `_NAME`s from `substitutions:` and
// `--substitutions`; `$$` is a dollar. https://cloud.google.com/build/docs/configuring-builds/substitute-variable-values
import { parse as parseYaml } from 'yaml';
import { concat, missing, type Text } from '../text.ts';
import {
  afterSubcommand,
  keyValues,
  optionSet,
  optionValues,
  parseArguments,
  wordText,
} from './arguments.ts';
import type { CommandHandler } from './context.ts';
import { GCLOUD_GLOBAL } from './push-tools.ts';

const SUBMIT_OPTIONS = optionSet(
  '--tag -t --config --substitutions --region --machine-type --timeout --service-account --worker-pool --gcs-source-staging-dir --gcs-log-dir --ignore-file --pack --project --default-buckets-behavior --disk-size --git-source-dir --git-source-revision',
);

/** The gcloud project in effect: `--project`, else what setup-gcloud/auth exported. */
export function gcloudProject(parsedProject: Text | undefined, environment: ReadonlyMap<string, Text>): Text {
  return (
    parsedProject ??
    ['CLOUDSDK_CORE_PROJECT', 'CLOUDSDK_PROJECT', 'GOOGLE_CLOUD_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT']
      .map((name) => environment.get(name))
      .find(Boolean) ?? [
      missing(
        'the gcloud project',
        'pass `--project`, or set `project_id` on google-github-actions/auth or setup-gcloud',
      ),
    ]
  );
}

export const cloudBuildConfig: CommandHandler = (words, context) => {
  const args =
    afterSubcommand(words, ['gcloud', 'builds', 'submit'], GCLOUD_GLOBAL) ??
    afterSubcommand(words, ['gcloud', 'beta', 'builds', 'submit'], GCLOUD_GLOBAL);
  if (!args) return false;
  const parsed = parseArguments(args, SUBMIT_OPTIONS);
  if (optionValues(parsed, '--tag', '-t').length > 0 || parsed.flags.has('--pack')) return false; // push-tools reads --tag
  const config = optionValues(parsed, '--config')[0];
  const source = wordText(parsed.positionals[0]) ?? '.';
  const names = config ? [wordText(config)] : [`${source}/cloudbuild.yaml`, `${source}/cloudbuild.json`];
  if (names.some((name) => name === undefined)) {
    context.sink.mayPush(
      '`gcloud builds submit --config` names a build file known only at run time: add its images to `images`',
    );
    return true;
  }
  const file = (names as string[]).map((name) => context.read(name)).find(Boolean);
  if (!file) {
    context.sink.mayPush(
      `\`gcloud builds submit\` runs ${(names as string[]).join(' or ')} in Cloud Build, which is not in the repository: add the images it pushes to \`images\`, and declare the targets its steps deploy to`,
    );
    return true;
  }
  let build: Record<string, unknown>;
  try {
    build = (parseYaml(file.text) ?? {}) as Record<string, unknown>;
  } catch {
    context.sink.problem(`${file.file} is not valid YAML: the images Cloud Build pushes are not discovered`);
    return true;
  }
  const substitutions = new Map<string, Text>();
  for (const [name, value] of Object.entries((build['substitutions'] ?? {}) as Record<string, unknown>))
    substitutions.set(name, [String(value)]);
  for (const given of optionValues(parsed, '--substitutions'))
    for (const [name, value] of keyValues(given)) substitutions.set(name, value);
  const project = gcloudProject(optionValues(parsed, '--project')[0], context.environment);
  substitutions.set('PROJECT_ID', project);
  substitutions.set('LOCATION', optionValues(parsed, '--region')[0] ?? ['global']);
  const images = Array.isArray(build['images']) ? build['images'].map(String) : [];
  for (const step of Array.isArray(build['steps']) ? (build['steps'] as Record<string, unknown>[]) : []) {
    const stepArgs = Array.isArray(step?.['args']) ? step['args'].map(String) : [];
    const builder = String(step?.['name'] ?? '');
    if (/cloud-builders\/docker/.test(builder) && stepArgs[0] === 'push')
      images.push(...stepArgs.slice(1).filter((a) => !a.startsWith('-')));
    if (/kaniko-project\/executor/.test(builder))
      stepArgs.forEach((arg, i) => {
        if (arg.startsWith('--destination=')) images.push(arg.slice('--destination='.length));
        else if (arg === '--destination' || arg === '-d') images.push(stepArgs[i + 1] ?? '');
      });
  }
  for (const image of new Set(images))
    context.sink.destination(substitute(image, substitutions), `gcloud builds submit --config ${file.file}`);
  return true;
};

function substitute(text: string, substitutions: ReadonlyMap<string, Text>): Text {
  const parts: Text[] = [];
  let at = 0;
  for (const match of text.matchAll(/\$\$|\$\{(\w+)\}|\$(\w+)/g)) {
    parts.push([text.slice(at, match.index)]);
    at = match.index + match[0].length;
    if (match[0] === '$$') parts.push(['$']);
    else {
      const name = match[1] ?? match[2]!;
      parts.push(
        substitutions.get(name) ?? [missing(`Cloud Build's $${name}`, 'a value the build sets when it runs')],
      );
    }
  }
  parts.push([text.slice(at)]);
  return concat(...parts);
}
