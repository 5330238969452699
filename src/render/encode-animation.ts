/**
 * Animated GIF (gifenc: a palette of up to 256 colours per frame) and APNG (upng-js: lossless).
 * Both are deterministic for the same frames, so animations are as reproducible as PNGs. A GIF
 * takes each frame as it comes (only the encoded bytes are kept); upng-js encodes an APNG from all
 * its frames at once, so those are held until the end.
 */
import * as gifencModule from 'gifenc';
import UPNG from 'upng-js';
import type { Frame } from './figure.js';
import { withPngText, type PngText } from './png-text.js';

// Node loads gifenc's CommonJS build (the functions sit on its default export); bundlers such as
// vite load its ES module build (named exports, and a default that is GIFEncoder itself).
type Gifenc = typeof import('gifenc');
const gifenc: Gifenc = typeof gifencModule.GIFEncoder === 'function' ? gifencModule : (gifencModule as unknown as { default: Gifenc }).default;
const { GIFEncoder, applyPalette, quantize } = gifenc;

export type AnimationFormat = 'gif' | 'apng';

export interface AnimationEncoder {
  /** The next frame, in order. */
  add(frame: Frame): void;
  finish(): Buffer;
}

function gifEncoder(fps: number): AnimationEncoder {
  const gif = GIFEncoder();
  const delay = Math.round(1000 / fps);
  return {
    add(f) {
      // gifenc reads `data.buffer` from its start: a view into a larger buffer (pixels that came
      // from a pool worker) must be copied to an exact-size array first, or it would read the wrong bytes.
      const whole = f.data.byteOffset === 0 && f.data.byteLength === f.data.buffer.byteLength;
      const data = whole ? f.data : f.data.slice();
      const palette = quantize(data, 256);
      gif.writeFrame(applyPalette(data, palette), f.width, f.height, { palette, delay, repeat: 0 });
    },
    finish() {
      gif.finish();
      return Buffer.from(gif.bytes());
    },
  };
}

function apngEncoder(fps: number, texts: readonly PngText[]): AnimationEncoder {
  const frames: Frame[] = [];
  return {
    add(f) {
      frames.push(f);
    },
    finish() {
      const { width, height } = frames[0];
      const buffers = frames.map((f) => f.data.buffer.slice(f.data.byteOffset, f.data.byteOffset + f.data.byteLength) as ArrayBuffer);
      return withPngText(Buffer.from(UPNG.encode(buffers, width, height, 0, frames.map(() => Math.round(1000 / fps)))), texts);
    },
  };
}

/** `texts`: the APNG's title and description (a GIF has no chunk for UTF-8 text: it carries none). */
export function animationEncoder(format: AnimationFormat, fps: number, texts: readonly PngText[] = []): AnimationEncoder {
  return format === 'gif' ? gifEncoder(fps) : apngEncoder(fps, texts);
}
