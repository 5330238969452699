/**
 * The package as a user gets it: `npm pack`, the tarball unpacked into a new project's
 * node_modules as npm installs it, and used there with `import`, `require`, `actiplot/remark` and
 * TypeScript. The tests run offline, so the package's dependencies are linked in from this
 * repository's node_modules: only the ones its package.json declares, so a missing declaration
 * fails here as it would for a user (a dependency's own dependencies resolve from where it lives).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../pipeline/helpers.js';

let project: string;
let packed: { files: string[]; pkg: { dependencies: Record<string, string>; peerDependencies: Record<string, string> } };

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function link(name: string) {
  const to = path.join(project, 'node_modules', name);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules', name), to, 'dir');
}

/** A script of the project, run with node; its stdout parsed as JSON. */
function script(name: string, source: string): any {
  fs.writeFileSync(path.join(project, name), source);
  const out = run(process.execPath, [name], project);
  return JSON.parse(out);
}

beforeAll(() => {
  const dir = tempDir('pack');
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], ROOT));
  project = path.join(dir, 'project');
  fs.mkdirSync(path.join(project, 'node_modules/actiplot'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'site', version: '1.0.0', private: true, type: 'commonjs' }));
  run('tar', ['xzf', path.join(dir, info.filename), '-C', path.join(project, 'node_modules/actiplot'), '--strip-components=1'], dir);
  const pkg = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/actiplot/package.json'), 'utf8'));
  packed = { files: info.files.map((f: { path: string }) => f.path), pkg };
  for (const name of Object.keys(pkg.dependencies)) link(name);
  // What the site itself installs to build its pages: unified and the remark/rehype plugins.
  for (const name of Object.keys(pkg.peerDependencies)) link(name);
  for (const name of ['remark-rehype', 'rehype-stringify']) link(name);
  fs.writeFileSync(path.join(project, 'relu.json'), fs.readFileSync(path.join(ROOT, 'configs/relu.json')));
  fs.cpSync(path.join(ROOT, 'configs'), path.join(project, 'configs'), { recursive: true });
}, 120_000);

/** The block of a docs page that starts with the comment `// <name>`, and the block of `lang` after it. */
function docsExample(page: string, name: string, lang: string): { code: string; after: string } {
  const text = fs.readFileSync(path.join(ROOT, page), 'utf8');
  const at = text.indexOf('```js\n// ' + name + '\n');
  expect(at, `${page} has the example ${name}`).toBeGreaterThanOrEqual(0);
  const code = text.slice(at + 6, text.indexOf('```', at + 6));
  const rest = text.slice(at + 6 + code.length);
  const open = rest.indexOf('```' + lang + '\n');
  return { code, after: rest.slice(open + lang.length + 4, rest.indexOf('```', open + 4)) };
}

/** A documented output with `…` standing for whatever a hash or a long text is. */
const shape = (doc: string) => new RegExp(`^${doc.trim().split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^"<>]*')}$`);

const CONFIG = `{ name: 'tiny', kind: 'line', width: 200, height: 150, series: [{ activation: 'relu' }] }`;
const canvasLoaded = `Object.keys(require.cache).some((k) => k.includes('/node_modules/canvas/'))`;

describe('the packed package, installed into a new project', () => {
  it('holds the built library, the remark plugin, the CLI, the schema and the fonts, and no sources or tests', () => {
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/remark/index.js', 'dist/remark/index.d.ts', 'bin/actiplot.js', 'schema/config.schema.json', 'fonts/fonts.conf']) {
      expect(packed.files, f).toContain(f);
    }
    expect(packed.files.filter((f) => /^(src|test|configs|output)\//.test(f))).toEqual([]);
  });

  it('works with import: renderFigure, validate and ConfigError, and loads no canvas until a figure is drawn', () => {
    const r = script('esm.mjs', `
      import { createRequire } from 'node:module';
      import { renderFigure, validate, ConfigError } from 'actiplot';
      const require = createRequire(import.meta.url);
      const where = require.resolve('actiplot');
      const before = ${canvasLoaded};
      const v = validate({ name: 'c', kind: 'contour', perceptron: { weights: [1], activation: 'relu' } });
      const out = await renderFigure(${CONFIG});
      const after = ${canvasLoaded};
      const err = await renderFigure({ name: 'x', kind: 'line', series: [{ activation: 'rleu' }] }).catch((e) => e);
      console.log(JSON.stringify({ where, before, after, format: out.format, size: [out.width, out.height], png: out.bytes.subarray(1, 4).toString(),
        alt: out.alt, errors: v.errors.map((e) => e.message), isConfigError: err instanceof ConfigError, path: err.path }));
    `);
    expect(r.where).toBe(path.join(fs.realpathSync(project), 'node_modules/actiplot/dist/index.js'));
    expect(r.before).toBe(false);
    expect(r.after).toBe(true);
    expect(r).toMatchObject({ format: 'png', size: [200, 150], png: 'PNG', isConfigError: true, path: 'series[0].activation' });
    expect(r.alt).toEqual(expect.any(String));
    expect(r.errors).toEqual(['config: perceptron.weights: expected 2 numbers for a contour (inputs x1 and x2), got 1']);
  });

  it('works with require, and its bytes are the ones import gives', () => {
    const r = script('cjs.cjs', `
      const actiplot = require('actiplot');
      const before = ${canvasLoaded};
      const config = require('./relu.json');
      actiplot.renderFigure(config).then(async (out) => {
        const again = await import('actiplot').then((m) => m.renderFigure(config));
        console.log(JSON.stringify({ before, sameModule: actiplot.renderFigure === (await import('actiplot')).renderFigure,
          size: [out.width, out.height], same: out.bytes.equals(again.bytes), sha: require('node:crypto').createHash('sha256').update(out.bytes).digest('hex') }));
      });
    `);
    expect(r.before).toBe(false);
    expect(r.sameModule).toBe(true);
    expect(r.size).toEqual([800, 600]);
    expect(r.same).toBe(true);
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'output/manifest.json'), 'utf8')).figures.find((f: { name: string }) => f.name === 'relu');
    expect(r.sha).toBe(committed.sha256);
  });

  it('gives actiplot/remark to a unified pipeline, with import and with require', () => {
    fs.writeFileSync(path.join(project, 'page.md'), '# Page\n\n![ReLU](relu.json#relu)\n');
    const pipeline = (load: string) => `
      ${load}
      const fs = require('node:fs');
      const before = ${canvasLoaded};
      const file = await unified().use(remarkParse).use(remarkActiplot, { outDir: 'public/fig', baseUrl: '/fig/' }).use(remarkRehype).use(rehypeStringify)
        .process({ path: 'page.md', value: fs.readFileSync('page.md', 'utf8') });
      console.log(JSON.stringify({ before, html: String(file), files: fs.readdirSync('public/fig') }));
    `;
    const esm = script('remark.mjs', pipeline(`
      import { createRequire } from 'node:module';
      import { unified } from 'unified'; import remarkParse from 'remark-parse'; import remarkRehype from 'remark-rehype'; import rehypeStringify from 'rehype-stringify';
      import remarkActiplot from 'actiplot/remark';
      const require = createRequire(import.meta.url);`));
    expect(esm.before).toBe(false);
    expect(esm.files).toEqual([expect.stringMatching(/^relu\.[0-9a-f]{16}\.png$/)]);
    expect(esm.html).toBe(`<h1>Page</h1>\n<p><img src="/fig/${esm.files[0]}" alt="ReLU" width="800" height="600"></p>`);
    const cjs = script('remark.cjs', `(async () => { ${pipeline(`
      const { unified } = require('unified'); const remarkParse = require('remark-parse').default; const remarkRehype = require('remark-rehype').default;
      const rehypeStringify = require('rehype-stringify').default; const remarkActiplot = require('actiplot/remark').default;`)} })();`);
    expect(cjs).toEqual(esm);
  });

  it('types the API and the configs for TypeScript', () => {
    fs.writeFileSync(path.join(project, 'check.mts'), `
      import { renderFigure, validate, render, type FigureConfig, type ConfigFile, type FigureOutput } from 'actiplot';
      import remarkActiplot, { type RemarkActiplotOptions } from 'actiplot/remark';
      const config: FigureConfig = { name: 'a', kind: 'line', series: [{ activation: 'relu' }] };
      const file: ConfigFile = { figures: [config] };
      const out: Promise<FigureOutput> = renderFigure(config);
      const ok: boolean = validate(file).ok;
      void render({ configs: ['configs'], out: 'output' });
      const options: RemarkActiplotOptions = { outDir: 'public', themes: ['light', 'dark'] };
      remarkActiplot(options);
      // @ts-expect-error: a line figure has no perceptron
      const wrong: FigureConfig = { name: 'b', kind: 'line', perceptron: {} };
      void [out, ok, wrong];
    `);
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules/@types')] }, files: ['check.mts'] }));
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it("runs the library page's complete example, which prints what the page says", () => {
    const { code, after } = docsExample('docs/library.md', 'example.mjs', 'text');
    fs.writeFileSync(path.join(project, 'example.mjs'), code);
    expect(run(process.execPath, ['example.mjs'], project)).toBe(after);
    expect(fs.readFileSync(path.join(project, 'relu.png')).equals(fs.readFileSync(path.join(ROOT, 'output/relu.png')))).toBe(true);
  });

  it("runs the remark page's complete build: the page it shows, then nothing to do", () => {
    const { code, after } = docsExample('docs/remark.md', 'build.mjs', 'html');
    fs.writeFileSync(path.join(project, 'build.mjs'), code);
    expect(run(process.execPath, ['build.mjs'], project)).toBe('4 written, 0 already there\n');
    const html = fs.readFileSync(path.join(project, 'page.html'), 'utf8');
    expect(html).toMatch(shape(after));
    expect(fs.readdirSync(path.join(project, 'public/figures'))).toHaveLength(4);
    expect(run(process.execPath, ['build.mjs'], project)).toBe('0 written, 4 already there\n');
    expect(fs.readFileSync(path.join(project, 'page.html'), 'utf8')).toBe(html);
  });

  it('runs its CLI', () => {
    const out = run(process.execPath, ['node_modules/actiplot/bin/actiplot.js', 'render', 'relu.json', '--out', 'output'], project);
    expect(out).toMatch(/rendered +output\/relu\.png 800×600 from relu\.json/);
    expect(fs.existsSync(path.join(project, 'output/relu.png'))).toBe(true);
  });
});
