// Types of png-text.mjs, for the tests that import it.
export interface PngChunk {
  readonly type: string;
  readonly data: Buffer;
}
export function pngChunks(png: Buffer): PngChunk[];
export function withTextChunk(png: Buffer, key: string, value: string): Buffer;
export function pngTextChunks(png: Buffer): Record<string, string>;
