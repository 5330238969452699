/**
 * The floor: the least work any renderer of a contour image must do here. Every pixel of an
 * 800 × 600 canvas is coloured from the figure's own function (z = f(w·x + b) evaluated at the
 * pixel, the band looked up arithmetically, one 32-bit store), put on a canvas that is created once,
 * and encoded with the same PNG settings as every figure. No axes, text, colorbar or sampling.
 */
import { createRaster, encodePng, putRgba } from '../../dist/render/canvas.js';
import { resolveActivation } from '../../dist/core/activation.js';
import type { ResolvedFigure } from '../../dist/model/figure.js';
import type { FieldItem, Scene } from '../../dist/scene/scene.js';

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function packed(css: string): number {
  const v = parseInt(css.slice(1, 7), 16);
  const [r, g, b] = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  return (littleEndian ? (255 << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

export interface Floor {
  width: number;
  height: number;
  /** Fills, puts and encodes once; returns the PNG bytes. */
  run(): Buffer;
  /** The same, timed by step. */
  timed(): { fill: number; put: number; encode: number; total: number };
}

/** A floor for a contour figure: its perceptron, and the levels, colours and domain its layout chose. */
export function contourFloor(fig: ResolvedFigure, scene: Scene, width = 800, height = 600): Floor {
  if (fig.kind !== 'contour' || !fig.perceptron) throw new Error('the floor needs a perceptron contour');
  const field = scene.items.find((i): i is FieldItem => i.type === 'field');
  if (!field) throw new Error('the scene has no field');
  const f = resolveActivation(fig.perceptron.activation).f;
  const [w1, w2] = fig.perceptron.weights;
  const bias = fig.perceptron.bias;
  const levels = field.levels;
  const lo = levels[0];
  const n = levels.length;
  const step = (levels[n - 1] - lo) / (n - 1);
  const colors = Uint32Array.from(field.colors.map(packed));
  const background = packed(field.background);
  const [x0, x1] = field.xDomain;
  const [y0, y1] = field.yDomain;
  const { surface, ctx } = createRaster(width, height, 1);
  const data = new Uint8ClampedArray(width * height * 4);
  const words = new Uint32Array(data.buffer);
  const image = { data, width, height };

  const fill = () => {
    let o = 0;
    for (let py = 0; py < height; py++) {
      const y = y1 - ((py + 0.5) / height) * (y1 - y0);
      for (let px = 0; px < width; px++, o++) {
        const z = f(w1 * (x0 + ((px + 0.5) / width) * (x1 - x0)) + w2 * y + bias);
        const k = Math.floor((z - lo) / step);
        words[o] = k >= 0 && k < n - 1 ? colors[k] : z === levels[n - 1] ? colors[n - 2] : background;
      }
    }
  };
  const run = () => {
    fill();
    putRgba(ctx, image, 0, 0);
    return encodePng(surface);
  };
  return {
    width,
    height,
    run,
    timed() {
      const t0 = performance.now();
      fill();
      const t1 = performance.now();
      putRgba(ctx, image, 0, 0);
      const t2 = performance.now();
      encodePng(surface);
      const t3 = performance.now();
      return { fill: t1 - t0, put: t2 - t1, encode: t3 - t2, total: t3 - t0 };
    },
  };
}
