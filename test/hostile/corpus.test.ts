/**
 * The hostile corpus (issue 13), run in-process through main(): every case is a bad input beside a
 * good figure, and corpus.ts checks the exit code, the one error line naming the file and the
 * problem, no stack trace, nothing written outside --out, the good figure rendered and
 * Object.prototype unpolluted. Cases that need a real process (memory, time, FIFOs) are in
 * child.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, type Case } from './corpus.js';

const contour = (over: Record<string, unknown> = {}) => ({
  name: 'bad', kind: 'contour', width: 200, height: 150,
  x: { range: [-5, 5], samples: 11 }, y: { range: [-5, 5], samples: 11 }, levels: 5,
  perceptron: { weights: [1, 2], bias: -1, activation: 'relu' }, ...over,
});
const sweep = (path: string, from: number, to: number, frames = 4, over: Record<string, unknown> = {}) =>
  contour({ sweep: { path, from, to, frames, sheet: 0 }, ...over });
const layer = (rows: number, cols: number, w = 0.01, activation = 'relu') => ({
  weights: Array.from({ length: rows }, () => Array(cols).fill(w)), biases: Array(rows).fill(0), activation,
});

const servers: net.Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

const cases: Case[] = [
  // Prototype pollution through sweep paths: never a key, whatever the spelling.
  { name: 'sweep through __proto__', files: { 'a.json': sweep('__proto__.polluted', 0, 1) }, code: 1, message: /sweep\.path: "__proto__\.polluted" does not name a number in this figure: "__proto__" is not a config key/ },
  { name: 'sweep through constructor.prototype', files: { 'a.json': sweep('perceptron.constructor.prototype.polluted', 0, 1) }, code: 1, message: /sweep\.path: .*"constructor" is not a config key/ },
  { name: 'sweep of prototype at the top', files: { 'a.json': sweep('prototype', 0, 1) }, code: 1, message: /"prototype" is not a config key/ },
  { name: 'sweep of a key the schema does not have', files: { 'a.json': sweep('perceptron.polluted', 0, 1) }, code: 1, message: /"polluted" is not a key the figure's schema has in perceptron/ },
  { name: 'sweep through a list method', files: { 'a.json': sweep('perceptron.weights.push', 0, 1) }, code: 1, message: /"push" is not an index/ },
  // Sweeps of things that are not parameters.
  { name: 'sweep of an array length (negative)', files: { 'a.json': sweep('perceptron.weights.length', -1, 3) }, code: 1, message: /"perceptron\.weights\.length" does not name a number.*a list's length cannot be swept/ },
  { name: 'sweep of an array length (huge)', files: { 'a.json': sweep('perceptron.weights.length', 2, 3_000_000) }, code: 1, message: /a list's length cannot be swept/ },
  { name: 'sweep of a string', files: { 'a.json': sweep('perceptron.activation', 0, 1) }, code: 1, message: /"perceptron\.activation" does not name a number.*the schema takes/ },
  { name: 'sweep past the end of a list', files: { 'a.json': sweep('x.range.2', 0, 1) }, code: 1, message: /x\.range\.2: the list has 2 items/ },
  { name: 'sweep of its own settings', files: { 'a.json': sweep('sweep.frames', 2, 400) }, code: 1, message: /a sweep cannot vary its own settings/ },
  { name: 'sweep of an integer key over fractional frames', files: { 'a.json': sweep('levels', 2, 1000, 4) }, code: 1, message: /sweep\.frames: the frame 2 of 4 at levels = 334\.667 is invalid: expected .*levels/ },
  { name: 'a sweep of a whole-number key over whole frames renders', files: { 'a.json': sweep('width', 200, 400, 3, { name: 'wide' }) }, code: 0, outputs: ['wide.gif'] },
  { name: 'sweep whose end passes a limit', files: { 'a.json': sweep('width', 200, 9000, 3) }, code: 1, message: /sweep\.to: the frame at width = 9000 is invalid/ },
  // Files read blindly.
  { name: 'a FIFO named x.json', files: { 'x.json': (f: string) => spawnSync('mkfifo', [f]) }, code: 1, message: /is a FIFO \(named pipe\), not a regular file/ },
  {
    name: 'a socket named s.json',
    files: { 's.json': (f: string) => { const s = net.createServer(); s.listen(f); servers.push(s); spawnSync('sleep', ['0.2']); } },
    code: 1, message: /not a regular file/,
  },
  { name: '/dev/zero named as a config', files: {}, args: ['render', '{configs}', '/dev/zero', '--out', '{out}', '--jobs', '1'], code: 1, message: /\/dev\/zero: is a character device, not a regular file/, names: '/dev/zero' },
  { name: 'a sparse 1 GB file', files: { 'big.json': (f: string) => { fs.writeFileSync(f, '{'); fs.truncateSync(f, 1024 ** 3); } }, code: 1, message: /file is 1073741824 bytes; the limit is 1048576/ },
  { name: 'a file one byte over the limit', files: { 'big.json': (f: string) => fs.writeFileSync(f, ' '.repeat(1024 * 1024 + 1)) }, code: 1, message: /file is 1048577 bytes; the limit is 1048576/ },
  {
    name: 'FIFOs in the output folder where the manifest, the gallery and a figure go',
    files: { 'a.json': contour({ name: 'fig' }) },
    prepare: (dir: string) => { fs.mkdirSync(path.join(dir, 'out')); for (const f of ['manifest.json', 'index.html', 'fig.png']) spawnSync('mkfifo', [path.join(dir, 'out', f)]); },
    code: 1, message: /manifest\.json is not an actiplot manifest \(is a FIFO \(named pipe\), not a regular file\)/, names: null, good: false,
  },
  {
    name: 'a FIFO and /dev/zero given to merge as manifests',
    files: {}, prepare: (dir: string) => spawnSync('mkfifo', [path.join(dir, 'm.json')]),
    args: ['merge', '{dir}/m.json', '/dev/zero', '--out', '{out}'], code: 1, message: /m\.json: not an actiplot manifest \(is a FIFO \(named pipe\), not a regular file\)/, names: null, good: false,
  },
  // Work no single limit bounds.
  {
    name: 'grid points × network multiply-adds',
    files: { 'a.json': contour({ perceptron: undefined, x: { range: [-5, 5], step: 0.01 }, y: { range: [-5, 5], step: 0.01 }, network: { layers: [layer(256, 2), layer(256, 256), layer(1, 256, 0.01, 'identity')] } }) },
    code: 1, message: /over the work budget .*needs 6\.75e10, the budget is 4\.00e9 \(16\.9× over\)/,
  },
  {
    // Counted from the base config (step 1) the animation would be within budget; its frames are not
    // (7.7e9 to draw, and as much again for the fixed colour scale's pass over every frame).
    name: 'a sweep whose frames cost more than the figure it sweeps',
    files: { 'a.json': contour({ perceptron: undefined, network: { layers: [layer(64, 2), layer(1, 64, 0.01, 'identity')] }, x: { range: [-5, 5], step: 1 }, y: { range: [-5, 5], step: 0.01 }, sweep: { path: 'x.step', from: 0.01, to: 1, frames: 500, sheet: 0 } }) },
    code: 1, message: /over the work budget .*needs 1\.55e10, the budget is 4\.00e9/,
  },
  {
    name: 'hidden neurons that become panels',
    files: { 'a.json': contour({ perceptron: undefined, neurons: true, network: { layers: [layer(200, 2), layer(1, 200, 0.01, 'identity')] } }) },
    code: 1, message: /neurons: the figure would have 201 panels .*the limit is 64/,
  },
  { name: 'frames × pixels', files: { 'a.json': sweep('perceptron.bias', 0, 1, 500, { width: 8000, height: 8000 }) }, code: 1, message: /over the animation budget .*needs 3\.20e10, the budget is 3\.00e8 \(107× over\)/ },
  { name: 'a contact sheet of many large grids', files: { 'a.json': sweep('perceptron.bias', 0, 1, 9, { x: { range: [-5, 5], samples: 4000 }, y: { range: [-5, 5], samples: 1000 }, sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: 9, sheet: 9 } }) }, code: 1, message: /sweep\.sheet: its contact sheet of 9 frames is over the memory budget for grids .*needs 3\.60e7/ },
  { name: 'grid × levels for SVG', files: { 'a.json': contour({ format: 'svg', x: { range: [-5, 5], step: 0.01 }, y: { range: [-5, 5], step: 0.01 }, levels: 101 }) }, code: 1, message: /over the vector budget .*needs 1\.01e8, the budget is 5\.00e7/ },
  { name: 'grid × levels for SVG through --format', files: { 'a.json': contour({ x: { range: [-5, 5], step: 0.01 }, y: { range: [-5, 5], step: 0.01 }, levels: 101 }) }, args: ['render', '{configs}', '--out', '{out}', '--jobs', '1', '--format', 'svg'], code: 1, message: /with --format svg: over the vector budget/, outputs: [], good: false },
  { name: 'a 1 MB title', files: { 'a.json': contour({ title: 'x'.repeat(1_000_000) }) }, code: 1, message: /title: a text of 1000000 characters; the limit is 500/ },
  { name: 'a long sweep caption', files: { 'a.json': sweep('perceptron.bias', 0, 1, 3, { sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: 3, label: 'y'.repeat(501) } }) }, code: 1, message: /sweep\.label: a text of 501 characters/ },
  // Messages that would quote a huge key or path: one short line still.
  { name: 'a 500 KB unknown key', files: { 'a.json': contour({ ['k'.repeat(500_000)]: 1 }) }, code: 1, message: /^.{0,1500}: unknown key "k{50,60}\.\.\." \(|^.{0,1500}unknown key "k+\.\.\."/ },
  { name: 'a 500 KB sweep path', files: { 'a.json': sweep('a.'.repeat(250_000) + 'b', 0, 1) }, code: 1, message: /^.{0,1500}sweep\.path: "(a\.)+a?\.{0,3}" does not name a number in this figure: a is not in this figure/ },
  // Code run from a file: a colour is an SVG attribute value.
  { name: 'markup injected through a colour', files: { 'a.json': { name: 'bad', kind: 'line', format: 'svg', width: 200, height: 150, series: [{ activation: 'relu', color: 'red" onload="alert(1)' }] } }, code: 1, message: /series\[0\]\.color: expected a CSS colour .*got "red\\" onload=/ },
  { name: 'a misspelt colour name', files: { 'a.json': contour({ boundary: { color: 'gren' } }) }, code: 1, message: /boundary\.color: expected a CSS colour .*\(did you mean "green"\?\)/ },
  // Figures that are silently wrong.
  {
    name: 'a network that overflows on the grid',
    files: { 'a.json': contour({ perceptron: undefined, network: { layers: [{ weights: [[1e300, 1e300]], biases: [0], activation: 'relu' }, { weights: [[1e300]], biases: [0], activation: 'identity' }] } }) },
    code: 1, message: /bad: failed to render: the network's output is not finite: network\.layers\[1\] \(of 2\), neuron 0, gives Infinity at x1 = /,
  },
  {
    name: 'a line series that overflows',
    files: { 'a.json': { name: 'bad', kind: 'line', width: 200, height: 150, series: [{ activation: 'relu' }, { network: { layers: [{ weights: [[1e300]], biases: [0], activation: 'relu' }, { weights: [[1e300]], biases: [0], activation: 'identity' }] } }] } },
    code: 1, message: /bad: failed to render: series\[1\]: the network's output is not finite: network\.layers\[1\]/,
  },
  {
    name: 'an activation parameter that overflows a line',
    files: { 'a.json': { name: 'bad', kind: 'line', width: 200, height: 150, series: [{ activation: { name: 'leaky_relu', slope: 1e308 } }] } },
    code: 1, message: /bad: failed to render: series\[0\] \("leaky_relu\(slope=1e\+308\)"\) is -Infinity at x = -5; use a smaller weight or bias, or another activation/,
  },
  {
    name: 'an activation parameter that overflows a contour',
    files: { 'a.json': contour({ perceptron: { weights: [1, 2], bias: 0, activation: { name: 'leaky_relu', slope: 1e308 } } }) },
    code: 1, message: /bad: failed to render: the perceptron's output is -Infinity at x1 = -5, x2 = -5/,
  },
  // Internal errors from ordinary mistakes.
  { name: '--out given twice', files: {}, args: ['render', '{configs}', '--out', '{out}', '--out', '{dir}/elsewhere'], code: 2, message: /--out is given 2 times/, names: null, good: false },
  { name: 'SOURCE_DATE_EPOCH out of range', files: { 'a.json': contour({ format: 'pdf', name: 'doc' }) }, env: { SOURCE_DATE_EPOCH: '99999999999999' }, code: 0, message: /warning: SOURCE_DATE_EPOCH="99999999999999" is not a whole number of seconds/, names: null, outputs: ['doc.pdf'] },
  { name: 'SOURCE_DATE_EPOCH not a number', files: { 'a.json': contour({ format: 'pdf', name: 'doc' }) }, env: { SOURCE_DATE_EPOCH: '-5e3' }, code: 0, message: /warning: SOURCE_DATE_EPOCH="-5e3"/, names: null, outputs: ['doc.pdf'] },
  { name: 'eval --panel NaN', files: { 'p.json': { name: 'p', kind: 'panels', panels: [{ kind: 'line', series: [{ activation: 'relu' }] }] } }, args: ['eval', '--config', '{configs}/p.json', '--figure', 'p', '--panel', 'NaN', '--input', '1'], code: 2, message: /--panel: expected a whole number from 0 to \d+, got "?NaN"?/, names: null, good: false },
  { name: 'eval --series 0.5', files: { 'l.json': { name: 'l', kind: 'line', series: [{ activation: 'relu' }, { activation: 'step' }] } }, args: ['eval', '--config', '{configs}/l.json', '--figure', 'l', '--series', '0.5', '--input', '1'], code: 2, message: /--series: expected a whole number from 0 to \d+, got "?0\.5"?/, names: null, good: false },
  { name: 'eval --param __proto__=1', files: {}, args: ['eval', '-a', 'leaky_relu', '--param', '__proto__=1', '--input', '1'], code: 2, message: /unknown parameter "__proto__"; expected slope/, names: null, good: false },
  { name: 'eval --param on an activation without parameters', files: {}, args: ['eval', '-a', 'relu', '--param', 'constructor=1', '--input', '1'], code: 2, message: /relu: unknown parameter "constructor"; it takes no parameters/, names: null, good: false },
  { name: 'two letters swapped in a key', files: { 'a.json': contour({ x: { rnage: [-5, 5], samples: 11 } }) }, code: 1, message: /x\.rnage: unknown key "rnage" \(did you mean "range"\?\)/ },
  // Smaller.
  { name: 'the same file under two spellings', files: { 'a.json': contour({ name: 'one' }) }, args: ['render', '{configs}/a.json', '{configs}/../configs/a.json', '{configs}', '--out', '{out}', '--jobs', '1'], code: 0, outputs: ['one.png'] },
  { name: '--out equal to the configs folder', files: {}, args: ['render', '{configs}', '--out', '{configs}', '--jobs', '1'], code: 2, message: /--out .* is the configs folder .*give the figures a folder of their own/, names: null, good: false },
  { name: 'a configs folder inside --out', files: { 'sub/a.json': contour() }, args: ['render', '{configs}/sub', '--out', '{configs}', '--jobs', '1'], code: 2, message: /\(or holds it\)/, names: null, good: false },
  // Issue 18: every error of a figure, a missing key paired with its misspelling.
  { name: 'a misspelt required key', files: { 'a.json': contour({ perceptron: { wieghts: [1, 2], activation: 'relu' } }) }, code: 1, message: /perceptron\.wieghts: unknown key "wieghts" \(did you mean "weights"\?\)$/ },
];

describe('hostile corpus (in-process)', () => {
  for (const c of cases) it(c.name, async () => void (await runInProcess(c)));

  it('a figure with several mistakes reports each of them, up to five', async () => {
    const o = await runInProcess({
      name: 'several mistakes',
      files: { 'a.json': contour({ perceptron: { wieghts: [1, 2], activation: 'relu' }, levels: 'many', alpha: 3, colormap: 'virdis' }) },
      code: 1,
    });
    const lines = o.err.filter((l) => l.includes('a.json:') && !l.startsWith(' '));
    expect(lines.map((l) => l.replace(/^.*a\.json:\d+:\d+: /, ''))).toEqual(expect.arrayContaining([
      'perceptron.wieghts: unknown key "wieghts" (did you mean "weights"?)',
      expect.stringMatching(/^levels: expected a count of levels/),
      expect.stringMatching(/^alpha: expected an opacity from 0 to 1/),
      expect.stringMatching(/^colormap: .*\(did you mean "viridis"\?\)/),
    ]));
    expect(lines).toHaveLength(4);
    // In the order they stand in the file.
    const at = lines.map((l) => /a\.json:(\d+):(\d+):/.exec(l)!.slice(1).map(Number));
    expect(at).toEqual([...at].sort((p, q) => p[0] - q[0] || p[1] - q[1]));
    const many = await runInProcess({
      name: 'more than five mistakes',
      files: { 'a.json': contour({ alpha: 3, levels: 'x', colormap: 1, grid: 2, threshold: 'a', neurons: 3, title: 4 }) },
      code: 1,
    });
    expect(many.err.filter((l) => l.includes('a.json:') && !l.startsWith(' '))).toHaveLength(5);
  });

  it('any single-valued option given twice is a usage error naming it (no array reaches a handler)', async () => {
    const twice: [string, string, string][] = [['--out', 'a', 'b'], ['--jobs', '1', '2'], ['--shard', '1/2', '2/2'], ['--summary', 's1.md', 's2.md'], ['--format', 'svg', 'png'], ['--scale', '1', '2']];
    for (const [flag, a, b] of twice) {
      await runInProcess({ name: `${flag} twice`, files: {}, good: false, args: ['render', '{configs}', ...(flag === '--out' ? [] : ['--out', '{out}']), flag, a, flag, b], code: 2, message: new RegExp(`^actiplot: ${flag} is given 2 times`), names: null });
    }
    for (const args of [['check', '{configs}', '--out', 'a', '--out', 'b'], ['merge', 'm.json', '--out', 'a', '--out', 'b'], ['eval', '-a', 'relu', '--input', '1', '--input', '2'], ['eval', '-a', 'relu', '-a', 'step', '--input', '1']]) {
      await runInProcess({ name: args.join(' '), files: {}, good: false, args, code: 2, message: /is given 2 times/, names: null });
    }
  });

  it('--prune meeting a folder where the manifest names a file leaves it and says so', async () => {
    const c: Case = { name: 'prune folder', files: { 'gone.json': contour({ name: 'gone' }) }, code: 0, outputs: ['gone.png'] };
    const first = await runInProcess(c);
    const out = path.join(first.dir, 'out');
    fs.rmSync(path.join(out, 'gone.png'));
    fs.mkdirSync(path.join(out, 'gone.png'));
    fs.rmSync(path.join(first.dir, 'configs/gone.json'));
    const err: string[] = [];
    const logs: string[] = [];
    const { main } = await import('../../src/cli/main.js');
    const code = await main(['render', path.join(first.dir, 'configs'), '--out', out, '--jobs', '1', '--prune'], { out: (l) => logs.push(l), err: (l) => err.push(l) });
    expect(code, err.join('\n')).toBe(0);
    expect(logs.join('\n')).toMatch(/not pruned .*gone\.png is a folder, not the file the manifest lists; left alone/);
    expect(fs.statSync(path.join(out, 'gone.png')).isDirectory()).toBe(true);
  });
});
