/**
 * Hashes for the incremental build: a stable JSON (sorted keys) so equal data always hashes the
 * same, the sha256 of files, the fonts a figure draws with, and a figure's input hash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fontFiles } from '../text/fonts.js';
import { usedFonts } from '../text/used-fonts.js';

/** JSON with object keys sorted at every level and no whitespace; `undefined` members are dropped. */
export function stableJson(value: unknown): string {
  const parts: string[] = [];
  writeStable(value, parts);
  return parts.join('');
}

/**
 * A list of plain values is written exactly as JSON.stringify writes it (undefined and functions
 * as null); a list with holes is not (its holes are written as nothing, as they always were).
 */
function isFlat(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if ((v !== null && typeof v === 'object') || !(i in list)) return false;
  }
  return true;
}

/**
 * Appends the pieces of `value`'s stable JSON to `parts`, joined once at the end: an up-to-date
 * run hashes every figure, and building each level's string from its children's made that the
 * largest cost of a run that renders nothing.
 */
function writeStable(value: unknown, parts: string[]): void {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    parts.push(s === undefined ? 'null' : s);
    return;
  }
  if (Array.isArray(value)) {
    if (isFlat(value)) {
      parts.push(JSON.stringify(value));
      return;
    }
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      if (i in value) writeStable(value[i], parts);
    }
    parts.push(']');
    return;
  }
  if (ArrayBuffer.isView(value)) return writeStable(Array.from(value as unknown as ArrayLike<number>), parts);
  const obj = value as Record<string, unknown>;
  // A network read from a model file names its digest (the file's sha256 and how the config uses
  // it): hashing that rather than up to 10^7 weights keeps the hash cheap and exact.
  if (typeof obj.contentDigest === 'string') {
    parts.push(`{"contentDigest":${JSON.stringify(obj.contentDigest)}}`);
    return;
  }
  const keys = Object.keys(obj).sort();
  let first = true;
  parts.push('{');
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) parts.push(',');
    first = false;
    parts.push(JSON.stringify(k), ':');
    writeStable(v, parts);
  }
  parts.push('}');
}

export function sha256(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** One buffer for reading files to hash: an up-to-date run hashes every output without garbage. */
const chunk = Buffer.allocUnsafe(1 << 16);

/** The sha256 of a file's bytes, or undefined when it cannot be read (missing, a folder, ...). */
export function fileSha256(file: string): string | undefined {
  let fd: number | undefined;
  try {
    // Without blocking, and only a regular file: a FIFO in the output folder must not hang the run.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    if (!fs.fstatSync(fd).isFile()) return undefined;
    const h = crypto.createHash('sha256');
    for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) h.update(chunk.subarray(0, n));
    return h.digest('hex');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Per process: a font file's digest never changes while actiplot runs. */
const fontDigests = new Map<string, string>();

function fontDigest(file: string): string {
  let d = fontDigests.get(file);
  if (d === undefined) {
    d = fileSha256(file) ?? 'unreadable';
    fontDigests.set(file, d);
  }
  return d;
}

/**
 * The font files a figure draws with (text/used-fonts.ts), by file name, with their sha256. A
 * Latin-only figure lists DejaVu only. File names, not paths: the package's place on disk differs
 * between machines, its files do not.
 */
export function figureFonts(figure: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of usedFonts(figure)) out[path.basename(f.file)] = fontDigest(f.file);
  return out;
}

/**
 * Which font set this actiplot ships (package, version and file of each font), without reading
 * the fonts: recorded in manifests so shards rendered with other font packages are not merged.
 */
export function fontsFingerprint(): string {
  return sha256(stableJson(fontFiles().map((f) => ({ family: f.family, file: path.basename(f.file), pkg: f.pkg, version: f.version, weight: f.weight }))));
}

/**
 * Raised when the bytes of the same figure change in a way the version does not say: 2, the title
 * and text alternative written into every file (PNG iTXt, SVG <title>/<desc>, PDF metadata); 3, a
 * PDF's text as text (embedded fonts) instead of outlines; 4, alt texts count data points as the
 * figure draws them. A change of the generated words (src/alt/) changes files too: raise it then,
 * as for drawing code.
 */
const OUTPUT_FORMAT = 4;

/**
 * What a figure's bytes depend on: its normalized config, the actiplot version, the digests of the
 * fonts it draws with, and for a PDF the SOURCE_DATE_EPOCH its creation date comes from
 * (render/canvas.ts). Nothing of the machine: two machines with the same package versions agree.
 */
/**
 * What a figure of a run is planned from, read without parsing its config: the sha256 of the config
 * file's bytes, the command line's overrides (--format, --scale, --themes), the actiplot version and
 * output format, and SOURCE_DATE_EPOCH. Everything else a figure's input hash covers is in files
 * whose digests its manifest entry records (model and data files, fonts).
 */
export function sourceDigest(configSha256: string, overrides: unknown, version: string): string {
  return sha256(stableJson({ config: configSha256, overrides, output: OUTPUT_FORMAT, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH?.trim() || null, version }));
}

export function inputHash(figure: unknown, version: string): string {
  const format = (figure as { format?: unknown } | null)?.format;
  const environment = format === 'pdf' ? { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH?.trim() || null } : undefined;
  return sha256(stableJson({ environment, figure, fonts: figureFonts(figure), output: OUTPUT_FORMAT, version }));
}
