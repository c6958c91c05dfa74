// Which files a bake reads: those named (`-f`, the action's `files`), else the defaults bake looks for in
// its working directory, all that exist, in bake's order. The metadata-action bake file is the value of
// that action's `bake-file` output.
import path from 'node:path';
import type { RepositoryFile } from '../commands/context.ts';
import type { Text } from '../text.ts';
import type { BakeFile } from './definition.ts';

const DEFAULT_FILES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
  'docker-bake.json',
  'docker-bake.hcl',
  'docker-bake.override.json',
  'docker-bake.override.hcl',
];

export interface BakeInputs {
  readonly files: BakeFile[];
  readonly metadataImages?: Text[];
  /** Named files that are not in the repository. */
  readonly missing: string[];
}

export function bakeInputs(
  named: readonly string[],
  workdir: string,
  read: (relative: string) => RepositoryFile | undefined,
  generated: (path: string) => readonly Text[] | undefined,
): BakeInputs {
  const files: BakeFile[] = [];
  const missingFiles: string[] = [];
  let metadataImages: Text[] | undefined;
  for (const name of named) {
    const images = generated(name);
    if (images) {
      metadataImages = [...images];
      continue;
    }
    const file = read(path.posix.join(workdir || '.', name));
    if (file) files.push({ file: file.file, text: file.text });
    else missingFiles.push(name);
  }
  if (named.length === 0)
    for (const name of DEFAULT_FILES) {
      const file = read(path.posix.join(workdir || '.', name));
      if (file) files.push({ file: file.file, text: file.text });
    }
  return metadataImages ? { files, metadataImages, missing: missingFiles } : { files, missing: missingFiles };
}
