// `publicImages`: globs of images anyone may pull, decided before any registry rule.
import type { LoadedConfig } from './config/load.ts';
import { imageName } from './image-reference.ts';
import type { Provider } from './provider.ts';
import { allowed } from './verdict.ts';

export function publicImagesProvider(config: LoadedConfig): Provider {
  const globs = (config.input.publicImages ?? []).map((glob) => ({ glob, regex: globToRegex(glob) }));
  return {
    name: 'public-images',
    principals: () => undefined,
    decide: ({ image }) => {
      const name = imageName(image);
      const match = globs.find(({ regex }) => regex.test(name) || regex.test(image.raw));
      return match
        ? allowed([`${image.raw} matches publicImages entry ${match.glob}: anyone may pull it`])
        : undefined;
    },
  };
}

function globToRegex(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}
