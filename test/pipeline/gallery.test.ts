import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { cli, readJson, tempDir, withFixtures, writeJson } from './helpers.js';
import { render } from '../../src/pipeline/run.js';
import { draw, inProcessRenderer, type Draw } from '../../src/pipeline/in-process.js';
import { createReporter } from '../../src/pipeline/progress.js';

const CHROMIUM = process.env.ACTIPLOT_CHROMIUM ?? '/usr/bin/chromium';

let dir: string;
let context: BrowserContext;
let server: http.Server;
let base: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`the gallery test needs Chromium at ${CHROMIUM}: run "npm run setup:test" (it installs Debian's chromium; npm test runs it first)`);
  }
  dir = withFixtures(tempDir('gallery'), 'basic', 'more');
  const r = cli(['render', 'configs', '--out', 'out'], dir);
  expect(r.code, r.err).toBe(0);
  context = await chromium.launchPersistentContext(tempDir('chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // A static host that serves the output folder under a sub-path, as a docs site would.
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const prefix = '/docs/figures/';
    const rel = url.pathname.startsWith(prefix) ? decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html' : '';
    const file = path.join(dir, 'out', rel);
    if (!rel || rel.includes('..') || !fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = { '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.pdf': 'application/pdf' }[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/docs/figures/`;
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});

async function openGallery(url: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  const images = await page.evaluate(async () => {
    const imgs = [...document.images];
    return Promise.all(
      imgs.map(async (img) => {
        let decoded = true;
        try {
          await img.decode();
        } catch {
          decoded = false;
        }
        return { src: img.getAttribute('src'), decoded, complete: img.complete, w: img.naturalWidth, h: img.naturalHeight };
      }),
    );
  });
  const info = await page.evaluate(() => ({
    title: document.title,
    grids: document.querySelectorAll('.grid').length,
    configs: [...document.querySelectorAll('figure dd:nth-of-type(2) code')].map((c) => c.textContent!.split(' ')[0]),
    captions: [...document.querySelectorAll('figcaption .title')].map((t) => t.textContent),
    scripts: document.scripts.length,
    links: [...document.querySelectorAll('a[href], img[src], link[href]:not([rel=icon])')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')),
  }));
  await page.close();
  return { problems, images, info };
}

describe('gallery (index.html) in headless Chromium', () => {
  for (const where of ['the file system', 'a static host under a sub-path']) {
    it(`loads from ${where} without console errors, and every image decodes`, async () => {
      const url = where === 'the file system' ? pathToFileURL(path.join(dir, 'out/index.html')).href : base;
      const { problems, images, info } = await openGallery(url);
      expect(problems).toEqual([]);
      const manifest = readJson(path.join(dir, 'out/manifest.json'));
      const shown = manifest.figures.filter((f: { format: string }) => f.format !== 'pdf');
      expect(images.map((i) => i.src).sort()).toEqual(shown.map((f: { file: string }) => f.file).sort());
      for (const img of images) {
        expect(img, img.src ?? '').toMatchObject({ decoded: true, complete: true });
        const f = shown.find((x: { file: string }) => x.file === img.src);
        // PNGs decode at their pixel size; SVGs at their CSS size.
        if (f.format === 'png') expect([img.w, img.h]).toEqual([f.width, f.height]);
        else expect(img.w).toBeGreaterThan(0);
      }
      expect(info.title).toBe('actiplot figures');
      expect(info.scripts).toBe(1);
      // One grid, the cards in the order of their config files.
      expect(info.grids).toBe(1);
      expect([...new Set(info.configs)]).toEqual([
        path.join('configs', 'basic', 'contours.json'), path.join('configs', 'basic', 'lines.json'),
        path.join('configs', 'more', 'single.json'), path.join('configs', 'more', 'vector.json'),
      ]);
      expect(info.captions).toContain('Perceptron <ReLU> & "friends"');
      expect(info.links.every((l) => l !== null && !/^[a-z]+:|^\/\//i.test(l))).toBe(true);
      expect(info.links).toContain('step-pdf.pdf');
      // No favicon request (a 404 on most hosts): the page names an empty inline icon.
      expect(fs.readFileSync(path.join(dir, 'out/index.html'), 'utf8')).toContain('<link rel="icon" href="data:,">');
    });
  }

  it('lists failed configs and figures with their error lines at the top, fills the page width with a grid of cards, filters by name, and links the diff report', async () => {
    const work = withFixtures(tempDir('gallery-fail'), 'basic', 'more');
    // Screenshots to look at: ACTIPLOT_SCREENSHOTS names a folder to keep them in.
    const shots = process.env.ACTIPLOT_SCREENSHOTS ?? work;
    fs.mkdirSync(shots, { recursive: true });
    expect(cli(['render', 'configs', '--out', 'base'], work).code).toBe(0);
    const lines = path.join(work, 'configs/basic/lines.json');
    const l = readJson(lines);
    l.figures[0].title = 'ReLU, retitled';
    writeJson(lines, l);
    fs.writeFileSync(path.join(work, 'configs/broken.json'), '{ "name": "broken", "kind": "line", "series": [{ "activation": "nope" }] }\n');
    // A figure that fails while drawing (a faulty drawing function in the renderer).
    const faulty: Draw = (f, mode) => (f.name === 'step-line' ? Promise.reject(new Error('injected fault while drawing step-line')) : draw(f, mode));
    const quiet = createReporter({ mode: 'lines', line: () => {}, error: () => {}, closing: () => {} });
    const r = await render({ paths: [path.join(work, 'configs')], out: path.join(work, 'out'), reporter: quiet, renderer: inProcessRenderer({ draw: faulty }) });
    expect(r.failed.length).toBe(2);
    const d = cli(['diff', 'base', 'out'], work);
    expect(d.code, d.err).toBe(1);

    const page = await context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (q) => problems.push(`request failed: ${q.url()}`));
    await page.goto(pathToFileURL(path.join(work, 'out/index.html')).href, { waitUntil: 'load' });
    const state = () => page.evaluate(() => ({
      failed: document.querySelector('#failed pre')?.textContent ?? '',
      failedAbove: (document.querySelector('#failed')?.getBoundingClientRect().bottom ?? 1e9) < (document.querySelector('.grid')?.getBoundingClientRect().top ?? 0),
      visible: [...document.querySelectorAll('figure[data-name]')].filter((f) => (f as HTMLElement).offsetParent !== null).map((f) => (f as HTMLElement).dataset.name),
      columns: getComputedStyle(document.querySelector('.grid')!).gridTemplateColumns.split(' ').length,
      gridWidth: document.querySelector('.grid')!.getBoundingClientRect().width,
      rows: new Set([...document.querySelectorAll('figure[data-name]')].filter((f) => (f as HTMLElement).offsetParent !== null).map((f) => Math.round(f.getBoundingClientRect().top))).size,
      shown: document.getElementById('shown')!.textContent,
      diff: document.getElementById('diff-report')?.getAttribute('href'),
      images: [...document.images].map((i) => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0 })),
    }));
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode().catch(() => undefined))));
    const all = await state();
    expect(all.failed).toContain(`${path.join(work, 'configs/broken.json')}:1:`);
    expect(all.failed).toContain('series[0].activation');
    expect(all.failed).toContain('step-line: failed to render: injected fault while drawing step-line');
    expect(all.failedAbove).toBe(true);
    expect(all.images.length).toBeGreaterThan(0);
    expect(all.images.filter((i) => !i.ok)).toEqual([]);
    expect(all.gridWidth).toBeGreaterThan(1400);
    expect(all.columns).toBeGreaterThanOrEqual(4);
    expect(all.rows).toBe(Math.ceil(all.visible.length / all.columns)); // cards fill each row
    expect(all.diff).toBe('diff/index.html');
    await page.screenshot({ path: path.join(shots, 'gallery.png'), fullPage: true });

    await page.fill('#filter', 'relu');
    const relu = await state();
    expect(relu.visible.sort()).toEqual(['relu-contour', 'relu-line', 'relu-svg']);
    expect(relu.shown).toMatch(/^3 of \d+ shown$/);
    expect(relu.rows).toBe(1); // the three left fill one row
    await page.fill('#filter', 'nothing-like-this');
    expect((await state()).visible).toEqual([]);
    await page.fill('#filter', '');
    expect((await state()).visible.length).toBe(all.visible.length);

    await page.click('#diff-report');
    await page.waitForLoadState('load');
    expect(page.url()).toBe(pathToFileURL(path.join(work, 'out/diff/index.html')).href);
    const report = await page.evaluate(async () => {
      await Promise.all([...document.images].map((i) => i.decode().catch(() => undefined)));
      return { title: document.title, images: [...document.images].map((i) => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0 })), text: document.body.textContent };
    });
    expect(report.title).toBe('actiplot diff');
    expect(report.images.map((i) => i.src)).toEqual(['relu-line.png.before.png', 'relu-line.png.after.png', 'relu-line.png.diff.png']);
    expect(report.images.every((i) => i.ok)).toBe(true);
    expect(report.text).toContain('title "ReLU" → "ReLU, retitled"');
    await page.screenshot({ path: path.join(shots, 'diff-report.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  });
});
