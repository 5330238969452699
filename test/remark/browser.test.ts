/**
 * The plugin's HTML in a real browser (Debian's Chromium): each figure loads from where the page
 * links it, shows at its width and height, and the <picture> picks the dark file when the reader's
 * system prefers a dark colour scheme.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from '../pipeline/helpers.js';
import { build, site } from './helpers.js';

const CHROMIUM = process.env.ACTIPLOT_CHROMIUM ?? '/usr/bin/chromium';

let dir: string;
let context: BrowserContext;
let server: http.Server;
let base: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`this test needs Chromium at ${CHROMIUM}: run "npm run setup:test"`);
  dir = site('remark-browser');
  const page = path.join(dir, 'docs/page.md');
  fs.writeFileSync(page, [
    "![ReLU, the seed's graph](../configs/relu.json#relu)",
    '',
    '```actiplot',
    '{ "name": "small", "kind": "line", "width": 400, "height": 300, "scale": 2, "series": [{ "activation": "step" }] }',
    '```',
    '',
  ].join('\n'));
  const { html } = await build(page, { outDir: 'public/figures', baseUrl: '/figures/', themes: ['light', 'dark'] }, dir);
  fs.writeFileSync(path.join(dir, 'public/index.html'), `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, 'public', rel);
    if (rel.includes('..') || !fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.png') ? 'image/png' : 'text/html; charset=utf-8' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  context = await chromium.launchPersistentContext(tempDir('chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});

async function shown(scheme: 'light' | 'dark') {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(base, { waitUntil: 'load' });
  const imgs = await page.$$eval('img', (list) => list.map((i) => ({
    src: new URL(i.currentSrc).pathname, alt: i.alt, complete: i.complete, natural: [i.naturalWidth, i.naturalHeight], box: [i.getBoundingClientRect().width, i.getBoundingClientRect().height],
  })));
  await page.close();
  return imgs;
}

describe('the HTML of actiplot/remark in Chromium', () => {
  it('shows the light files at their CSS size on a light page', async () => {
    const imgs = await shown('light');
    expect(imgs.map((i) => i.src)).toEqual([expect.stringMatching(/^\/figures\/relu\.[0-9a-f]{16}\.png$/), expect.stringMatching(/^\/figures\/small\.[0-9a-f]{16}\.png$/)]);
    expect(imgs.map((i) => [i.complete, i.natural, i.box])).toEqual([[true, [800, 600], [800, 600]], [true, [800, 600], [400, 300]]]);
    expect(imgs[0].alt).toBe("ReLU, the seed's graph");
  });

  it('picks the dark files when the reader prefers a dark scheme', async () => {
    const imgs = await shown('dark');
    expect(imgs.map((i) => i.src)).toEqual([expect.stringMatching(/^\/figures\/relu\.dark\.[0-9a-f]{16}\.png$/), expect.stringMatching(/^\/figures\/small\.dark\.[0-9a-f]{16}\.png$/)]);
    expect(imgs.map((i) => [i.complete, i.natural, i.box])).toEqual([[true, [800, 600], [800, 600]], [true, [800, 600], [400, 300]]]);
  });
});
