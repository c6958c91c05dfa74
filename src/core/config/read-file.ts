import { readFileSync } from 'node:fs';
import { ConfigError, type SourceLocation } from '../errors.ts';

/**
 * Reads a file the user pointed at (the config, a `file:` document, later registries.yaml or manifests);
 * a file that cannot be read is a ConfigError at the place that named it, saying what was expected.
 */
export function readUserFile(file: string, where: SourceLocation, expected: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError({ where, message: `cannot read ${expected.replace('%CODE%', code)}` });
  }
}
