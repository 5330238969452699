import { beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { hashes, readJson, tempDir, withFixtures, writeJson } from './helpers.js';
import { sha256 } from '../../src/pipeline/hash.js';
import { LIMITS } from '../../src/config/limits.js';

// Counts the plans a run makes: a run found up to date from its files plans nothing.
const plans = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/pipeline/plan.js', async (load) => {
  const real = await load<typeof import('../../src/pipeline/plan.js')>();
  return { ...real, plan: (...args: Parameters<typeof real.plan>) => (plans.count++, real.plan(...args)) };
});
const { render } = await import('../../src/pipeline/run.js');

/** A render of `dir`'s configs into its out/, in this process: its result, its report lines and whether it planned. */
async function run(dir: string, opts: { overrides?: { format?: 'png' | 'svg' | 'pdf'; themes?: ('light' | 'dark')[] }; prune?: boolean } = {}) {
  const lines: string[] = [];
  const before = plans.count;
  const r = await render({ paths: [path.join(dir, 'configs')], out: path.join(dir, 'out'), jobs: 1, log: (l) => lines.push(l), error: (l) => lines.push(l), ...opts });
  return { r, lines, planned: plans.count > before, written: r.written.map((w) => w.name).sort() };
}

/** A contour with data points from a CSV file beside its config. */
function withDataFigure(dir: string): void {
  fs.mkdirSync(path.join(dir, 'configs/data'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'configs/data/points.csv'), 'a,b\n1,2\n-1,0.5\n');
  writeJson(path.join(dir, 'configs/data/points.json'), {
    name: 'points', kind: 'contour', width: 200, height: 150,
    perceptron: { weights: [1, 1], bias: 0, activation: 'step' },
    data: { file: 'points.csv', x: 'a', y: 'b' },
  });
}

describe('render: a run with nothing to do is known from its files, without planning', () => {
  let dir: string;
  beforeEach(async () => {
    dir = withFixtures(tempDir('unchanged'), 'basic', 'more');
    withDataFigure(dir);
    const first = await run(dir);
    expect(first.r.failed).toEqual([]);
    expect(first.planned).toBe(true);
    expect(first.written).toHaveLength(8);
  });

  it('plans nothing, writes nothing, and says what a planned run of the same folder says, in the same order', async () => {
    const before = hashes(path.join(dir, 'out'));
    const fast = await run(dir);
    expect(fast.planned).toBe(false);
    expect(fast.written).toEqual([]);
    expect(fast.r.figures.map((f) => f.status)).toEqual(Array(8).fill('skipped'));
    expect(hashes(path.join(dir, 'out'))).toEqual(before);
    // A manifest without the entries' sources (an older actiplot's) makes the run plan; it finds the same.
    const manifest = path.join(dir, 'out/manifest.json');
    const m = readJson(manifest);
    for (const e of m.figures) delete e.source;
    fs.writeFileSync(manifest, `${JSON.stringify(m, null, 2)}\n`);
    const planned = await run(dir);
    expect(planned.planned).toBe(true);
    expect(planned.written).toEqual([]);
    expect(fast.lines).toEqual(planned.lines);
    expect(fast.r.figures).toEqual(planned.r.figures);
    expect(hashes(path.join(dir, 'out'))).toEqual(before); // the sources are back
    expect((await run(dir)).planned).toBe(false);
  });

  it('lists a sweep, its contact sheet and their --themes variants in the order a plan does', async () => {
    writeJson(path.join(dir, 'configs/sweep.json'), { figures: [
      { name: 'first', kind: 'line', width: 200, height: 150, series: [{ activation: 'relu' }] },
      { name: 'sweep', kind: 'line', width: 200, height: 150, format: 'gif', series: [{ activation: 'relu' }], sweep: { path: 'series.0.bias', from: -1, to: 1, frames: 3, sheet: 3 } },
    ] });
    const themes = { themes: ['light', 'dark'] as ('light' | 'dark')[] };
    const planned = await run(dir, { overrides: themes });
    expect(planned.planned).toBe(true);
    expect(planned.written).toEqual(expect.arrayContaining(['sweep', 'sweep-sheet', 'sweep-sheet.dark', 'sweep.dark']));
    const fast = await run(dir, { overrides: themes });
    expect(fast.planned).toBe(false);
    // The planned run's skipped lines are the order to match: render once more, planning, with nothing to redo.
    const manifest = path.join(dir, 'out/manifest.json');
    const m = readJson(manifest);
    for (const e of m.figures) delete e.source;
    fs.writeFileSync(manifest, `${JSON.stringify(m, null, 2)}
`);
    const replanned = await run(dir, { overrides: themes });
    expect(replanned.planned).toBe(true);
    expect(replanned.written).toEqual([]);
    expect(fast.lines).toEqual(replanned.lines);
    const shown = fast.lines.filter((l) => l.endsWith('sweep.json')).map((l) => path.basename(l.split(' ')[3]));
    expect(shown).toEqual(['first.png', 'first.dark.png', 'sweep.gif', 'sweep.dark.gif', 'sweep-sheet.png', 'sweep-sheet.dark.png']);
  });

  it('a config whose bytes changed is planned, and renders only what its figures changed', async () => {
    const file = path.join(dir, 'configs/basic/contours.json');
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}\n\n`); // the same figures
    const spaced = await run(dir);
    expect(spaced.planned).toBe(true);
    expect(spaced.written).toEqual([]);
    const cfg = readJson(file);
    cfg.figures[1].perceptron.bias = 7;
    writeJson(file, cfg);
    const edited = await run(dir);
    expect(edited.planned).toBe(true);
    expect(edited.written).toEqual(['step-contour']);
    expect((await run(dir)).planned).toBe(false);
  });

  it('a changed data file, a touched or missing output, an added or removed config each make the run plan', async () => {
    fs.appendFileSync(path.join(dir, 'configs/data/points.csv'), '2,2\n');
    expect((await run(dir)).written).toEqual(['points']);

    fs.appendFileSync(path.join(dir, 'out/relu-line.png'), 'x');
    expect((await run(dir)).written).toEqual(['relu-line']);
    fs.rmSync(path.join(dir, 'out/step-line.png'));
    expect((await run(dir)).written).toEqual(['step-line']);

    writeJson(path.join(dir, 'configs/extra.json'), { name: 'extra', kind: 'line', series: [{ activation: 'relu' }] });
    expect((await run(dir)).written).toEqual(['extra']);
    fs.rmSync(path.join(dir, 'configs/extra.json'));
    const removed = await run(dir);
    expect(removed.planned).toBe(true);
    expect(removed.r.orphans).toEqual([path.join(dir, 'out/extra.png')]);
    // The orphan stays in the manifest until --prune: every run plans, and says so again.
    expect((await run(dir)).r.orphans).toHaveLength(1);
    expect((await run(dir, { prune: true })).r.pruned).toEqual([path.join(dir, 'out/extra.png')]);
    expect((await run(dir)).planned).toBe(false);
  });

  it('other settings (--format) and SOURCE_DATE_EPOCH make the run plan', async () => {
    const svg = await run(dir, { overrides: { format: 'svg' } });
    expect(svg.planned).toBe(true);
    expect(svg.written.length).toBeGreaterThan(0);
    expect((await run(dir, { overrides: { format: 'svg' } })).planned).toBe(false);
    expect((await run(dir)).planned).toBe(true);
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    try {
      const dated = await run(dir);
      expect(dated.planned).toBe(true);
      expect(dated.written).toEqual(['step-pdf']); // only a PDF's bytes hold the date
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('reads nothing the manifest names outside a config\'s folder, or past a size limit: the run plans instead', async () => {
    // The manifest is the output folder's, so what it names is untrusted: a file outside the
    // config's folder with its real digest must not let the run skip planning.
    const outside = path.join(dir, 'outside.csv');
    fs.writeFileSync(outside, 'a,b\n1,2\n');
    const manifest = path.join(dir, 'out/manifest.json');
    const m = readJson(manifest);
    const points = m.figures.find((e: { name: string }) => e.name === 'points');
    const [shown] = Object.keys(points.models);
    points.models = { [path.join(path.dirname(shown), '..', '..', 'outside.csv')]: sha256(fs.readFileSync(outside)) };
    fs.writeFileSync(manifest, `${JSON.stringify(m, null, 2)}\n`);
    const r = await run(dir);
    expect(r.planned).toBe(true);
    expect(r.written).toEqual([]); // the figure itself did not change
    expect((await run(dir)).planned).toBe(false); // the plan wrote the manifest as it should be
    // A config over the size limit is read by no one: the plan reports it.
    fs.writeFileSync(path.join(dir, 'configs/basic/lines.json'), ' '.repeat(LIMITS.configBytes + 1));
    const big = await run(dir);
    expect(big.planned).toBe(true);
    expect(big.r.failed.join('\n')).toMatch(/lines\.json/);
  });

  it('a run after one with a failure plans again, and reports the error again', async () => {
    writeJson(path.join(dir, 'configs/bad.json'), { name: 'bad', kind: 'line', series: [{ activation: 'relux' }] });
    const failed = await run(dir);
    expect(failed.r.failed.join('\n')).toMatch(/bad\.json/);
    const again = await run(dir);
    expect(again.planned).toBe(true);
    expect(again.r.failed.join('\n')).toMatch(/bad\.json/);
    fs.rmSync(path.join(dir, 'configs/bad.json'));
    expect((await run(dir)).r.failed).toEqual([]);
    expect((await run(dir)).planned).toBe(false);
  });
});
