import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, cliJson, hashes, readJson, tempDir, withFixtures, writeJson } from './helpers.js';

/** A folder with the basic fixtures rendered into out/, copied fresh for each test. */
let template: string;
beforeAll(() => {
  template = withFixtures(tempDir('check-template'), 'basic');
  expect(cli(['render', 'configs', '--out', 'out'], template).code).toBe(0);
});
function fresh(): string {
  const dir = tempDir('check');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}
const mtimes = (dir: string) => fs.readdirSync(dir).sort().map((n) => [n, fs.statSync(path.join(dir, n)).mtimeMs]);

describe('actiplot check', () => {
  it('exits 0 when everything is current, and writes nothing', () => {
    const dir = fresh();
    const before = mtimes(path.join(dir, 'out'));
    const r = cli(['check', 'configs', '--out', 'out'], dir);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/4 figures current in out/);
    expect(mtimes(path.join(dir, 'out'))).toEqual(before);
  });

  it('finds missing, stale and extra files, exits 1 and says how to fix it; writes nothing', () => {
    const dir = fresh();
    const out = path.join(dir, 'out');
    fs.rmSync(path.join(out, 'relu-line.png')); // missing
    const lines = path.join(dir, 'configs/basic/lines.json');
    const cfg = readJson(lines);
    cfg.figures[1].title = 'Step, retitled'; // stale: config changed
    cfg.figures.push({ name: 'brand-new', kind: 'line', width: 200, height: 150, series: [{ activation: 'relu' }] }); // missing: never rendered
    writeJson(lines, cfg);
    fs.appendFileSync(path.join(out, 'relu-contour.png'), 'x'); // stale: edited by hand
    const contours = path.join(dir, 'configs/basic/contours.json');
    const c2 = readJson(contours);
    c2.figures.pop(); // extra: figure removed
    writeJson(contours, c2);
    fs.writeFileSync(path.join(out, 'stray.svg'), '<svg/>'); // extra: not ours
    fs.writeFileSync(path.join(out, '.relu-line.png.99999999.0.actiplot-tmp'), 'half'); // extra: leftover
    const before = mtimes(out);

    const r = cliJson(['check', 'configs', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    const paths = (k: string) => r.json[k].map((i: { path: string }) => i.path);
    expect(paths('missing')).toEqual(['brand-new', path.join('out', 'relu-line.png')]);
    expect(paths('stale')).toEqual([path.join('out', 'relu-contour.png'), path.join('out', 'step-line.png')]);
    expect(r.json.stale.map((i: { reason: string }) => i.reason)).toEqual(['the file was changed after actiplot wrote it', 'its config changed since it was rendered']);
    expect(paths('extra')).toEqual([path.join('out', '.relu-line.png.99999999.0.actiplot-tmp'), path.join('out', 'step-contour.png'), path.join('out', 'stray.svg')]);
    expect(r.json).toMatchObject({ ok: false, total: 4, current: 0 });
    expect(mtimes(out)).toEqual(before);

    const text = cli(['check', 'configs', '--out', 'out'], dir);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`stale   ${path.join('out', 'step-line.png')} (step-line, from ${path.join('configs', 'basic', 'lines.json')}): its config changed since it was rendered`);
    expect(text.err).toMatch(/out is out of date: 2 missing, 2 stale, 3 extra; run "actiplot render configs --out out --prune"/);

    // A render (with --prune) makes it current again.
    expect(cli(['render', 'configs', '--out', 'out', '--prune'], dir).code).toBe(0);
    fs.rmSync(path.join(out, 'stray.svg'));
    const again = cli(['check', 'configs', '--out', 'out'], dir);
    expect(again.code, again.out).toBe(0);
  });

  it('a figure rendered by another actiplot version or with other fonts is stale; so is a hand-edited manifest or gallery', () => {
    const dir = fresh();
    const mf = path.join(dir, 'out/manifest.json');
    const m = readJson(mf);
    writeJson(mf, { ...m, actiplot: '0.0.1', figures: m.figures.map((f: any) => ({ ...f, inputHash: '0'.repeat(64) })) });
    const r = cliJson(['check', 'configs', '--out', 'out'], dir);
    expect(r.json.stale).toHaveLength(4);
    expect(r.json.stale[0].reason).toMatch(/rendered by actiplot 0\.0\.1; this is /);

    const d2 = fresh();
    fs.appendFileSync(path.join(d2, 'out/index.html'), '<!-- edited -->');
    const g = cliJson(['check', 'configs', '--out', 'out'], d2);
    expect(g.code).toBe(1);
    expect(g.json.stale.map((i: { path: string }) => i.path)).toEqual([path.join('out', 'index.html')]);
    expect(cli(['check', 'configs', '--out', 'out', '--no-gallery'], d2).code).toBe(0);
  });

  it('an empty or absent output folder: every figure is missing', () => {
    const dir = fresh();
    const r = cliJson(['check', 'configs', '--out', 'nothing-here'], dir);
    expect(r.code).toBe(1);
    expect(r.json.missing).toHaveLength(4);
    expect(fs.existsSync(path.join(dir, 'nothing-here'))).toBe(false);
  });

  it('--summary writes a Markdown table of the problems', () => {
    const dir = fresh();
    fs.rmSync(path.join(dir, 'out/step-line.png'));
    const r = cli(['check', 'configs', '--out', 'out', '--summary', 'summary.md', '--quiet'], dir);
    expect(r.code).toBe(1);
    const md = fs.readFileSync(path.join(dir, 'summary.md'), 'utf8');
    expect(md).toMatch(/^### actiplot check: out is out of date \(1 problem\)/);
    expect(md).toContain(`| missing | \`${path.join('out', 'step-line.png')}\` | \`${path.join('configs', 'basic', 'lines.json')}\` | the file is not there |`);
    expect(hashes(path.join(dir, 'out'))).not.toHaveProperty('summary.md');
  });
});
