import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, cliJson, hashes, tempDir, withFixtures } from './helpers.js';
import { sha256, sourceDigest } from '../../src/pipeline/hash.js';

describe('render: reproducible bytes', () => {
  it('gives byte-identical figures, manifest and gallery on two runs and for --jobs 1 and --jobs 2', () => {
    const dir = withFixtures(tempDir('repro'), 'basic', 'more');
    const a = cli(['render', 'configs', '--out', 'a', '--jobs', '2'], dir);
    expect(a.code, a.err).toBe(0);
    const b = cli(['render', 'configs', '--out', 'b', '--jobs', '2'], dir);
    const c = cli(['render', 'configs', '--out', 'c', '--jobs', '1'], dir);
    expect([b.code, c.code]).toEqual([0, 0]);
    const ha = hashes(path.join(dir, 'a'));
    // every fixture figure, in all three formats, plus the manifest and the gallery
    expect(Object.keys(ha)).toEqual([
      'index.html', 'manifest.json', 'relu-contour.png', 'relu-line.png', 'relu-svg.svg',
      'single-hidpi.png', 'step-contour.png', 'step-line.png', 'step-pdf.pdf',
    ]);
    expect(hashes(path.join(dir, 'b'))).toEqual(ha);
    expect(hashes(path.join(dir, 'c'))).toEqual(ha);
  });

  it('a forced re-render into the same folder rewrites nothing that changed (same bytes, same mtimes)', () => {
    const dir = withFixtures(tempDir('repro2'), 'basic');
    expect(cli(['render', 'configs', '--out', 'out', '--jobs', '2'], dir).code).toBe(0);
    const before = hashes(path.join(dir, 'out'));
    const mtimes = Object.keys(before).map((n) => fs.statSync(path.join(dir, 'out', n)).mtimeMs);
    const r = cli(['render', 'configs', '--out', 'out', '--jobs', '1', '--force'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/4 figures written, 0 failed/);
    expect(hashes(path.join(dir, 'out'))).toEqual(before);
    expect(Object.keys(before).map((n) => fs.statSync(path.join(dir, 'out', n)).mtimeMs)).toEqual(mtimes);
  });

  it('the manifest records every output with its size, hashes and source, in a stable order, without timestamps', () => {
    const dir = withFixtures(tempDir('manifest'), 'basic', 'more');
    expect(cli(['render', 'configs', '--out', 'out'], dir).code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'out/manifest.json'), 'utf8');
    const m = JSON.parse(text);
    expect(Object.keys(m)).toEqual(['manifest', 'actiplot', 'fonts', 'figures']);
    expect(m.actiplot).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    expect(m.fonts).toMatch(/^[0-9a-f]{64}$/);
    expect(m.figures.map((f: { name: string }) => f.name)).toEqual(['relu-contour', 'relu-line', 'relu-svg', 'single-hidpi', 'step-contour', 'step-line', 'step-pdf']);
    const hidpi = m.figures.find((f: { name: string }) => f.name === 'single-hidpi');
    expect(hidpi).toEqual({
      name: 'single-hidpi', file: 'single-hidpi.png', format: 'png', width: 400, height: 300,
      bytes: fs.statSync(path.join(dir, 'out/single-hidpi.png')).size,
      sha256: hashes(path.join(dir, 'out'))['single-hidpi.png'],
      config: path.join('configs', 'more', 'single.json'), pointer: '', title: 'ReLU at scale 2',
      alt: "ReLU at scale 2. Line graph of ReLU(2·x − 1) for x from −3 to 3: 0 for x from −3 to 0.5, then rising in a straight line from 0 at x = 0.5 to 5 at x = 3; a kink at x = 0.5.",
      inputHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      // What it was planned from: its config file's bytes, with no command-line overrides.
      source: sourceDigest(sha256(fs.readFileSync(path.join(dir, 'configs/more/single.json'))), {}, m.actiplot),
      figure: expect.objectContaining({ name: 'single-hidpi', kind: 'line', scale: 2, title: 'ReLU at scale 2' }),
      fonts: { 'DejaVuSans-Bold.ttf': expect.stringMatching(/^[0-9a-f]{64}$/), 'DejaVuSans.ttf': expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(m.figures.find((f: { name: string }) => f.name === 'step-pdf')).toMatchObject({ file: 'step-pdf.pdf', format: 'pdf', pointer: '/figures/1' });
    expect(text).not.toMatch(/20\d\d-\d\d-\d\d|"(time|date|created)/i);
  });

  it('SOURCE_DATE_EPOCH is an input of PDF figures only: setting it re-renders just the PDF, with its date', () => {
    const dir = withFixtures(tempDir('epoch'), 'more');
    expect(cli(['render', 'configs', '--out', 'out'], dir).code).toBe(0);
    const before = hashes(path.join(dir, 'out'));
    const run = (env: Record<string, string>) => {
      const r = cli(['render', 'configs', '--out', 'out', '--json'], dir, env);
      return JSON.parse(r.out).figures.filter((f: { status: string }) => f.status === 'rendered').map((f: { name: string }) => f.name);
    };
    expect(run({ SOURCE_DATE_EPOCH: '1700000000' })).toEqual(['step-pdf']);
    expect(fs.readFileSync(path.join(dir, 'out/step-pdf.pdf'), 'latin1')).toContain('20231114221320Z');
    expect(run({ SOURCE_DATE_EPOCH: '1700000000' })).toEqual([]);
    expect(run({})).toEqual(['step-pdf']);
    expect(hashes(path.join(dir, 'out'))).toEqual(before);
    expect(cliJson(['check', 'configs', '--out', 'out'], dir).json.ok).toBe(true);
  });
});
