import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, readJson, tempDir, writeJson } from '../pipeline/helpers.js';
import { errorsOf, line } from '../helpers.js';

const dir = tempDir('themes');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
writeJson(path.join(dir, 'configs/relu.json'), { name: 'relu', kind: 'line', title: 'ReLU function', x: { range: [-10, 10], samples: 100 }, series: [{ activation: 'relu' }] });
writeJson(path.join(dir, 'configs/own.json'), { name: 'own', kind: 'line', alt: 'My own words.', series: [{ activation: 'step' }] });

describe('render --themes light,dark, the manifest, the gallery and actiplot snippet', () => {
  it('writes <name>.png and <name>.dark.png, each with its alt in the manifest; a second run writes nothing', () => {
    const r = cli(['render', 'configs', '--out', 'out', '--themes', 'light,dark'], dir);
    expect(r.code, r.err).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['index.html', 'manifest.json', 'own.dark.png', 'own.png', 'relu.dark.png', 'relu.png']);
    const m = readJson(path.join(dir, 'out/manifest.json'));
    const by = Object.fromEntries(m.figures.map((e: any) => [e.name, e]));
    expect(by.relu.alt).toMatch(/^ReLU function\. Line graph of ReLU\(x\) for x from −10 to 10: /);
    expect(by.relu.theme).toBeUndefined();
    expect(by['relu.dark']).toMatchObject({ file: 'relu.dark.png', theme: 'dark', variantOf: 'relu', alt: by.relu.alt });
    expect(by.own.alt).toBe('My own words.');
    const again = cli(['render', 'configs', '--out', 'out', '--themes', 'light,dark'], dir);
    expect(again.err).toContain('0 figures written, 0 failed, 4 up to date');
    expect(cli(['check', 'configs', '--out', 'out', '--themes', 'light,dark'], dir).code).toBe(0);
  });
  it('the gallery shows each figure once, as a <picture> with its dark variant and its alt', () => {
    const html = fs.readFileSync(path.join(dir, 'out/index.html'), 'utf8');
    expect(html.match(/<figure id=/g)).toHaveLength(2);
    expect(html).toContain('<source srcset="relu.dark.png" media="(prefers-color-scheme: dark)">');
    expect(html).toMatch(/<img src="relu.png" width="800" height="600" alt="ReLU function\. Line graph of ReLU\(x\)[^"]*">/);
    expect(html).toContain('<dt>dark</dt><dd><a href="relu.dark.png"><code>relu.dark.png</code></a></dd>');
  });
  it('snippet prints the <picture>, or Markdown', () => {
    const r = cli(['snippet', 'relu', '--out', 'out', '--base-url', '/img/'], dir);
    expect(r.code, r.err).toBe(0);
    const alt = readJson(path.join(dir, 'out/manifest.json')).figures.find((e: any) => e.name === 'relu').alt;
    expect(r.out).toBe(`<picture>\n  <source srcset="/img/relu.dark.png" media="(prefers-color-scheme: dark)">\n  <img src="/img/relu.png" width="800" height="600" alt="${alt}">\n</picture>\n`);
    const md = cli(['snippet', 'own', '--out', 'out', '--markdown'], dir);
    expect(md.out).toContain('<source srcset="own.dark.png" media="(prefers-color-scheme: dark)">');
    expect(md.out.split('\n').every((l) => !l.startsWith('  '))).toBe(true); // indented, Markdown would read code
  });
  it('snippet of a figure with one theme is a plain <img> or ![alt](file)', () => {
    const single = tempDir('themes-single');
    try {
      writeJson(path.join(single, 'configs/relu.json'), { name: 'relu', kind: 'line', alt: 'ReLU [a kink] at 0', series: [{ activation: 'relu' }] });
      expect(cli(['render', 'configs', '--out', 'out'], single).code).toBe(0);
      expect(cli(['snippet', 'relu', '--out', 'out'], single).out).toBe('<img src="relu.png" width="800" height="600" alt="ReLU [a kink] at 0">\n');
      expect(cli(['snippet', 'relu', '--out', 'out', '--markdown'], single).out).toBe('![ReLU \\[a kink\\] at 0](relu.png)\n');
    } finally {
      fs.rmSync(single, { recursive: true, force: true });
    }
  });
  it('bad usage: an unknown theme, an unknown figure, no manifest (one line each, exit 2)', () => {
    const bad = cli(['render', 'configs', '--out', 'out', '--themes', 'light,sepia'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--themes: expected a comma-separated list of light, dark, got "light,sepia"');
    const none = cli(['snippet', 'rellu', '--out', 'out'], dir);
    expect(none.code).toBe(2);
    expect(none.err).toContain('no figure "rellu" in out/manifest.json (did you mean "relu"?)');
    const empty = cli(['snippet', 'relu', '--out', 'nowhere'], dir);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('no nowhere/manifest.json: render the figures first');
  });
  it('a variant name taken by another figure is a config error at that figure', () => {
    const clash = tempDir('themes-clash');
    try {
      writeJson(path.join(clash, 'configs/a.json'), { figures: [line({ name: 'a' }), line({ name: 'a.dark' })] });
      const r = cli(['render', 'configs', '--out', 'out', '--themes', 'light,dark'], clash);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/configs\/a\.json:\d+:\d+: figures\[0\]\.name: with --themes, the dark variant of "a" is named "a\.dark", which is the name of a figure in configs\/a\.json:\d+:\d+; rename one of them/);
    } finally {
      fs.rmSync(clash, { recursive: true, force: true });
    }
  });
});

describe('config keys theme, background, lang and alt are validated', () => {
  it('names the key and what it expects', () => {
    expect(errorsOf(line({ theme: 'sepia' }))[0]).toMatch(/theme: expected a colour theme \(light, dark\)/);
    expect(errorsOf(line({ background: 'transparnt' }))[0]).toMatch(/background: expected "transparent" or a CSS colour/);
    expect(errorsOf(line({ lang: 'fr' }))[0]).toMatch(/lang: expected a language of the generated alt text \(en, ja/);
    expect(errorsOf(line({ alt: 'a\u0007b' }))[0]).toMatch(/alt: the control character U\+0007 cannot stand in an alt text/);
    expect(errorsOf(line({ background: 'transparent', theme: 'dark', lang: 'ja', alt: 'ok' }))).toEqual([]);
  });
});

describe('pictureHtml(entry, variants)', () => {
  it('marks a Japanese alt text with lang="ja", escapes it, and sizes the <img> in CSS pixels', async () => {
    const { pictureHtml } = await import('../../src/pipeline/snippet.js');
    const entry = { name: 'r', file: 'r x.png', format: 'png', width: 1600, height: 1200, bytes: 1, sha256: '', config: '', pointer: '', title: 't', alt: 'ReLU関数 "a" < b', inputHash: '', figure: { width: 800, height: 600, scale: 2 }, fonts: {} };
    expect(pictureHtml(entry, [])).toBe('<img src="r%20x.png" width="800" height="600" alt="ReLU関数 &quot;a&quot; &lt; b" lang="ja">');
    expect(pictureHtml({ ...entry, alt: 'ReLU' }, [])).toBe('<img src="r%20x.png" width="800" height="600" alt="ReLU">');
  });
});
