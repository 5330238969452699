/**
 * Animated GIF (gifenc: a palette of up to 256 colours per frame) and APNG (upng-js: lossless).
 * Both are deterministic for the same frames, so animations are as reproducible as PNGs.
 */
import * as gifencModule from 'gifenc';

// Node loads gifenc's CommonJS build (the functions sit on its default export); bundlers such as
// vite load its ES module build (named exports, and a default that is GIFEncoder itself).
type Gifenc = typeof import('gifenc');
const gifenc: Gifenc = typeof gifencModule.GIFEncoder === 'function' ? gifencModule : (gifencModule as unknown as { default: Gifenc }).default;
const { GIFEncoder, applyPalette, quantize } = gifenc;
import UPNG from 'upng-js';

export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export function encodeGif(frames: readonly Frame[], fps: number): Buffer {
  const gif = GIFEncoder();
  const delay = Math.round(1000 / fps);
  for (const f of frames) {
    // gifenc reads `data.buffer` from its start: a view into a larger buffer (pixels that came
    // from a pool worker) must be copied to an exact-size array first, or it would read the wrong bytes.
    const whole = f.data.byteOffset === 0 && f.data.byteLength === f.data.buffer.byteLength;
    const data = whole ? f.data : f.data.slice();
    const palette = quantize(data, 256);
    gif.writeFrame(applyPalette(data, palette), f.width, f.height, { palette, delay, repeat: 0 });
  }
  gif.finish();
  return Buffer.from(gif.bytes());
}

export function encodeApng(frames: readonly Frame[], fps: number): Buffer {
  const { width, height } = frames[0];
  const buffers = frames.map((f) => f.data.buffer.slice(f.data.byteOffset, f.data.byteOffset + f.data.byteLength) as ArrayBuffer);
  return Buffer.from(UPNG.encode(buffers, width, height, 0, frames.map(() => Math.round(1000 / fps))));
}
