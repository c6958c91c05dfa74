// docker/bake-action (and depot/bake-action): bakes `targets` from `files` (the metadata-action bake
// file among them) in `workdir`, with `set` overrides; `push: true` pushes every target.
import { bakeDestinations } from '../bake/definition.ts';
import { bakeInputs } from '../bake/files.ts';
import { wordText } from '../commands/arguments.ts';
import { truthy } from '../expression.ts';
import type { ActionHandler } from './call.ts';

export const bakeAction =
  (via: string): ActionHandler =>
  (call) => {
    const named = call.items('files', true).map((item) => item.text);
    if (named.some((name) => wordText(name) === undefined)) {
      call.mayPush(
        `${via} bakes a file named only at run time: add the images it pushes to \`images\``,
        call.where('files'),
      );
      return;
    }
    const workdir = wordText(call.text('workdir')) ?? '.';
    const inputs = bakeInputs(
      named.map((name) => wordText(name)!),
      workdir,
      call.read,
      call.generatedBakeFile,
    );
    for (const name of inputs.missing)
      call.mayPush(
        `${via} bakes ${name}, which is not in the repository: add the images it pushes to \`images\``,
        call.where('files'),
      );
    const push = call.input('push');
    const result = bakeDestinations({
      files: inputs.files,
      targets: call
        .items('targets', true)
        .flatMap((item) => (wordText(item.text) ? [wordText(item.text)!] : [])),
      set: call.items('set', false).map((item) => item.text),
      // `push` is a shorthand for `*.output=type=registry`; an expression may be true.
      push:
        push !== undefined &&
        push !== null &&
        push !== '' &&
        truthy(push) !== false &&
        String(push) !== 'false',
      environment: call.env,
      ...(inputs.metadataImages ? { metadataImages: inputs.metadataImages } : {}),
    });
    for (const problem of result.problems) call.mayPush(problem.message, problem.where);
    for (const destination of result.destinations)
      call.destination(
        destination.text,
        `${via} targets`,
        destination.where?.file.startsWith('(') || !destination.where
          ? call.where(call.text('set') ? 'set' : 'targets')
          : destination.where,
      );
  };
