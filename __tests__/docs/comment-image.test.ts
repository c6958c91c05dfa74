// docs/comment-example.png (npm run docs:render) is a valid PNG of a sensible size, rendered from the
// current docs/comment-example.md: it records the markdown's sha256, so editing the comment without
// re-rendering the picture fails here. No browser needed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pngChunks, pngTextChunks, withTextChunk } from '../../scripts/png-text.mjs';

const PNG = readFileSync('docs/comment-example.png');
const MARKDOWN = readFileSync('docs/comment-example.md');

test('the picture is a whole PNG (every chunk CRC checked), 940 pixels wide, under 600 KB (the README loads it)', () => {
  const chunks = pngChunks(PNG);
  assert.equal(chunks[0]?.type, 'IHDR');
  assert.equal(chunks.at(-1)?.type, 'IEND');
  assert.ok(chunks.some((chunk) => chunk.type === 'IDAT'));
  const header = chunks[0]!.data;
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  assert.equal(width, 940);
  assert.ok(height > 500 && height <= 4000, `height ${height}`);
  assert.ok(PNG.length < 600_000, `${PNG.length} bytes: crop it (MAX_HEIGHT in scripts/render-comment.mjs)`);
});

test('the picture was rendered from the current docs/comment-example.md (else: npm run docs:render)', () => {
  assert.equal(
    pngTextChunks(PNG)['pullcheck-source-sha256'],
    createHash('sha256').update(MARKDOWN).digest('hex'),
    'docs/comment-example.png is stale: npm run docs:render',
  );
});

test('a text chunk is written after IHDR and read back; a flipped byte fails its CRC', () => {
  const tagged = withTextChunk(PNG, 'k', 'value');
  assert.deepEqual(
    pngChunks(tagged)
      .map((chunk) => chunk.type)
      .slice(0, 2),
    ['IHDR', 'tEXt'],
  );
  assert.equal(pngTextChunks(tagged)['k'], 'value');
  const corrupt = Buffer.from(tagged);
  corrupt[40] = corrupt[40]! ^ 0xff;
  assert.throws(() => pngChunks(corrupt), /bad CRC/);
  assert.throws(() => pngChunks(Buffer.from('GIF89a')), /not a PNG/);
  assert.throws(() => withTextChunk(PNG, '', 'x'), /bad PNG text key/);
});
