import { beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { cli, cliJson, readJson, tempDir, withFixtures, writeJson } from './helpers.js';
import { galleryHtml } from '../../src/pipeline/gallery.js';
import { VERSION } from '../../src/version.js';

let template: string;
beforeAll(() => {
  template = withFixtures(tempDir('verify-template'), 'basic');
  expect(cli(['render', 'configs', '--out', 'out'], template).code).toBe(0);
});
function fresh(): string {
  const dir = tempDir('verify');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

/** Paints a square into a PNG and updates its manifest line and the gallery to match: what plain `check` cannot see. */
function tamper(dir: string, name: string): void {
  const file = path.join(dir, 'out', `${name}.png`);
  const png = PNG.sync.read(fs.readFileSync(file));
  for (let y = 40; y < 60; y++) for (let x = 40; x < 60; x++) png.data.set([255, 0, 255, 255], (y * png.width + x) * 4);
  const bytes = PNG.sync.write(png);
  fs.writeFileSync(file, bytes);
  const manifest = readJson(path.join(dir, 'out/manifest.json'));
  const entry = manifest.figures.find((f: { name: string }) => f.name === name);
  entry.sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  entry.bytes = bytes.length;
  writeJson(path.join(dir, 'out/manifest.json'), manifest);
  fs.writeFileSync(path.join(dir, 'out/index.html'), galleryHtml(manifest.figures, VERSION));
}

describe('actiplot check --verify', () => {
  it('exits 0 when every file is what its config renders to', () => {
    const r = cli(['check', 'configs', '--out', 'out', '--verify'], fresh());
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.err).toMatch(/4 figures current in out \(4 re-rendered: same bytes\)/);
  });

  it('catches a tampered figure whose manifest line was updated to match (plain check passes)', () => {
    const dir = fresh();
    tamper(dir, 'relu-contour');
    expect(cli(['check', 'configs', '--out', 'out'], dir).code).toBe(0);
    const r = cli(['check', 'configs', '--out', 'out', '--verify'], dir);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toEqual([
      `differs ${path.join('out', 'relu-contour.png')} (relu-contour, from ${path.join('configs', 'basic', 'contours.json')}): its bytes differ from a fresh render of its config`,
    ]);
    expect(r.err).toMatch(/1 differ from a fresh render/);
    const j = cliJson(['check', 'configs', '--out', 'out', '--verify'], dir);
    expect(j.json.differs.map((d: { name: string }) => d.name)).toEqual(['relu-contour']);
    expect(j.json).toMatchObject({ ok: false, verified: 4, current: 3 });
  });

  it('--figure NAME (repeatable) re-renders only those figures', () => {
    const dir = fresh();
    tamper(dir, 'relu-contour');
    const other = cliJson(['check', 'configs', '--out', 'out', '--verify', '--figure', 'relu-line', '--figure', 'step-line'], dir);
    expect(other.code).toBe(0);
    expect(other.json.verified).toBe(2);
    const named = cliJson(['check', 'configs', '--out', 'out', '--verify', '--figure', 'relu-contour'], dir);
    expect(named.code).toBe(1);
    expect(named.json.differs.map((d: { name: string }) => d.name)).toEqual(['relu-contour']);
  });

  it('names an unknown --figure, and refuses --figure without --verify', () => {
    const dir = fresh();
    const r = cli(['check', 'configs', '--out', 'out', '--verify', '--figure', 'nope'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--figure: no figure named "nope" in configs');
    const u = cli(['check', 'configs', '--out', 'out', '--figure', 'relu-line'], dir);
    expect(u.code).toBe(2);
    expect(u.err).toContain('--figure goes with --verify');
  });

  it('reports a missing file as differing too', () => {
    const dir = fresh();
    fs.rmSync(path.join(dir, 'out/step-line.png'));
    const j = cliJson(['check', 'configs', '--out', 'out', '--verify'], dir);
    expect(j.code).toBe(1);
    expect(j.json.differs).toEqual([expect.objectContaining({ name: 'step-line', reason: 'the file is not there' })]);
  });
});
