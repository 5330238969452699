import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { check, contour, line, renderAny } from '../helpers.js';
import { measureText, rasterizeImage } from '../../src/render/canvas.js';
import type { ResolvedFigure } from '../../src/model/figure.js';
import { THEME } from '../../src/scene/theme.js';

const fig = (config: unknown) => check(config).figures[0].figure as ResolvedFigure;

/** Share of pixels that differ between two PNGs of the same size (pixelmatch threshold 0.1). */
function diffRatio(a: Buffer, b: Buffer): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  expect([y.width, y.height]).toEqual([x.width, x.height]);
  return pixelmatch(x.data, y.data, undefined, x.width, x.height, { threshold: 0.1 }) / (x.width * x.height);
}

/** Sum of "ink" (darkness) in a region of a PNG. */
function ink(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += 255 - png.data[(y * png.width + x) * 4];
  return sum;
}

const contourConfig = contour({ width: 400, height: 300, title: 'Perceptron Outputs (ReLU)', levels: 21, alpha: 0.8, boundary: { label: true } });
const lineConfig = line({ width: 400, height: 300, title: 'Step Function', grid: true, series: [{ activation: 'step', label: 'Step Function' }] });

describe('SVG output', () => {
  it.each([['contour', contourConfig], ['line', lineConfig]] as const)('%s: keeps text as <text> and rasterizes like the PNG (within 3 percent of pixels)', async (_, config) => {
    const png = (await renderAny(fig(config))).bytes;
    const svg = (await renderAny({ ...fig(config), format: 'svg' }));
    expect(svg.fileName).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(text).toMatch(/<text [^>]*>(Perceptron Outputs \(ReLU\)|Step Function)<\/text>/);
    expect(text).not.toMatch(/\d{8,}/); // numbers are rounded, so the bytes are stable and small
    expect(diffRatio(png, await rasterizeImage(svg.bytes))).toBeLessThan(0.03);
  });
  it('is byte-identical across runs (stable clip ids, no dates)', async () => {
    expect((await renderAny({ ...fig(contourConfig), format: 'svg' })).bytes.equals((await renderAny({ ...fig(contourConfig), format: 'svg' })).bytes)).toBe(true);
  });
  it('escapes markup in labels', async () => {
    const text = (await renderAny({ ...fig(line({ title: 'a < b & "c"' })), format: 'svg' })).bytes.toString('utf8');
    expect(text).toContain('a &lt; b &amp; &quot;c&quot;');
  });
});

describe('PDF output', () => {
  it('is one vector page that pdftoppm rasterizes like the PNG (within 3% of pixels)', async () => {
    const base = fig(contourConfig);
    const pdf = (await renderAny({ ...base, format: 'pdf' })).bytes;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-pdf-'));
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf);
    // A page of 400 × 300 points at 72 dpi is 400 × 300 pixels.
    execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', path.join(dir, 'f.pdf'), path.join(dir, 'f')]);
    expect(diffRatio((await renderAny(base)).bytes, fs.readFileSync(path.join(dir, 'f.png')))).toBeLessThan(0.03);
  });
  it('keeps its text as text: pdftotext reads the labels back, pdffonts lists the embedded DejaVu subsets', async () => {
    const f = { ...fig(contourConfig), format: 'pdf' as const };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-pdf-text-'));
    fs.writeFileSync(path.join(dir, 'f.pdf'), (await renderAny(f)).bytes);
    const text = execFileSync('pdftotext', [path.join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(f.title);
    expect(text).toMatch(/\bx1\b[^]*\bx2\b/);
    const fonts = execFileSync('pdffonts', [path.join(dir, 'f.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+DejaVuSans\s.*\byes\s+yes\b/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('is byte-identical across runs and honours SOURCE_DATE_EPOCH', async () => {
    const f = { ...fig(lineConfig), format: 'pdf' as const };
    const a = (await renderAny(f)).bytes;
    expect((await renderAny(f)).bytes.equals(a)).toBe(true);
    expect(a.toString('latin1')).toMatch(/\/CreationDate \((D:)?20000101/);
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      expect((await renderAny(f)).bytes.toString('latin1')).toMatch(/\/CreationDate \((D:)?20231114/);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
});

describe('scale', () => {
  it('"scale": 2 renders the same layout at twice the pixels', async () => {
    const one = (await renderAny(fig(contourConfig)));
    const two = (await renderAny({ ...fig(contourConfig), scale: 2 }));
    expect([two.width, two.height]).toEqual([800, 600]);
    const png = PNG.sync.read(two.bytes);
    expect([png.width, png.height]).toEqual([800, 600]);
    // Halve it by averaging 2×2 blocks: it must look like the scale-1 image.
    const half = new PNG({ width: 400, height: 300 });
    for (let y = 0; y < 300; y++) for (let x = 0; x < 400; x++) for (let k = 0; k < 4; k++) {
      const at = (yy: number, xx: number) => png.data[(yy * 800 + xx) * 4 + k];
      half.data[(y * 400 + x) * 4 + k] = Math.round((at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) + at(2 * y + 1, 2 * x + 1)) / 4);
    }
    expect(diffRatio(one.bytes, PNG.sync.write(half))).toBeLessThan(0.03);
  });
});

describe('Japanese text', () => {
  const font = THEME.titleFont;
  it('has real full-width glyphs (1 em each), not missing-glyph boxes', async () => {
    expect(measureText('関数', font).width).toBeCloseTo(2 * font.size, 0);
    expect(measureText('関', font).ascent).toBeGreaterThan(font.size * 0.6);
  });
  it('renders non-empty glyph pixels for a Japanese title', async () => {
    const withTitle = PNG.sync.read((await renderAny(fig(line({ width: 400, height: 300, title: 'ReLU関数のグラフ' })))).bytes);
    const latinOnly = PNG.sync.read((await renderAny(fig(line({ width: 400, height: 300, title: 'ReLU' })))).bytes);
    const band: [number, number, number, number] = [0, 0, 400, 30];
    // The Japanese characters add ink beyond the Latin "ReLU" alone.
    expect(ink(withTitle, ...band)).toBeGreaterThan(ink(latinOnly, ...band) * 2);
  });
  it('rejects a character no registered font covers, naming it', async () => {
    const r = check(line({ x: { label: 'इनपुट' } }));
    expect(r.errors[0].message).toMatch(/x\.label: the character "इ" \(U\+0907\) is in no registered font \(DejaVu Sans, Noto Sans JP\)/);
  });
});
