/**
 * Text chunks in a PNG (or APNG): iTXt, the chunk for UTF-8 text with a language tag (PNG spec
 * 11.3.4.5), under the registered keywords "Title" and "Description", so image viewers, search
 * and accessibility tools find a figure's title and its text alternative in the file itself.
 * Inserted right after IHDR; the image chunks are copied unchanged.
 */
import { crc32 } from 'node:zlib';

export interface PngText {
  keyword: 'Title' | 'Description';
  text: string;
  /** A BCP 47 language tag ("en", "ja"). */
  lang: string;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** One uncompressed iTXt chunk: keyword, NUL, no compression, language, NUL, translated keyword (none), NUL, text. */
export function itxtChunk(t: PngText): Buffer {
  // A NUL would end the text early for readers that stop at one; the config refuses control characters.
  const text = t.text.replace(/\0/g, '');
  return chunk('iTXt', Buffer.concat([Buffer.from(t.keyword, 'latin1'), Buffer.from([0, 0, 0]), Buffer.from(t.lang, 'latin1'), Buffer.from([0, 0]), Buffer.from(text, 'utf8')]));
}

export function withPngText(png: Buffer, texts: readonly PngText[]): Buffer {
  if (texts.length === 0) return png;
  if (!png.subarray(0, 8).equals(SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG: no IHDR after the signature');
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), ...texts.filter((t) => t.text).map(itxtChunk), png.subarray(ihdrEnd)]);
}

/** The Title and Description chunks of a figure. */
export function figureTexts(title: string, description: string, lang: string): PngText[] {
  return [
    { keyword: 'Title' as const, text: title, lang },
    { keyword: 'Description' as const, text: description, lang },
  ].filter((t) => t.text);
}
