/**
 * Property tests over the large input spaces of issue 13 (seeded, so a failure replays): sweep
 * paths, keys that reach prototypes at any depth, numbers at the edges of every limit and budget,
 * and file kinds. The answer is always a figure or ConfigErrors of one line; never another
 * exception, never a key on Object.prototype, never a limit passed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/validate.js';
import { ConfigError } from '../../src/config/messages.js';
import { sweepFrames } from '../../src/config/sweep.js';
import { BUDGETS, LIMITS } from '../../src/config/limits.js';
import { loadFile } from '../../src/pipeline/plan.js';
import { readBounded, ReadRefusal } from '../../src/config/read-bounded.js';
import { tempDir } from './corpus.js';

const SEED = 1313;
const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const PROTO = protoKeys();

function validate(value: unknown): { ok: boolean; errors: string[]; figures: ReturnType<typeof validateConfig>['figures'] } {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  let v;
  try {
    v = validateConfig(parseConfigText('p.json', Buffer.from(text)));
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, errors: [err.message], figures: [] };
    throw err;
  }
  for (const e of v.errors) {
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).not.toContain('\n');
  }
  expect(protoKeys()).toBe(PROTO);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return { ok: v.errors.length === 0, errors: v.errors.map((e) => e.message), figures: v.figures };
}

const base = {
  name: 'p', kind: 'contour', width: 200, height: 150, levels: 5,
  x: { range: [-5, 5], samples: 11, label: 'x' }, y: { range: [-5, 5], samples: 11 },
  perceptron: { weights: [1, 2], bias: -1, activation: { name: 'leaky_relu', slope: 0.1 } },
  colorbar: { ticks: 1 }, boundary: { width: 2 },
};
const line = {
  name: 'p', kind: 'line', width: 200, height: 150, x: { range: [-2, 2], samples: 11 },
  series: [{ activation: 'relu', weights: [1], bias: 0 }, { network: { layers: [{ weights: [[1], [2]], biases: [0, 1], activation: 'tanh' }, { weights: [[1, -1]], biases: [0], activation: 'identity' }] } }],
};

const SEGMENTS = [
  '__proto__', 'constructor', 'prototype', 'length', 'toString', 'hasOwnProperty', 'valueOf', '',
  'perceptron', 'weights', 'bias', 'activation', 'slope', 'name', 'x', 'y', 'range', 'samples', 'step', 'label',
  'levels', 'alpha', 'width', 'height', 'scale', 'colorbar', 'ticks', 'boundary', 'series', 'network', 'layers', 'biases', 'sweep', 'frames',
  '0', '1', '2', '01', '-1', '1e0',
];
const segment = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...SEGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });

describe('sweep paths', () => {
  it('any path: a ConfigError, or a path to a number the figure has, whose every frame resolves with that value', () => {
    fc.assert(
      fc.property(fc.constantFrom(base, line), fc.array(segment, { minLength: 1, maxLength: 6 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (fig, segs, from, to) => {
        const path = segs.join('.');
        const r = validate({ ...fig, sweep: { path, from, to, frames: 3, sheet: 0 } });
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          return;
        }
        expect(segs.some((s) => ['__proto__', 'constructor', 'prototype'].includes(s))).toBe(false);
        const resolved = r.figures[0].figure;
        const frames = sweepFrames(resolved);
        expect(frames).toHaveLength(3);
        // The swept key is real: each frame's config has the frame's value at the path.
        // The swept key is real: every container on the way is an own property of the config,
        // and the last key is an index the list has, or a key of an object.
        let node: unknown = resolved.sweep!.base;
        for (const s of resolved.sweep!.path.slice(0, -1)) {
          expect(Object.hasOwn(node as object, s), path).toBe(true);
          node = (node as Record<string | number, unknown>)[s];
        }
        const last = resolved.sweep!.path.at(-1)!;
        if (Array.isArray(node)) expect(Object.hasOwn(node, last), path).toBe(true);
        else expect(typeof last, path).toBe('string');
        for (const f of frames) expect(f.name).toBe('p');
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('a path that names a number is accepted, and its frames carry the values', () => {
    for (const [fig, p] of [[base, 'perceptron.bias'], [base, 'perceptron.weights.1'], [base, 'perceptron.activation.slope'], [base, 'x.range.0'], [base, 'alpha'], [base, 'colorbar.ticks'], [base, 'boundary.width'], [line, 'series.1.network.layers.0.weights.1.0'], [line, 'series.0.bias']] as const) {
      const r = validate({ ...fig, sweep: { path: p, from: 0.1, to: 0.5, frames: 3, sheet: 0 } });
      expect(r.errors, p).toEqual([]);
    }
  });
});

describe('keys that reach prototypes, at any depth', () => {
  const places = ['', '/perceptron', '/perceptron/activation', '/x', '/colorbar', '/boundary', '/sweep'];
  it('a "__proto__", "constructor" or "prototype" key anywhere is an error or ignored, and pollutes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...places), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }), (at, key, value) => {
        const fig = structuredClone({ ...base, sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: 2, sheet: 0 } }) as Record<string, unknown>;
        let node = fig;
        for (const s of at.split('/').filter(Boolean)) node = node[s] as Record<string, unknown>;
        const text = JSON.stringify(fig).replace(JSON.stringify(node), JSON.stringify(node).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify({ polluted: value })},`));
        const r = validate(text);
        expect(r.ok).toBe(false);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

/** A config at `v` for one limit, and whether it must be accepted. */
type Edge = { name: string; limit: number; make: (v: number) => unknown; lo?: number };

const panel = { kind: 'line', x: { range: [-1, 1], samples: 3 }, series: [{ activation: 'relu' }] };
const EDGES: Edge[] = [
  { name: 'width', limit: LIMITS.pixels, make: (v) => ({ ...line, width: v, height: 100 }) },
  { name: 'levels', limit: LIMITS.levels, make: (v) => ({ ...base, levels: v }) },
  { name: 'frames', limit: LIMITS.frames, make: (v) => ({ ...base, width: 100, height: 100, sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: v, sheet: 0 } }) },
  { name: 'title characters', limit: LIMITS.textChars, make: (v) => ({ ...line, title: 'x'.repeat(v) }) },
  { name: 'axis label characters', limit: LIMITS.textChars, make: (v) => ({ ...base, x: { ...base.x, label: 'é'.repeat(v) } }) },
  { name: 'series', limit: LIMITS.series, make: (v) => ({ ...line, series: Array(v).fill({ activation: 'relu' }) }) },
  { name: 'panels', limit: LIMITS.panels, make: (v) => ({ name: 'p', kind: 'panels', panels: Array(v).fill(panel) }) },
  {
    name: 'hidden-neuron panels (hidden neurons + 1)', limit: LIMITS.panels, lo: 2,
    make: (v) => ({ ...base, perceptron: undefined, neurons: true, network: { layers: [{ weights: Array(v - 1).fill([1, 1]), biases: Array(v - 1).fill(0), activation: 'relu' }, { weights: [Array(v - 1).fill(1)], biases: [0], activation: 'identity' }] } }),
  },
  { name: 'grid points', limit: LIMITS.gridPoints, make: (v) => ({ ...base, x: { range: [0, 1], samples: v / 4000 }, y: { range: [0, 1], samples: 4000 } }), lo: 4000 * 3996 },
  { name: 'line samples', limit: LIMITS.samples, make: (v) => ({ ...line, x: { range: [0, 1], samples: v } }) },
  { name: 'image pixels (width × height × scale²)', limit: LIMITS.imagePixels, make: (v) => ({ ...line, width: 8000, height: 2000, scale: Math.sqrt(v / 16e6) }), lo: 63_999_000 },
  { name: 'network layers', limit: LIMITS.layers, make: (v) => ({ ...base, perceptron: undefined, network: { layers: [...Array(v - 1).fill({ weights: [[1, 1], [1, 1]], biases: [0, 0], activation: 'relu' }), { weights: [[1, 1]], biases: [0], activation: 'identity' }] } }), lo: 2 },
  { name: 'neurons in a layer', limit: LIMITS.neurons, make: (v) => ({ ...base, perceptron: undefined, network: { layers: [{ weights: Array(v).fill([1, 1]), biases: Array(v).fill(0), activation: 'relu' }, { weights: [Array(v).fill(1)], biases: [0], activation: 'identity' }] } }) },
  { name: 'figures in a file', limit: LIMITS.figures, make: (v) => ({ figures: Array.from({ length: v }, (_, i) => ({ ...line, name: `f${i}` })) }) },
  // Budgets: the counts docs/limits.md gives, reproduced here from the documented formulas.
  {
    name: 'grid points of all panels', limit: BUDGETS.gridPoints, lo: 31_988_000,
    make: (v) => {
      const grid = (n: number) => ({ ...base, name: undefined, width: undefined, height: undefined, x: { range: [0, 1], samples: 4000 }, y: { range: [0, 1], samples: n / 4000 } });
      return { name: 'p', kind: 'panels', panels: [grid(16e6), grid(12e6), grid(v - 28e6)] };
    },
  },
  { name: 'animation pixels', limit: BUDGETS.framePixels, make: (v) => ({ ...base, width: 1000, height: 1000, sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: v / 1e6, sheet: 0 } }), lo: 296e6 },
  { name: 'vector bands', limit: BUDGETS.vectorBands, make: (v) => ({ ...base, format: 'svg', levels: 500, x: { range: [0, 1], samples: 1000 }, y: { range: [0, 1], samples: v / 500 / 1000 } }), lo: 49_500_000 },
];

describe('numbers at the edges of every limit and budget', () => {
  for (const e of EDGES) {
    it(`${e.name}: accepted up to ${e.limit}, refused past it with the number in the message`, () => {
      const step = { 'grid points': 4000, 'grid points of all panels': 4000, 'animation pixels': 1e6, 'vector bands': 500_000, 'image pixels (width × height × scale²)': 160_000 }[e.name] ?? 1;
      fc.assert(
        fc.property(fc.integer({ min: -3, max: 3 }), (k) => {
          const v = e.limit + k * step;
          if (v < (e.lo ?? 1)) return;
          const r = validate(e.make(v));
          if (v <= e.limit) expect(r.errors, `${e.name} = ${v}`).toEqual([]);
          else {
            expect(r.ok, `${e.name} = ${v}`).toBe(false);
            expect(r.errors.join('\n'), `${e.name} = ${v}`).toMatch(new RegExp(`${e.limit}|${e.limit.toExponential(2).replace('e+', 'e').replace('.', '\\.')}`));
          }
        }),
        { seed: SEED, numRuns: 7 },
      );
    });
  }

  it('JSON nesting: up to 64 levels parse, past them one line before parsing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 70 }), (v) => {
        const r = validate(`{"name":"p","kind":"line","series":[{"activation":"relu"}],"title":${'['.repeat(v - 1)}${']'.repeat(v - 1)}}`);
        expect(r.ok).toBe(false);
        if (v <= LIMITS.nesting) expect(r.errors.join('\n')).toMatch(/title: expected a string/);
        else expect(r.errors).toEqual([`p.json: JSON nested ${v} levels deep; the limit is ${LIMITS.nesting}`]);
      }),
      { seed: SEED, numRuns: 11 },
    );
  });

  it('work: a network contour is accepted exactly when points × (Σ per neuron: inputs + 2) is within the budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4000 }), fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 3 }), (n, width, depth) => {
        const layers = [{ weights: Array(width).fill(Array(2).fill(0.1)), biases: Array(width).fill(0), activation: 'relu' }];
        for (let d = 1; d < depth; d++) layers.push({ weights: Array(width).fill(Array(width).fill(0.01)), biases: Array(width).fill(0), activation: 'relu' });
        layers.push({ weights: [Array(width).fill(0.01)], biases: [0], activation: 'identity' });
        const ops = width * (2 + 2) + (depth - 1) * width * (width + 2) + (width + 2);
        const r = validate({ ...base, perceptron: undefined, network: { layers }, x: { range: [0, 1], samples: n }, y: { range: [0, 1], samples: n } });
        const within = n * n * ops <= BUDGETS.work;
        expect(r.ok, `${n}² × ${ops}`).toBe(within);
        if (!within) expect(r.errors[0]).toMatch(/over the work budget .*\d+(\.\d+)?× over/);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});

describe('colours', () => {
  it('an accepted colour is plain CSS: no quote, bracket or ampersand reaches an SVG attribute', () => {
    const injected = fc.tuple(fc.constantFrom('red', '#fff', 'rgb(1,2,3)', ''), fc.constantFrom('"', "'", '<', '>', '&', '" onload="x', '/>'), fc.string({ maxLength: 8 })).map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 20 }), injected, fc.constantFrom('red', 'tomato', '#1f77b4', 'hsl(1, 2%, 3%)', 'rgba(1, 2, 3, 0.5)')), (color) => {
        const r = validate({ ...line, series: [{ activation: 'relu', color }] });
        if (r.ok) expect(color).toMatch(/^[#a-z0-9(),.%\s+-]+$/i);
        else expect(r.errors[0]).toMatch(/series\[0\]\.color: expected a CSS colour/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('file kinds', () => {
  const dir = tempDir('kinds');
  const makers: Record<string, (f: string) => RegExp | null> = {
    regular: (f) => (fs.writeFileSync(f, JSON.stringify(line)), null),
    empty: (f) => (fs.writeFileSync(f, ''), /the file is empty/),
    fifo: (f) => (spawnSync('mkfifo', [f]), /is a FIFO \(named pipe\), not a regular file/),
    folder: (f) => (fs.mkdirSync(f), /is a folder, not a regular file/),
    'link to /dev/zero': (f) => (fs.symlinkSync('/dev/zero', f), /is a character device, not a regular file/),
    'link to /dev/null': (f) => (fs.symlinkSync('/dev/null', f), /is a character device, not a regular file/),
    'sparse, past the limit': (f) => (fs.writeFileSync(f, ''), fs.truncateSync(f, LIMITS.configBytes + 1), /file is 1048577 bytes; the limit is 1048576/),
    'at the limit': (f) => (fs.writeFileSync(f, JSON.stringify(line).padEnd(LIMITS.configBytes, ' ')), null),
    'dangling link': (f) => (fs.symlinkSync(path.join(dir, 'nowhere'), f), /cannot read the file \(ENOENT\)/),
    unreadable: (f) => (fs.writeFileSync(f, '{}'), fs.chmodSync(f, 0), process.getuid?.() === 0 ? /expected a figure|missing required key|figure object/ : /cannot read the file \(EACCES\)/),
  };
  it('every kind of file gives a figure or one line naming the file, without blocking', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(makers)), (kind) => {
        const f = path.join(dir, `${n++}-${kind.replace(/\W+/g, '-')}.json`);
        const want = makers[kind](f);
        const r = loadFile(f);
        if (want === null) {
          expect(r.errors.map((e) => e.message), kind).toEqual([]);
          expect(r.jobs).toHaveLength(1);
        } else {
          expect(r.errors, kind).toHaveLength(1);
          expect(r.errors[0].message.startsWith(f), kind).toBe(true);
          expect(r.errors[0].message, kind).toMatch(want);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('readBounded(file, limit) never returns more than limit bytes, whatever the size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (size, limit) => {
        const f = path.join(dir, `rb-${size}-${limit}`);
        fs.writeFileSync(f, Buffer.alloc(size, 7));
        if (size <= limit) expect(readBounded(f, limit).length).toBe(size);
        else expect(() => readBounded(f, limit)).toThrow(ReadRefusal);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
