// `publicImages`: globs of images anyone may pull, decided before any registry rule.
import picomatch from 'picomatch';
import type { LoadedConfig } from './config/load.ts';
import { imageName, type ImageReference } from './image-reference.ts';
import { allowed, type Verdict } from './verdict.ts';

/** The verdict for an image the config lists as public, before any registry's rule; else undefined. */
export function publicImages(config: LoadedConfig): (image: ImageReference) => Verdict | undefined {
  const globs = (config.input.publicImages ?? []).map((glob) => ({ glob, matches: imageGlob(glob) }));
  return (image) => {
    // The normalised name (docker.io/library/nginx) and the reference as written (tag or digest kept).
    const name = imageName(image);
    const match = globs.find(({ matches }) => matches(name) || matches(image.raw));
    return match
      ? allowed([`${image.raw} matches publicImages entry ${match.glob}: anyone may pull it`])
      : undefined;
  };
}

/**
 * A glob over image names, as paths: `*` and `?` stay inside one segment, only `**` crosses `/`. A match
 * makes an image public, so nothing else is syntax: every other character is escaped to stand for itself
 * (`[…]` is an IPv6 host, not a class; picomatch's classes also misread `[!x]` and, in posix mode, drop
 * the escaping of `.` around `[[:alpha:]]`). The schema already refuses `!`, braces and parentheses.
 */
function imageGlob(glob: string): (text: string) => boolean {
  const literal = glob.replace(/[^A-Za-z0-9*?/]/g, '\\$&');
  return picomatch(literal, { nonegate: true, nobrace: true, noextglob: true, dot: false, windows: false });
}
