// Actions that push, each read from its own README's inputs and outputs.
import { Holey, truthy, type Value } from '../expression.ts';
import { concat, isMissing, lowercase, missing, split, trim, type Text } from '../text.ts';
import { keyValues, wordText } from '../commands/arguments.ts';
import { splitNames } from '../commands/push-destinations.ts';
import type { ActionCall, ActionHandler } from './call.ts';

/** A boolean input: true, false, or undefined when it depends on a hole (then it may push). */
function flag(call: ActionCall, name: string, fallback: boolean): boolean | undefined {
  const value = call.input(name);
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim().toLowerCase() === 'true';
  return truthy(value) === undefined ? undefined : fallback;
}

/**
 * docker/build-push-action (and the actions that take its inputs: depot, useblacksmith): pushes its
 * `tags` when `push: true` or an `outputs` entry is `type=registry` / `push=true`. A `push:` that is
 * an expression (`github.event_name != 'pull_request'`) may push, so its tags count.
 */
export const buildPush =
  (via: string): ActionHandler =>
  (call) => {
    const outputs = call.items('outputs', false).map((item) => keyValues(item.text));
    // `push=` known only at run time may push.
    const registryOutput = outputs.find(
      (pairs) =>
        wordText(pairs.get('type')) === 'registry' ||
        wordText(pairs.get('push')) === 'true' ||
        (pairs.get('push')?.some((part) => typeof part !== 'string') ?? false),
    );
    const pushes = flag(call, 'push', false) !== false || registryOutput !== undefined;
    if (!pushes) return;
    for (const tag of call.items('tags', true)) call.destination(tag.text, `${via} tags`, tag.where);
    const named = registryOutput?.get('name');
    for (const name of named ? splitNames(named) : [])
      call.destination(name, `${via} outputs`, call.where('outputs'));
  };

/**
 * docker/metadata-action: each `images` line (`name=…,enable=…` or just the image) becomes an image of
 * `outputs.tags` with the tags computed at run time; `bake-file` names its generated bake definition.
 */
export const metadata: ActionHandler = (call) => {
  const images: Text[] = [];
  for (const item of call.items('images', false)) {
    const attributes = keyValues(item.text);
    const image = attributes.get('name') ?? split(item.text, ',')[0] ?? [];
    const enabled = attributes.get('enable');
    if (enabled && wordText(enabled)?.trim().toLowerCase() === 'false') continue;
    if (image.length === 0) continue;
    // metadata-action lowercases image names (its README: "images … lowercased").
    images.push(lowercase(trim(image)));
    call.written(lowercase(trim(image)), item.where);
  }
  const tag = missing('the tags docker/metadata-action computes');
  const tags = concat(...images.map((image, i) => concat(i > 0 ? ['\n'] : [], image, [':', tag])));
  call.setOutput('tags', tags.some(isMissing) ? new Holey(tags) : tags.join(''));
  call.setOutput(
    'images',
    images.length > 0
      ? new Holey(concat(...images.map((image, i) => concat(i > 0 ? [','] : [], image))))
      : '',
  );
  // Its bake file defines target `docker-metadata-action` with these images' tags.
  const bakeFile = call.bakeFile(images);
  call.setOutput('bake-file', bakeFile);
  call.setOutput('bake-file-tags', bakeFile);
};

/** redhat-actions/buildah-build: builds locally; its outputs name the image for push-to-registry. */
export const buildahBuild: ActionHandler = (call) => {
  const image = call.text('image') ?? [];
  const tags = call
    .items('tags', false)
    .flatMap((item) => split(item.text, /\s+/))
    .filter((t) => t.length > 0);
  const first = tags[0] ?? ['latest'];
  call.setOutput('image', textOf(image));
  call.setOutput('tags', textOf(concat(...tags.map((tag, i) => concat(i > 0 ? [' '] : [], tag)))));
  call.setOutput('image-with-tag', textOf(concat(image, [':'], first)));
};

/**
 * redhat-actions/push-to-registry: `registry/image` for each tag; "If the tags are fully qualified
 * image names, image and registry are ignored".
 */
export const pushToRegistry: ActionHandler = (call) => {
  const image = call.text('image');
  const registry = call.text('registry');
  const tags = call
    .items('tags', false)
    .flatMap((item) => split(item.text, /\s+/).map((text) => ({ text, where: item.where })));
  const qualified = tags.filter((tag) =>
    tag.text.some((part) => typeof part === 'string' && part.includes('/')),
  );
  if (qualified.length > 0 && qualified.length === tags.length) {
    for (const tag of qualified)
      call.destination(tag.text, 'redhat-actions/push-to-registry tags', tag.where);
    return;
  }
  if (!image) {
    call.mayPush('redhat-actions/push-to-registry without `image`: add the image it pushes to `images`');
    return;
  }
  const destination = registry && registry.length > 0 ? concat(registry, ['/'], image) : image;
  call.destination(
    destination,
    'redhat-actions/push-to-registry',
    call.where(registry ? 'registry' : 'image'),
  );
  call.setOutput('registry-path', textOf(destination));
};

/** akhilerm/tag-push-action: copies `src` to every `dst` line. */
export const tagPush: ActionHandler = (call) => {
  for (const item of call.items('dst', false))
    call.destination(item.text, 'akhilerm/tag-push-action dst', item.where);
};

/** int128/kaniko-action: `push: true` pushes to each of `tags`. */
export const kanikoAction: ActionHandler = (call) => {
  if (flag(call, 'push', false) === false) return;
  for (const tag of call.items('tags', true))
    call.destination(tag.text, 'int128/kaniko-action tags', tag.where);
};

/** mr-smithers-excellent/docker-build-push: `registry/image`, pushed unless `pushImage: false`. */
export const dockerBuildPush: ActionHandler = (call) => {
  if (flag(call, 'pushImage', true) === false) return;
  const image = call.text('image');
  if (!image) return;
  const registry = call.text('registry');
  call.destination(
    registry ? concat(registry, ['/'], image) : image,
    'mr-smithers-excellent/docker-build-push',
    call.where('image'),
  );
};

/** elgohr/Publish-Docker-Github-Action: `name` (on `registry` when given). */
export const publishDocker: ActionHandler = (call) => {
  const name = call.text('name');
  if (!name) return;
  const registry = call.text('registry');
  const qualified = wordText(name)?.split('/')[0]?.includes('.');
  call.destination(
    registry && !qualified ? concat(registry, ['/'], name) : name,
    'elgohr/Publish-Docker-Github-Action',
    call.where('name'),
  );
};

function textOf(text: Text): Value {
  return text.some(isMissing) ? new Holey(text) : text.join('');
}
