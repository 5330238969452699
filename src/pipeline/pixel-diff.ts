/**
 * Two raster images compared pixel by pixel with pixelmatch, whose anti-aliasing detection keeps
 * edge pixels that merely shifted shade out of the count (it paints them yellow in the diff image).
 */
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { LIMITS } from '../config/limits.js';

export interface PixelDiff {
  width: number;
  height: number;
  /** Pixels that differ (anti-aliased ones not counted). */
  changed: number;
  /** changed / (width × height). */
  share: number;
  /** The highlighted difference, as PNG. */
  image: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header, checked against the pixel budget before anything is decoded. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG file');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width * height > LIMITS.imagePixels) throw new Error(`a PNG of ${width}×${height} pixels; the limit is ${LIMITS.imagePixels} pixels`);
  return { width, height };
}

export function decodePng(bytes: Buffer): PNG {
  pngSize(bytes);
  return PNG.sync.read(bytes);
}

/** undefined when the sizes differ (then every pixel counts as changed). */
export function pixelDiff(before: Buffer, after: Buffer): PixelDiff | undefined {
  const a = decodePng(before);
  const b = decodePng(after);
  if (a.width !== b.width || a.height !== b.height) return undefined;
  const out = new PNG({ width: a.width, height: a.height });
  const changed = pixelmatch(a.data, b.data, out.data, a.width, a.height, { threshold: 0.1, includeAA: false, alpha: 0.2 });
  return { width: a.width, height: a.height, changed, share: changed / (a.width * a.height), image: PNG.sync.write(out) };
}
