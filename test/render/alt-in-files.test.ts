import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import UPNG from 'upng-js';
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { plan } from '../../src/pipeline/plan.js';
import { describeFigure } from '../../src/alt/describe-figure.js';
import { withPngText, itxtChunk } from '../../src/render/png-text.js';
import { renderAny } from '../helpers.js';
import { compareGolden } from '../golden/golden.js';
import type { ResolvedFigure } from '../../src/model/figure.js';

const jobs = plan(['configs']).jobs;
const figure = (name: string) => jobs.find((j) => j.figure.name === name)!.figure;

/** The iTXt chunks of a PNG as a decoder reads them (UPNG keeps them in `tabs`). */
function itxt(bytes: Buffer): Record<string, string> {
  const img = UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) as unknown as { tabs: Record<string, Record<string, string>> };
  return img.tabs.iTXt ?? {};
}

describe('the alt text inside the files', () => {
  it('PNG: iTXt Title and Description, read back by a PNG decoder, UTF-8 (Japanese) intact; pixels still decode', async () => {
    for (const name of ['relu', 'relu-ja', 'perceptron-relu-1', 'worked-example']) {
      const fig = figure(name);
      const { bytes } = await renderAny(fig);
      expect(itxt(bytes), name).toEqual({ Title: fig.title, Description: describeFigure(fig) });
      const png = PNG.sync.read(bytes); // pngjs checks every chunk's CRC
      expect([png.width, png.height]).toEqual([fig.width, fig.height]);
    }
    const ja = await renderAny(figure('relu-ja'));
    // The language tag after the keyword: "ja".
    expect(ja.bytes.includes(Buffer.from('Description\0\0\0ja\0\0', 'latin1'))).toBe(true);
  });

  it('APNG: the sweep\'s description (what changes across frames) in iTXt', async () => {
    const fig: ResolvedFigure = { ...figure('bias-sweep'), format: 'apng', sweep: { ...figure('bias-sweep').sweep!, values: [-5, 0, 5] } };
    const { bytes } = await renderAny(fig);
    const tabs = itxt(bytes);
    expect(tabs.Description).toBe(describeFigure(fig));
    expect(tabs.Description).toMatch(/Animation of 3 frames at 10 frames per second, b going from −5 to 5\. First frame, b = −5: .*Last frame, b = 5: /);
    expect((UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) as unknown as { frames: unknown[] }).frames).toHaveLength(3);
  });

  it('SVG: <title> and <desc> first, role="img" and the language', async () => {
    const fig = figure('step-vector');
    const svg = (await renderAny(fig)).bytes.toString('utf8');
    expect(svg).toMatch(/^<svg [^>]* role="img" aria-labelledby="actiplot-title actiplot-desc" xml:lang="en" lang="en">\n<title id="actiplot-title">Step Function<\/title>\n<desc id="actiplot-desc">([^<]*)<\/desc>/);
    expect(/<desc[^>]*>([^<]*)<\/desc>/.exec(svg)![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')).toBe(describeFigure(fig));
  });

  it('SVG: the alt text is escaped (a config\'s own "alt" with markup stays text)', async () => {
    const svg = (await renderAny({ ...figure('step-vector'), alt: 'a <b>bold</b> & "quoted" alt' })).bytes.toString('utf8');
    expect(svg).toContain('<desc id="actiplot-desc">a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; alt</desc>');
  });

  it('PDF: Title and Subject in the document information (pdfinfo)', async () => {
    const fig = figure('perceptron-compare-1-vector');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-pdfalt-'));
    try {
      fs.writeFileSync(path.join(dir, 'f.pdf'), (await renderAny(fig)).bytes);
      const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', path.join(dir, 'f.pdf')], { encoding: 'utf8' });
      expect(info).toContain(`Title:           ${fig.title}`);
      expect(info).toContain(`Subject:         ${describeFigure(fig)}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('withPngText(png, texts) can fail: a corrupted chunk is refused by the decoder, and a non-PNG is refused', async () => {
    const { bytes } = await renderAny(figure('relu'));
    const plain = withPngText(bytes, []);
    expect(plain).toBe(bytes);
    // Every chunk's CRC (over its type and data) is right: walk the file chunk by chunk.
    const crcOk = (png: Buffer) => {
      for (let o = 8; o < png.length; ) {
        const n = png.readUInt32BE(o);
        if (crc32(png.subarray(o + 4, o + 8 + n)) !== png.readUInt32BE(o + 8 + n)) return false;
        o += 12 + n;
      }
      return true;
    };
    expect(crcOk(bytes)).toBe(true);
    const broken = Buffer.from(bytes);
    broken[broken.indexOf(Buffer.from('iTXt', 'latin1')) + 10] ^= 0xff; // inside the Title text
    expect(crcOk(broken)).toBe(false);
    expect(() => withPngText(Buffer.from('GIF89a'), [{ keyword: 'Title', text: 't', lang: 'en' }])).toThrow(/not a PNG/);
    expect(itxtChunk({ keyword: 'Title', text: 'ab', lang: 'en' }).subarray(4, 8).toString('latin1')).toBe('iTXt');
  });
});

describe('dark figures (PNG goldens, pixelmatch)', () => {
  const dark = ['relu', 'step', 'relu-ja', 'worked-example', 'three-class-onnx', 'bias-sweep-sheet', 'three-class-classes', 'moons-probability'];
  it.each(dark)('%s.dark matches its golden', async (name) => {
    const fig = { ...figure(name), name: `${name}.dark`, theme: 'dark' as const };
    const r = await renderAny(fig);
    const result = compareGolden(`${name}.dark.png`, r.bytes);
    expect(result.ok, result.message).toBe(true);
  });
  it('the dark golden differs from the light one (the comparison can fail)', async () => {
    const r = await renderAny(figure('relu'));
    expect(compareGolden('relu.dark.png', r.bytes, { update: false }).ok).toBe(false);
    fs.rmSync(path.resolve('test/golden/png/relu.dark-changed.png'), { force: true });
  });
  it('a dark figure keeps its colormap: the contour pixels inside the plot equal the light figure\'s', async () => {
    const fig = figure('perceptron-relu-1');
    const light = PNG.sync.read((await renderAny(fig)).bytes);
    const darkPng = PNG.sync.read((await renderAny({ ...fig, theme: 'dark' })).bytes);
    const px = (p: PNG, x: number, y: number) => [...p.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4)];
    expect(px(darkPng, 300, 300)).toEqual(px(light, 300, 300)); // inside the plot
    expect(px(light, 5, 5)).toEqual([255, 255, 255, 255]);
    expect(px(darkPng, 5, 5)).toEqual([0x1b, 0x1b, 0x1f, 255]); // the page
  });
  it('"background": "transparent" leaves the page unpainted (alpha 0), in PNG and SVG', async () => {
    const fig = { ...figure('relu'), background: 'transparent' };
    const png = PNG.sync.read((await renderAny(fig)).bytes);
    expect(png.data[3]).toBe(0);
    const svg = (await renderAny({ ...fig, format: 'svg' })).bytes.toString('utf8');
    expect(svg).not.toContain('<rect width="100%" height="100%"');
  });
});
