/**
 * Hashes for the incremental build: a stable JSON (sorted keys) so equal data always hashes the
 * same, the sha256 of files, a fingerprint of the fonts drawing uses, and a figure's input hash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fontFiles } from '../text/fonts.js';
import { fileDigests } from './digest-cache.js';

/** JSON with object keys sorted at every level and no whitespace; `undefined` members are dropped. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (ArrayBuffer.isView(value)) return stableJson(Array.from(value as unknown as ArrayLike<number>));
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(',')}}`;
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

let fontsCache: string | undefined;

/**
 * One hash over the bytes of every font file drawing registers (name and content, in order), so a
 * font update re-renders everything. Computed once per process; the files' own digests come from
 * the per-user cache while the files are unchanged (digest-cache.ts). `remember` false: read the
 * cache, never write it (for `check`, which writes nothing).
 */
export function fontsFingerprint(remember = true): string {
  if (fontsCache === undefined) {
    const files = fontFiles().map((f) => f.file);
    const digests = fileDigests(files, remember);
    const h = crypto.createHash('sha256');
    files.forEach((file, i) => h.update(`${path.basename(file)}\0${digests[i] ?? 'unreadable'}\0`));
    fontsCache = h.digest('hex');
  }
  return fontsCache;
}

/**
 * What a figure's bytes depend on: its normalized config, the actiplot version, the fonts, and for
 * a PDF the SOURCE_DATE_EPOCH its creation date comes from (render/canvas.ts).
 */
export function inputHash(figure: unknown, version: string, fonts: string): string {
  const format = (figure as { format?: unknown } | null)?.format;
  const environment = format === 'pdf' ? { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH?.trim() || null } : undefined;
  return sha256(stableJson({ environment, figure, fonts, version }));
}
