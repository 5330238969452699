/**
 * The floor program: the least a program must do here to write these contour images. A plain
 * node-canvas process that colours every pixel of each 800 × 600 figure from the figure's own
 * function (z = f(w·x + b) at the pixel, the band found arithmetically, one 32-bit store), puts it
 * on a canvas, and encodes it with actiplot's PNG settings on libuv's threads, four encodes in
 * flight, writing each file as it is done. No sampling grid, axes, text or colorbar.
 *
 *   node bench/dist/floor-program.js FIGURES.json OUT-DIR
 *
 * FIGURES.json holds what actiplot's layout chose for each figure (bench/src/contours.ts writes it).
 */
import fs from 'node:fs';
import path from 'node:path';
import canvasPkg from 'canvas';

const { createCanvas, ImageData, Canvas } = canvasPkg;

export interface FloorFigure {
  name: string;
  activation: 'relu' | 'step' | 'sigmoid' | 'tanh';
  weights: [number, number];
  bias: number;
  levels: number[];
  /** Band colours as 0xAABBGGRR words (little-endian RGBA). */
  words: number[];
  background: number;
  xDomain: [number, number];
  yDomain: [number, number];
}

const F = {
  relu: (a: number) => Math.max(a, 0),
  step: (a: number) => (a > 0 ? 1 : 0),
  sigmoid: (a: number) => 1 / (1 + Math.exp(-a)),
  tanh: Math.tanh,
};

const WIDTH = 800;
const HEIGHT = 600;
const IN_FLIGHT = 4;

function fill(fig: FloorFigure, words: Uint32Array): void {
  const f = F[fig.activation];
  const [w1, w2] = fig.weights;
  const { bias, levels } = fig;
  const colors = Uint32Array.from(fig.words);
  const lo = levels[0];
  const n = levels.length;
  const step = (levels[n - 1] - lo) / (n - 1);
  const [x0, x1] = fig.xDomain;
  const [y0, y1] = fig.yDomain;
  let o = 0;
  for (let py = 0; py < HEIGHT; py++) {
    const y = y1 - ((py + 0.5) / HEIGHT) * (y1 - y0);
    for (let px = 0; px < WIDTH; px++, o++) {
      const z = f(w1 * (x0 + ((px + 0.5) / WIDTH) * (x1 - x0)) + w2 * y + bias);
      const k = Math.floor((z - lo) / step);
      words[o] = k >= 0 && k < n - 1 ? colors[k] : z === levels[n - 1] ? colors[n - 2] : fig.background;
    }
  }
}

async function main(): Promise<void> {
  const [file, out] = process.argv.slice(2);
  const figures = JSON.parse(fs.readFileSync(file, 'utf8')) as FloorFigure[];
  fs.mkdirSync(out, { recursive: true });
  const free = Array.from({ length: IN_FLIGHT + 1 }, () => createCanvas(WIDTH, HEIGHT));
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  const words = new Uint32Array(data.buffer);
  const image = new ImageData(data, WIDTH, HEIGHT);
  const pending = new Set<Promise<void>>();
  for (const fig of figures) {
    while (pending.size >= IN_FLIGHT) await Promise.race(pending);
    const canvas = free.pop()!;
    fill(fig, words);
    canvas.getContext('2d').putImageData(image, 0, 0);
    const done: Promise<void> = new Promise<Buffer>((resolve, reject) =>
      canvas.toBuffer((err, bytes) => (err ? reject(err) : resolve(bytes)), 'image/png', { compressionLevel: 6, filters: Canvas.PNG_FILTER_NONE }),
    ).then((bytes) => {
      fs.writeFileSync(path.join(out, `${fig.name}.png`), bytes);
      free.push(canvas);
      pending.delete(done);
    });
    pending.add(done);
  }
  await Promise.all(pending);
}

await main();
