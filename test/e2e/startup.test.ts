import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve('bin/actiplot.js');
const HOOK = path.resolve('test/e2e/fixtures/log-resolved.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-startup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The modules `actiplot ...args` loads (ES modules: the bundle's chunks and what they import; and files require() loaded). */
function loads(args: string[], name: string, status = 0): string[] {
  const log = path.join(dir, `${name}.log`);
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', RESOLVED_LOG: log } });
  expect(r.status, r.stderr).toBe(status);
  return fs.readFileSync(log, 'utf8').trim().split('\n');
}

describe('what a start loads', () => {
  fs.mkdirSync(path.join(dir, 'configs'));
  fs.writeFileSync(path.join(dir, 'configs/c.json'), JSON.stringify({ name: 'c', kind: 'contour', width: 200, height: 150, perceptron: { weights: [1, 2], bias: -5, activation: 'relu' } }));

  it('a one-figure render loads neither the schema (TypeBox) nor a watch (chokidar), nor code of the rarer commands', () => {
    const urls = loads(['render', 'configs', '--out', 'out', '--quiet'], 'render');
    expect(urls.some((u) => /\/dist\/bin\/figure-[A-Z0-9]+\.js$/.test(u))).toBe(true); // it did draw
    for (const u of urls) expect(u).not.toMatch(/@sinclair\/typebox|chokidar|\/(schema|watch|diff|merge|hints|eval)-[A-Z0-9]+\.js$/);
    // A valid config passes the small validator; the one that explains errors stays unloaded.
    expect(urls.some((u) => u.endsWith('/dist/generated/figure-explain.cjs'))).toBe(false);
  });

  it('a config that fails the schema loads the validator that explains why', () => {
    fs.mkdirSync(path.join(dir, 'bad'));
    fs.writeFileSync(path.join(dir, 'bad/b.json'), JSON.stringify({ name: 'b', kind: 'contour', levels: 'many', perceptron: { weights: [1, 2], activation: 'relu' } }));
    const urls = loads(['render', 'bad', '--out', 'out-bad', '--quiet'], 'bad', 1);
    expect(urls.some((u) => u.endsWith('/dist/generated/figure-explain.cjs'))).toBe(true);
  });

  it('--version loads no pipeline and no drawing code', () => {
    const urls = loads(['--version'], 'version');
    for (const u of urls) expect(u).not.toMatch(/\/dist\/bin\/(library|figure)-[A-Z0-9]+\.js$|@sinclair\/typebox/);
  });
});
