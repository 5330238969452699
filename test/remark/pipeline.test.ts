import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import remarkActiplot from '../../src/remark/index.js';
import { ROOT } from '../pipeline/helpers.js';
import { loadFile } from '../../src/pipeline/plan.js';
import { describeFigure } from '../../src/alt/index.js';
import { build, buildFailure, elements, site, snapshot } from './helpers.js';

/** A page of the seed's figures: its graphs as images of the committed configs, and one figure written in the page. */
const PAGE = `# ReLU, step and the perceptron

![ReLU, the seed's graph](../configs/relu.json#relu)

The step function:

![](../configs/step.json)

The ReLU perceptron beside the step perceptron:
![](../configs/perceptron-contours.json#perceptron-relu-1) ![The step perceptron](../configs/perceptron-contours.json#perceptron-step-1 "w = (1, 2), b = -5")

The worked example, a = 2·1 + 3·2 − 5 = 3:

![](../configs/worked-example.json#worked-example)

A figure written in the page:

\`\`\`actiplot
{
  "name": "relu-small",
  "kind": "line",
  "title": "ReLU on -3..3",
  "width": 400,
  "height": 300,
  "scale": 2,
  "x": { "range": [-3, 3], "samples": 61 },
  "series": [{ "activation": "relu" }]
}
\`\`\`

![a photo that is not a figure](photo.png)

\`\`\`json
{ "name": "not-a-figure" }
\`\`\`
`;

const names = ['relu', 'step', 'perceptron-relu-1', 'perceptron-step-1', 'worked-example', 'relu-small'];
const HASHED = /^\/figures\/([a-z0-9._-]+)\.([0-9a-f]{16})\.png$/;

describe('actiplot/remark in remark-parse → plugin → remark-rehype → rehype-stringify', () => {
  it('renders every figure the page names into outDir and links it through baseUrl, with width, height and alt', async () => {
    const dir = site('remark-page');
    const page = path.join(dir, 'docs/page.md');
    fs.writeFileSync(page, PAGE);
    const outDir = path.join(dir, 'public/figures');
    const { html, data, file } = await build(page, { outDir: 'public/figures', baseUrl: '/figures/' }, dir);
    expect(file.messages).toEqual([]);

    const imgs = elements(html, 'img');
    const figures = imgs.filter((i) => HASHED.test(i.src));
    expect(figures.map((i) => HASHED.exec(i.src)![1])).toEqual(names);
    // Files: exactly one per figure, under the name the page links, and what the CLI renders for it.
    expect(fs.readdirSync(outDir).sort()).toEqual(figures.map((i) => i.src.slice('/figures/'.length)).sort());
    expect(data.written.sort()).toEqual(fs.readdirSync(outDir).sort());
    expect(data.reused).toEqual([]);
    const relu = fs.readFileSync(path.join(outDir, path.basename(figures[0].src)));
    expect(relu.equals(fs.readFileSync(path.join(ROOT, 'output/relu.png')))).toBe(true);

    // width and height are the CSS size: the PNG's pixels over its scale (relu-small has scale 2).
    for (const img of figures) {
      const png = PNG.sync.read(fs.readFileSync(path.join(outDir, path.basename(img.src))));
      const scale = img.src.includes('relu-small') ? 2 : 1;
      expect([Number(img.width), Number(img.height)], img.src).toEqual([png.width / scale, png.height / scale]);
    }
    expect(figures.find((i) => i.src.includes('relu-small'))).toMatchObject({ width: '400', height: '300' });
    expect(figures.find((i) => i.src.includes('worked-example'))).toMatchObject({ width: '1500', height: '480' });

    // The Markdown's alt text wins; without one the figure's own is used; a title stays.
    expect(figures[0].alt).toBe("ReLU, the seed's graph");
    expect(figures[3]).toMatchObject({ alt: 'The step perceptron', title: 'w = (1, 2), b = -5' });
    // Without one, the alt text generated from the figure's maths.
    for (const i of [1, 2, 4]) {
      const [file, name] = [['step.json', 'step'], ['perceptron-contours.json', 'perceptron-relu-1'], ['worked-example.json', 'worked-example']][i === 1 ? 0 : i === 2 ? 1 : 2];
      const figure = loadFile(path.join(dir, 'configs', file)).jobs.find((j) => j.figure.name === name)!.figure;
      expect(figures[i].alt, name).toBe(describeFigure(figure));
    }
    expect(figures[5].alt).toMatch(/^ReLU on -3\.\.3\. Line graph of ReLU\(x\) for x from −3 to 3/);
    // Other images and code blocks are left alone.
    expect(imgs.find((i) => i.src === 'photo.png')).toEqual({ src: 'photo.png', alt: 'a photo that is not a figure' });
    expect(html).toContain('<code class="language-json">');
    expect(html).not.toContain('language-actiplot');
    expect(html).toMatch(/<p>The ReLU perceptron beside the step perceptron:\n<img src="\/figures\/perceptron-relu-1\.[^>]*> <img src="\/figures\/perceptron-step-1\./);
  });

  it('renders nothing the second time, and only the changed figure after an edit', async () => {
    const dir = site('remark-again');
    const page = path.join(dir, 'docs/page.md');
    fs.writeFileSync(page, PAGE);
    const outDir = path.join(dir, 'public/figures');
    const options = { outDir: 'public/figures', baseUrl: '/figures/' };
    const first = await build(page, options, dir);
    const before = snapshot(outDir);
    const second = await build(page, options, dir);
    expect(second.html).toBe(first.html);
    expect(second.data.written).toEqual([]);
    expect(second.data.reused.sort()).toEqual(Object.keys(before));
    expect(snapshot(outDir)).toEqual(before);

    fs.writeFileSync(page, PAGE.replace('"samples": 61', '"samples": 31'));
    const third = await build(page, options, dir);
    expect(third.data.written).toHaveLength(1);
    expect(third.data.written[0]).toMatch(/^relu-small\.[0-9a-f]{16}\.png$/);
    expect(Object.keys(before)).not.toContain(third.data.written[0]);
    expect(third.data.reused).toHaveLength(names.length - 1);

    // A config file the page names, changed: that figure only, under its new name.
    const step = path.join(dir, 'configs/step.json');
    fs.writeFileSync(step, fs.readFileSync(step, 'utf8').replace('"title": "Step Function"', '"title": "The step function"'));
    const fourth = await build(page, options, dir);
    expect(fourth.data.written).toEqual([expect.stringMatching(/^step\.[0-9a-f]{16}\.png$/)]);
    expect(fourth.html).toContain(`alt="The step function. `);
  });

  it('renders again a file that an earlier build left broken', async () => {
    const dir = site('remark-broken');
    const page = path.join(dir, 'docs/page.md');
    fs.writeFileSync(page, '![](../configs/relu.json)\n');
    const { data } = await build(page, { outDir: 'out' }, dir);
    fs.writeFileSync(path.join(dir, 'out', data.written[0]), 'not a png');
    const again = await build(page, { outDir: 'out' }, dir);
    expect(again.data.written).toEqual(data.written);
    expect(fs.readFileSync(path.join(dir, 'out', data.written[0])).equals(fs.readFileSync(path.join(ROOT, 'output/relu.png')))).toBe(true);
  });

  it('links through the path from the page to outDir when no baseUrl is given', async () => {
    const dir = site('remark-relative');
    const page = path.join(dir, 'docs/page.md');
    fs.writeFileSync(page, '![](../configs/relu.json#relu)\n');
    const { html } = await build(page, { outDir: 'public/img' }, dir);
    expect(elements(html, 'img')[0].src).toMatch(/^\.\.\/public\/img\/relu\.[0-9a-f]{16}\.png$/);
  });

  it('reports each error at its place in the Markdown, writes nothing for it, and fails the build', async () => {
    const dir = site('remark-errors');
    const page = path.join(dir, 'docs/page.md');
    fs.writeFileSync(page, [
      '# Errors', // 1
      '', // 2
      '![](../configs/relu.json#nope)', // 3
      '', // 4
      '- in a list:', // 5
      '', // 6
      '  ```actiplot', // 7
      '  {', // 8
      '    "name": "bad",', // 9
      '    "kind": "line",', // 10
      '    "series": [{ "activation": "rleu" }]', // 11
      '  }', // 12
      '  ```', // 13
      '', // 14
      '![](missing.json)', // 15
      '', // 16
      '```actiplot', // 17
      '{ "name": "x", "kind": "line", ', // 18
      '```', // 19
      '', // 20
      '![](../configs/step.json)', // 21
      '',
    ].join('\n'));
    const { error, messages, file } = await buildFailure(page, { outDir: 'out' }, dir);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/no figure named "nope"/);
    expect(messages).toEqual([
      '3:1: configs/relu.json: no figure named "nope" (it has relu) (name it after the #: ../configs/relu.json#<name>)',
      '11:32: series[0].activation: expected an activation (identity, relu, leaky_relu, elu, gelu, gelu_tanh, sigmoid, tanh, softplus, silu, swish, step, sign, hard_sigmoid), got "rleu" (did you mean "relu"?)',
      '15:1: docs/missing.json: no such file',
      expect.stringMatching(/^18:\d+: invalid JSON: /),
    ]);
    for (const m of file.messages) expect([m.fatal, m.source, m.file]).toEqual([true, 'actiplot', page]);
    // The good figure on the page is rendered; nothing is written for the bad ones.
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual([expect.stringMatching(/^step\.[0-9a-f]{16}\.png$/)]);
  });

  it('refuses a PDF figure, which no page can show as an image', async () => {
    const dir = site('remark-pdf');
    const page = path.join(dir, 'docs/page.md');
    fs.writeFileSync(page, '```actiplot\n{ "name": "p", "kind": "line", "format": "pdf", "series": [{ "activation": "relu" }] }\n```\n');
    const { messages } = await buildFailure(page, { outDir: 'out' }, dir);
    expect(messages).toEqual(['1:1: p: a PDF cannot be shown in a page; give the figure "format": "png" or "svg"']);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('gives an SVG figure its own size', async () => {
    const dir = site('remark-svg');
    const page = path.join(dir, 'docs/page.md');
    fs.writeFileSync(page, '```actiplot\n{ "name": "v", "kind": "line", "format": "svg", "width": 300, "height": 200, "series": [{ "activation": "relu" }] }\n```\n');
    const { html } = await build(page, { outDir: 'out', baseUrl: '/o' }, dir);
    const [img] = elements(html, 'img');
    expect(img).toMatchObject({ width: '300', height: '200' });
    expect(img.src).toMatch(/^\/o\/v\.[0-9a-f]{16}\.svg$/);
    expect(fs.readFileSync(path.join(dir, 'out', path.basename(img.src)), 'utf8')).toMatch(/^<svg [^>]*width="300" height="200"/);
    const again = await build(page, { outDir: 'out', baseUrl: '/o' }, dir);
    expect(again.html).toBe(html);
    expect(again.data.written).toEqual([]);
    // At scale 2 the SVG says it is twice the size; the page still shows it at the figure's.
    fs.writeFileSync(page, '```actiplot\n{ "name": "v", "kind": "line", "format": "svg", "scale": 2, "width": 300, "height": 200, "series": [{ "activation": "relu" }] }\n```\n');
    const scaled = await build(page, { outDir: 'out', baseUrl: '/o' }, dir);
    expect(elements(scaled.html, 'img')[0]).toMatchObject({ width: '300', height: '200' });
    expect(fs.readFileSync(path.join(dir, 'out', scaled.data.written[0]), 'utf8')).toMatch(/^<svg [^>]*width="600" height="400"/);
  });

  it('keeps figures Markdown images for a pipeline that writes Markdown', async () => {
    const dir = site('remark-md');
    const file = await unified().use(remarkParse).use(remarkActiplot, { outDir: path.join(dir, 'out'), baseUrl: '/f/' }).use(remarkStringify)
      .process({ path: path.join(dir, 'docs/page.md'), value: '![The ReLU graph](../configs/relu.json#relu)\n' });
    expect(String(file)).toMatch(/^!\[The ReLU graph\]\(\/f\/relu\.[0-9a-f]{16}\.png\)\n$/);
  });

  it('wants an outDir', () => {
    expect(() => (remarkActiplot as (o: unknown) => unknown)({})).toThrow(/outDir/);
    expect(() => remarkActiplot({ outDir: 'x', themes: ['sepia' as never] })).toThrow(/themes: expected "light" or "dark", got "sepia"/);
  });
});

describe('actiplot/remark with themes', () => {
  it('makes a <picture> whose dark variant the browser picks with prefers-color-scheme', async () => {
    const dir = site('remark-themes');
    const page = path.join(dir, 'docs/page.md');
    fs.writeFileSync(page, "![ReLU, the seed's graph](../configs/relu.json#relu)\n");
    const outDir = path.join(dir, 'public/figures');
    const { html, data } = await build(page, { outDir: 'public/figures', baseUrl: '/figures/', themes: ['light', 'dark'] }, dir);
    const [source] = elements(html, 'source');
    const [img] = elements(html, 'img');
    expect(html).toBe(`<p><picture><source srcset="${source.srcset}" media="(prefers-color-scheme: dark)" width="800" height="600"><img src="${img.src}" alt="ReLU, the seed&#x27;s graph" width="800" height="600"></picture></p>`);
    expect(img.src).toMatch(/^\/figures\/relu\.[0-9a-f]{16}\.png$/);
    expect(source.srcset).toMatch(/^\/figures\/relu\.dark\.[0-9a-f]{16}\.png$/);
    expect(data.written.sort()).toEqual(fs.readdirSync(outDir).sort());
    // The light one is the figure in the light theme; the dark one is drawn on a dark background.
    const light = PNG.sync.read(fs.readFileSync(path.join(outDir, path.basename(img.src))));
    const dark = PNG.sync.read(fs.readFileSync(path.join(outDir, path.basename(source.srcset))));
    const luma = (p: PNG) => (p.data[0] * 299 + p.data[1] * 587 + p.data[2] * 114) / 1000;
    expect(luma(light)).toBeGreaterThan(200);
    expect(luma(dark)).toBeLessThan(80);
    const again = await build(page, { outDir: 'public/figures', baseUrl: '/figures/', themes: ['light', 'dark'] }, dir);
    expect(again.html).toBe(html);
    expect(again.data.written).toEqual([]);
  });
});

describe('actiplot/remark with hostile input', () => {
  it('refuses, with a message at the node, a block past the size limit, a config that is a folder, and an outDir that is a symbolic link', async () => {
    const dir = site('remark-hostile');
    const page = path.join(dir, 'docs/page.md');
    fs.mkdirSync(path.join(dir, 'docs/folder.json'));
    const huge = `{ "name": "h", "kind": "line", "title": "${'x'.repeat(1024 * 1024)}", "series": [{ "activation": "relu" }] }`;
    fs.writeFileSync(page, `![](folder.json)\n\n\`\`\`actiplot\n${huge}\n\`\`\`\n`);
    const { messages } = await buildFailure(page, { outDir: 'out' }, dir);
    expect(messages).toEqual([
      '1:1: docs/folder.json: is a folder, not a regular file',
      expect.stringMatching(/^3:1: file is \d+ bytes; the limit is 1048576 \(split it into several files\)$/),
    ]);

    fs.mkdirSync(path.join(dir, 'elsewhere'));
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'linked'));
    fs.writeFileSync(page, '![](../configs/relu.json)\n');
    const linked = await buildFailure(page, { outDir: 'linked' }, dir);
    expect(linked.messages).toEqual([expect.stringMatching(/^1:1: relu: .*linked is a symbolic link .*refuses to write through it$/)]);
    expect(fs.readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
  });
});
