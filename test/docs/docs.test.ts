import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check } from '../helpers.js';
import { plan } from '../../src/pipeline/plan.js';
import { fileSchema } from '../../src/config/schema.js';

const ROOT = path.resolve(__dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const PAGES = ['README.md', 'CONTRIBUTING.md', 'bench/README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
/** Pages other branches write (models from files, CI, limits); checked once they are here. */
const OTHERS = new Set(['docs/models.md', 'docs/ci.md', 'docs/limits.md']);

function runScript(script: string, args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** The ```json blocks of a Markdown page that are figure configs. */
function configBlocks(page: string): unknown[] {
  return [...read(page).matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((t) => /"name"/.test(t) && /"kind"/.test(t))
    .map((t) => JSON.parse(t));
}

/** A resolved figure without the "$schema" pointers (which only editors read). */
const bare = (fig: unknown) => JSON.parse(JSON.stringify(fig, (k, v) => (k === '$schema' ? undefined : v)));
const committed = new Map(plan(['configs']).jobs.map((j) => [j.figure.name, bare(j.figure)]));

describe('generated reference pages', () => {
  for (const [script, page] of [['scripts/config-docs.mjs', 'docs/config.md'], ['scripts/cli-docs.mjs', 'docs/cli.md']]) {
    it(`${page} is what ${script} writes (run "npm run docs" when this fails)`, () => {
      const r = runScript(script, ['--check']);
      expect(r.status, r.stderr).toBe(0);
    });

    it(`${script} --check fails on a stale copy`, () => {
      const stale = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-docs-')), path.basename(page));
      fs.writeFileSync(stale, read(page).replace(/\| `[a-z]+` \|/, '| `renamed` |').replace('## render', '## rendr'));
      const r = runScript(script, ['--check', '--out', stale]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/is stale: run "npm run docs"/);
    });
  }

  it('config.md lists every key of every figure kind, with its description', () => {
    const text = read('docs/config.md');
    const kinds = (fileSchema.else as unknown as { oneOf: { properties: Record<string, { description?: string }> }[] }).oneOf;
    for (const kind of kinds) {
      for (const [key, s] of Object.entries(kind.properties)) {
        expect(text, key).toContain(`| \`${key}\` |`);
        expect(s.description, `${key} has a description in the schema`).toBeTruthy();
      }
    }
  });

  it("the schema's default annotations are the defaults actiplot applies", () => {
    const one = (config: object) => check(config).figures[0].figure as any;
    const line = one({ name: 'l', kind: 'line', series: [{ activation: 'relu' }] });
    const contour = one({ name: 'c', kind: 'contour', perceptron: { weights: [1, 2], activation: 'relu' }, boundary: true, points: [{ at: [0, 0] }] });
    const sweep = one({ name: 's', kind: 'contour', perceptron: { weights: [1, 2], activation: 'relu' }, sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: 10 } });
    const schema = JSON.parse(JSON.stringify(fileSchema));
    const [lineS, contourS] = schema.else.oneOf;
    const $defs = schema.else.$defs ?? {};
    const deref = (s: any): any => (s?.$ref ? deref($defs[s.$ref.replace('#/$defs/', '')]) : s);
    const d = (s: any) => deref(s).default;
    expect([d(lineS.properties.width), d(lineS.properties.height), d(lineS.properties.scale), d(lineS.properties.format), d(lineS.properties.grid)]).toEqual([line.width, line.height, line.scale, line.format, line.grid]);
    const series = deref(deref(lineS.properties.series).items).properties;
    expect([d(series.weights), d(series.bias), d(series.derivative), d(series.jumps)]).toEqual([line.series[0].weights, line.series[0].bias, line.series[0].derivative, line.series[0].jumps]);
    expect([d(contourS.properties.levels), d(contourS.properties.colormap), d(contourS.properties.alpha), d(contourS.properties.neurons), d(contourS.properties.colorbar)]).toEqual([contour.levels, contour.colormap, contour.alpha, contour.neurons, contour.colorbar.show]);
    expect(d(deref(contourS.properties.perceptron).properties.bias)).toBe(contour.perceptron.bias);
    // A figure of the defaults leaves view and sampling out (so the seed's figures hash as before).
    expect([d(contourS.properties.view), d(contourS.properties.sampling)]).toEqual([contour.view ?? 'output', contour.sampling ?? 'grid']);
    const boundary = deref(deref(contourS.properties.boundary).anyOf[1]).properties;
    expect([d(boundary.color), d(boundary.dash), d(boundary.width) * (100 / 72)]).toEqual([contour.boundary.color, contour.boundary.dash, contour.boundary.width]);
    expect(d(deref(contourS.properties.boundary))).toBe(false);
    expect(d(deref(deref(contourS.properties.points).items).properties.color)).toBe(contour.points[0].color);
    const sw = deref(contourS.properties.sweep).properties;
    expect([d(sw.fps), d(sw.sheet)]).toEqual([sweep.sweep.fps, sweep.sweep.sheet]);
  });
});

describe('the README and the docs', () => {
  it('the README is one screen: well under 200 lines, no words from inside the project', () => {
    const text = read('README.md');
    expect(text.split('\n').length).toBeLessThan(120);
    expect(text).not.toMatch(/\bseed\b|issue \d|#\d{2,}/i);
  });

  it("the README's figure is a figure of configs/, with its picture, and the count of committed figures is right", () => {
    const [config] = configBlocks('README.md') as { name: string }[];
    const r = check(config);
    expect(r.errors.map((e) => e.message)).toEqual([]);
    expect(bare(r.figures[0].figure)).toEqual(committed.get(config.name));
    expect(read('README.md')).toContain(`](output/${config.name}.png)`);
    expect(fs.existsSync(path.join(ROOT, `output/${config.name}.png`))).toBe(true);
    const manifest = JSON.parse(read('output/manifest.json'));
    expect(read('README.md')).toContain(`0 figures written, 0 failed, ${manifest.figures.length} up to date`);
    expect(read('README.md')).toContain('npm run setup && npm run render\nnpm test\n');
  });

  it('every config in the guide is valid, and those named like a figure of configs/ are that figure', () => {
    const blocks = configBlocks('docs/guide.md') as { name: string }[];
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const kinds = new Set<string>();
    for (const config of blocks) {
      const r = check(config);
      expect(r.errors.map((e) => e.message), config.name).toEqual([]);
      const fig = r.figures[0].figure as any;
      kinds.add(fig.sweep ? 'sweep' : fig.network ? 'network' : fig.kind === 'panels' && fig.panels[0]?.network ? 'network' : fig.kind);
      if (committed.has(config.name)) expect(bare(fig), config.name).toEqual(committed.get(config.name));
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['contour', 'line', 'network', 'panels', 'sweep']));
  });

  it('every relative link of every page points at a file that exists', () => {
    const missing: string[] = [];
    for (const page of PAGES) {
      for (const m of read(page).matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].split('#')[0];
        if (!target || /^[a-z]+:/.test(target)) continue;
        const file = path.normalize(path.join(path.dirname(page), target));
        if (OTHERS.has(file) && !fs.existsSync(path.join(ROOT, file))) continue;
        if (!fs.existsSync(path.join(ROOT, file))) missing.push(`${page}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every "npm run <script>" the pages mention is a script of package.json', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts);
    const named = PAGES.flatMap((page) => [...read(page).matchAll(/npm run ([\w:-]+)/g)].map((m) => `${page}: ${m[1]}`));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((n) => !scripts.includes(n.split(': ')[1]))).toEqual([]);
  });

  it('the docs index links every page of docs/', () => {
    const index = read('docs/README.md');
    for (const page of fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      expect(index, page).toContain(`(${page})`);
    }
    for (const page of OTHERS) expect(index).toContain(`(${path.basename(page)})`);
  });
});

describe('set-up', () => {
  const packages = (...args: string[]) => {
    const env = { ...process.env };
    delete env.ACTIPLOT_CHROMIUM;
    const r = spawnSync('bash', [path.join(ROOT, 'scripts/setup.sh'), ...args, '--list'], { encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout.trim().split(/\s+/);
  };

  it('npm run setup installs what users need; the packages only the tests need come with setup --test', () => {
    const user = packages();
    expect(user).toEqual(expect.arrayContaining(['libcairo2-dev', 'libpango1.0-dev']));
    expect(user).not.toContain('fonts-noto-cjk'); // the fonts ship with the npm package
    expect(user).not.toContain('chromium');
    expect(user).not.toContain('poppler-utils');
    expect(packages('--test').sort()).toEqual(['chromium', 'poppler-utils']);
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.scripts.setup).toBe('bash scripts/setup.sh');
    expect(pkg.scripts.pretest).toMatch(/^bash scripts\/setup\.sh --test && /);
    expect(read('.ci/run')).toMatch(/npm run setup:test\n[\s\S]*npm test/);
  });
});
