/**
 * Hostile input, generated: whatever bytes or JSON reach the loader, the answer is a figure or a
 * ConfigError — never another exception, a hang or a crash. Seeded, so a failure replays.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PNG } from 'pngjs';
import { parseConfigText } from '../../src/config/load.js';
import { validateConfig } from '../../src/config/validate.js';
import { ConfigError } from '../../src/config/messages.js';
import { contour, line, renderAny } from '../helpers.js';

/** Loads and validates; returns 'ok', 'error' (ConfigErrors only) or throws anything else. */
function outcome(bytes: Uint8Array): 'ok' | 'error' {
  try {
    const v = validateConfig(parseConfigText('fuzz.json', bytes));
    for (const e of v.errors) if (!(e instanceof ConfigError) || e.message.includes('\n')) throw new Error(`bad error: ${e.message}`);
    return v.errors.length ? 'error' : 'ok';
  } catch (err) {
    if (err instanceof ConfigError && !err.message.includes('\n')) return 'error';
    throw err;
  }
}

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/** Replaces the value at a random path of `base` with `value`. */
function mutate(base: unknown, pathPick: number[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node: unknown = copy;
  for (let d = 0; d < pathPick.length; d++) {
    if (!node || typeof node !== 'object') break;
    const keys = Object.keys(node as object);
    if (keys.length === 0) break;
    const key = keys[pathPick[d] % keys.length];
    const child = (node as Record<string, unknown>)[key];
    if (d === pathPick.length - 1 || !child || typeof child !== 'object') {
      (node as Record<string, unknown>)[key] = value;
      break;
    }
    node = child;
  }
  return copy;
}

const seeds = [
  contour({ title: 'T', boundary: { label: true }, colorbar: { ticks: 5 }, x: { range: [-5, 5], step: 0.5 }, y: { range: [-5, 5], samples: 21 } }),
  line({ series: [{ activation: 'step', label: 'S', jumps: 'markers' }, { activation: 'relu', derivative: true }], y: { range: [-1, 2] } }),
  { name: 'p', kind: 'panels', columns: 2, panels: [{ kind: 'contour', perceptron: { weights: [1, 2], activation: 'relu' }, levels: [0, 1, 2] }, { kind: 'line', series: [{ activation: 'relu' }] }] },
];

describe('the loader under hostile input (fast-check, seeded)', () => {
  it('any JSON value gives a figure or a ConfigError', async () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => ['ok', 'error'].includes(outcome(enc(v)))), { seed: 1, numRuns: 500 });
  });
  it('any bytes give a figure or a ConfigError', async () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => ['ok', 'error'].includes(outcome(b))), { seed: 2, numRuns: 500 });
  });
  it('a valid config with one value replaced by anything gives a figure or a ConfigError', async () => {
    const anyValue = fc.oneof(fc.jsonValue(), fc.constantFrom(1e308, -1e308, 0, -0, 1e-300, 1e12, -1, '', '../x', 'NaN', [], {}, null));
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), anyValue, (seed, pick, value) =>
        ['ok', 'error'].includes(outcome(enc(mutate(seed, pick, value))))),
      { seed: 3, numRuns: 1500 },
    );
  });
  it('a valid config cut short anywhere gives a ConfigError with a position', async () => {
    const text = JSON.stringify(seeds[0], null, 2);
    for (let cut = 0; cut < text.length - 1; cut += 7) {
      expect(outcome(new TextEncoder().encode(text.slice(0, cut)))).toBe('error');
    }
  });
});

describe('random valid configs render (fast-check, seeded)', () => {
  const activation = fc.constantFrom('relu', 'step');
  const size = fc.integer({ min: 100, max: 260 });
  const range = fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true })).map(([a, w]) => [a, a + w]);
  const lineFig = fc.record({
    name: fc.constant('l'), kind: fc.constant('line'), width: size, height: size,
    x: fc.record({ range, samples: fc.integer({ min: 2, max: 400 }) }),
    series: fc.array(fc.record({ activation, weights: fc.tuple(fc.double({ min: -10, max: 10, noNaN: true })), bias: fc.double({ min: -10, max: 10, noNaN: true }), derivative: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    grid: fc.boolean(), legend: fc.boolean(),
  });
  const contourFig = fc.record({
    name: fc.constant('c'), kind: fc.constant('contour'), width: size, height: size,
    x: fc.record({ range, samples: fc.integer({ min: 2, max: 40 }) }), y: fc.record({ range, samples: fc.integer({ min: 2, max: 40 }) }),
    perceptron: fc.record({ weights: fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })), bias: fc.double({ min: -100, max: 100, noNaN: true }), activation }),
    levels: fc.integer({ min: 2, max: 30 }), alpha: fc.double({ min: 0, max: 1, noNaN: true }), boundary: fc.boolean(),
  });
  it('always a PNG of the configured size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(lineFig, contourFig), async (config) => {
        const v = validateConfig(parseConfigText('r.json', enc(config)));
        expect(v.errors.map((e) => e.message)).toEqual([]);
        const png = PNG.sync.read((await renderAny(v.figures[0].figure)).bytes);
        return png.width === config.width && png.height === config.height;
      }),
      { seed: 4, numRuns: 40 },
    );
  });
});

describe('the CLI under random bytes', () => {
  it('never crashes: every bad file gets one line, exit 1, no stack trace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-fuzz-'));
    const files = fc.sample(fc.uint8Array({ minLength: 0, maxLength: 200 }), { seed: 5, numRuns: 20 });
    files.forEach((b, i) => fs.writeFileSync(path.join(dir, `f${i}.json`), b));
    const r = spawnSync(process.execPath, [path.resolve('bin/actiplot.js'), 'render', dir, '--out', path.join(dir, 'out')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    const errorLines = r.stderr.split('\n').filter((l) => l.includes(dir));
    expect(errorLines.length).toBeGreaterThanOrEqual(20);
  });
});
