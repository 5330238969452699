/**
 * Output stays where it belongs, and nothing is lost: actiplot never writes through a symbolic
 * link, never overwrites or deletes a file it did not make, and a figure that fails (bad config, or
 * an exception while drawing) leaves the others rendered and its own previous output untouched.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { cli, hashes, tempDir, writeJson } from './helpers.js';
import { render } from '../../src/pipeline/run.js';
import { draw, inProcessRenderer, type Draw } from '../../src/pipeline/in-process.js';
import { createReporter } from '../../src/pipeline/progress.js';
import { closingLine } from '../../src/cli/pipeline.js';

const fig = (name: string, bias = 0) => ({ name, kind: 'line', width: 200, height: 150, series: [{ activation: 'relu', bias }] });

function project(tag: string): string {
  const dir = tempDir(tag);
  writeJson(path.join(dir, 'configs/figs.json'), { figures: [fig('a'), fig('b'), fig('c')] });
  return dir;
}

describe('confinement', () => {
  it('refuses an output folder that is a symbolic link, writing nothing anywhere', () => {
    const dir = project('conf-link');
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    fs.symlinkSync('elsewhere', path.join(dir, 'out'));
    const r = cli(['render', 'configs', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot use out as the output folder: out is a symbolic link \(to elsewhere\); actiplot refuses to write through it/);
    expect(fs.readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
  });

  it.each([['1'], ['2']])('refuses to write through a symbolic link inside the folder, even with --force (--jobs %s)', (jobs) => {
    const dir = project('conf-file-link');
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'precious.png'), 'keep me');
    fs.symlinkSync('../precious.png', path.join(dir, 'out', 'b.png'));
    const r = cli(['render', 'configs', '--out', 'out', '--force', '--jobs', jobs], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/out\/b\.png is a symbolic link \(to \.\.\/precious\.png\); actiplot refuses to write through it/);
    expect(fs.readFileSync(path.join(dir, 'precious.png'), 'utf8')).toBe('keep me');
    expect(fs.lstatSync(path.join(dir, 'out', 'b.png')).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(dir, 'out', 'a.png'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'out', 'c.png'))).toBe(true);
  });

  it('never overwrites a file it did not make, and --prune never deletes one', () => {
    const dir = project('conf-foreign');
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'out', 'b.png'), 'a file of the user');
    fs.writeFileSync(path.join(dir, 'out', 'notes.txt'), 'mine');
    const r = cli(['render', 'configs', '--out', 'out', '--prune'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/out\/b\.png exists and was not made by actiplot; delete it or pass --force/);
    expect(fs.readFileSync(path.join(dir, 'out', 'b.png'), 'utf8')).toBe('a file of the user');
    // Remove every figure from the config: --prune deletes only what the manifest says is ours.
    writeJson(path.join(dir, 'configs/figs.json'), { figures: [] });
    const pruned = cli(['render', 'configs', '--out', 'out', '--prune'], dir);
    expect(pruned.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['b.png', 'index.html', 'manifest.json', 'notes.txt']);
  });
});

describe('nothing lost', () => {
  it('an exception while drawing one figure leaves the others rendered and its old file untouched', async () => {
    const dir = project('conf-fault');
    const out = path.join(dir, 'out');
    const paths = [path.join(dir, 'configs')];
    expect((await render({ paths, out })).failed).toEqual([]);
    const before = hashes(out);
    // Change every figure, so all three must be rendered again, and make drawing "b" throw.
    writeJson(path.join(dir, 'configs/figs.json'), { figures: [fig('a', 1), fig('b', 1), fig('c', 1)] });
    const faulty: Draw = (f, mode) => (f.name === 'b' ? Promise.reject(new Error('injected fault while drawing b')) : draw(f, mode));
    const lines: string[] = [];
    const reporter = createReporter({ mode: 'lines', line: (l) => lines.push(l), error: (l) => lines.push(l), closing: (l) => lines.push(l) });
    const r = await render({ paths, out, reporter, renderer: inProcessRenderer({ draw: faulty }) });
    reporter.end(closingLine(r));
    const text = lines.join('\n');
    expect(r.failed).toEqual([`${path.join(dir, 'configs/figs.json')}: b: failed to render: injected fault while drawing b`]);
    expect(text).toMatch(/1 problem:\n {2}.*configs\/figs\.json: b: failed to render: injected fault while drawing b\n2 figures written, 1 failed/);
    expect(text).not.toMatch(/\n\s+at /);
    const after = hashes(out);
    expect(after['b.png']).toBe(before['b.png']);
    expect(after['a.png']).not.toBe(before['a.png']);
    expect(after['c.png']).not.toBe(before['c.png']);
    // The next run, without the fault, repairs b.
    const again = cli(['render', 'configs', '--out', 'out'], dir);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/1 figure written, 0 failed, 2 up to date/);
  });

  it('a bad config leaves the previous output of its figures untouched and the rest rendered', () => {
    const dir = project('conf-bad');
    writeJson(path.join(dir, 'configs/other.json'), fig('d'));
    expect(cli(['render', 'configs', '--out', 'out'], dir).code).toBe(0);
    const before = hashes(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'configs/other.json'), '{"name": "d", "kind": "line", "series": [{"activation": "relu", "bias": "x"}]}');
    writeJson(path.join(dir, 'configs/figs.json'), { figures: [fig('a', 2), fig('b'), fig('c')] });
    const r = cli(['render', 'configs', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/configs\/other\.json:1:\d+: series\[0\]\.bias: expected a number, got "x"/);
    const after = hashes(path.join(dir, 'out'));
    expect(after['d.png']).toBe(before['d.png']);
    expect(after['a.png']).not.toBe(before['a.png']);
  });
});
