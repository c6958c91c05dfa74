// PNG tEXt chunks: written after IHDR (a key and a Latin-1 value, as the PNG spec defines them) and read
// back with every chunk's CRC checked. docs/comment-example.png records the sha256 of the markdown it was
// rendered from this way, so a test can tell a stale picture without a browser.
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chunks of a PNG, in order: `{ type, data }`. Throws on a bad signature, a truncated file or a bad CRC. */
export function pngChunks(png) {
  if (png.length < SIGNATURE.length || !png.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new Error('not a PNG: the signature is missing');
  const chunks = [];
  for (let at = SIGNATURE.length; at < png.length;) {
    if (at + 12 > png.length) throw new Error(`PNG truncated at byte ${at}`);
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) throw new Error(`PNG truncated in a chunk at byte ${at}`);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    if (crc32(typeAndData) !== png.readUInt32BE(at + 8 + length))
      throw new Error(`PNG chunk at byte ${at} has a bad CRC`);
    chunks.push({ type: typeAndData.subarray(0, 4).toString('latin1'), data: typeAndData.subarray(4) });
    at = end;
  }
  return chunks;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** The PNG with a tEXt chunk `key` = `value` right after its IHDR (keys: 1–79 Latin-1 characters). */
export function withTextChunk(png, key, value) {
  if (!/^[\x20-\x7e]{1,79}$/.test(key)) throw new Error(`bad PNG text key: ${key}`);
  const [header] = pngChunks(png);
  if (header?.type !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  const afterHeader = SIGNATURE.length + 12 + header.data.length;
  const text = chunk(
    'tEXt',
    Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')]),
  );
  return Buffer.concat([png.subarray(0, afterHeader), text, png.subarray(afterHeader)]);
}

/** Every tEXt chunk of the PNG as key → value. */
export function pngTextChunks(png) {
  const texts = {};
  for (const { type, data } of pngChunks(png)) {
    if (type !== 'tEXt') continue;
    const separator = data.indexOf(0);
    texts[data.subarray(0, separator).toString('latin1')] = data.subarray(separator + 1).toString('latin1');
  }
  return texts;
}
