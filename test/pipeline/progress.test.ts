import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createReporter, formatDuration, progressMode, type Reporter } from '../../src/pipeline/progress.js';
import { BIN, cli, cliJson, tempDir, withFixtures } from './helpers.js';
import { render } from '../../src/pipeline/run.js';

describe('progress', () => {
  it('progressMode(quiet, stream, env): a bar only on a terminal outside CI', () => {
    expect(progressMode(false, { isTTY: true }, {})).toBe('bar');
    expect(progressMode(false, { isTTY: true }, { CI: 'true' })).toBe('lines');
    expect(progressMode(false, { isTTY: true }, { CI: 'false' })).toBe('bar');
    expect(progressMode(false, { isTTY: true }, { TERM: 'dumb' })).toBe('lines');
    expect(progressMode(false, { isTTY: false }, {})).toBe('lines');
    expect(progressMode(true, { isTTY: true }, {})).toBe('quiet');
  });

  it('formatDuration(ms) reads as s, m and h', () => {
    expect([formatDuration(400), formatDuration(59_400), formatDuration(61_000), formatDuration(3_725_000)]).toEqual(['0s', '59s', '1m01s', '1h02m']);
  });

  it('the bar redraws in place with counts and time left, puts errors on their own lines and clears itself', () => {
    let tty = '';
    const lines: string[] = [];
    const errors: string[] = [];
    let t = 0;
    const r = createReporter({ mode: 'bar', line: (l) => lines.push(l), error: (l) => errors.push(l), tty: { write: (s) => (tty += s), columns: 100 }, now: () => t, tickMs: 0 });
    r.start(4, 3);
    r.figure({ name: 'a', status: 'skipped', config: 'c.json', path: 'out/a.png' });
    t = 1000;
    r.figure({ name: 'b', status: 'rendered', config: 'c.json', path: 'out/b.png', ms: 1000 });
    t = 2000;
    r.figure({ name: 'c', status: 'failed', config: 'c.json', message: 'failed to render: boom' });
    t = 2100;
    r.figure({ name: 'd', status: 'rendered', config: 'c.json', path: 'out/d.png', ms: 100 });
    r.end('done');
    const frames = tty.split('\r\x1b[K').filter(Boolean);
    expect(frames[0]).toMatch(/^\[-+\] 0\/4 {2}rendered 0 {2}up to date 0 {2}failed 0$/);
    // One figure back says nothing about the pace yet: no estimate.
    expect(frames).toContain('[###############---------------] 2/4  rendered 1  up to date 1  failed 0');
    expect(frames.at(-1)).toMatch(/^\[#+\] 4\/4 {2}rendered 2 {2}up to date 1 {2}failed 1$/);
    expect(tty.endsWith('\r\x1b[K')).toBe(true);
    // The failure on its own line as it happens, then again in the closing summary.
    expect(errors).toEqual(['c.json: c: failed to render: boom', '1 problem:', '  c.json: c: failed to render: boom']);
    expect(lines).toEqual(['done']);
  });

  it('on a real terminal, render draws the bar on stderr (run under script(1))', () => {
    const dir = withFixtures(tempDir('tty'), 'basic');
    const env = { ...process.env };
    delete env.CI;
    delete env.GITHUB_ACTIONS;
    const r = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} render configs --out out --jobs 1`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...env, TERM: 'xterm' }, timeout: 30_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\r\x1b\[K\[#+\] 4\/4 {2}rendered 4/);
    expect(r.stdout).not.toMatch(/^rendered /m);
    expect(r.stdout).toMatch(/4 figures written, 0 failed, 0 up to date/);
  });
});

/** A bar on a fake terminal with a fake clock: the frames it drew, each with the time it was drawn. */
function fakeBar() {
  let t = 0;
  const frames: { t: number; text: string }[] = [];
  const errors: string[] = [];
  const r: Reporter = createReporter({
    mode: 'bar',
    line: () => {},
    error: (l) => errors.push(l),
    tty: { write: (s) => s.split('\r\x1b[K').filter(Boolean).forEach((text) => frames.push({ t, text })), columns: 100 },
    now: () => t,
    tickMs: 1000,
  });
  /** Moves the clock to `to`, letting the bar's 1 s redraws fire on the way. */
  const advance = (to: number) => {
    while (t + 1000 <= to) {
      t += 1000;
      vi.advanceTimersByTime(1000);
    }
    vi.advanceTimersByTime(to - t);
    t = to;
  };
  return { r, frames, errors, advance, now: () => t };
}

/** Seconds left that a frame shows, or undefined. */
const secondsLeft = (text: string) => {
  const m = / ~(?:(\d+)m)?(\d+)s left$/.exec(text);
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : undefined;
};

describe('progress: time left and failures on a terminal (fake clock, fake tty)', () => {
  afterEach(() => vi.useRealTimers());

  it('a 4 s run of 8 figures after 1.5 s of start-up: estimates within 50% of the truth, never "~0s"', () => {
    vi.useFakeTimers();
    const { r, frames, advance } = fakeBar();
    r.start(8, 8);
    const finishAt = Array.from({ length: 8 }, (_, i) => 1500 + i * 350);
    for (const [i, at] of finishAt.entries()) {
      advance(at);
      r.figure({ name: `f${i}`, status: 'rendered', config: 'c.json', path: `out/f${i}.png`, ms: 300 });
    }
    r.end('done');
    const end = finishAt.at(-1)!;
    const shown = frames.filter((f) => secondsLeft(f.text) !== undefined);
    expect(shown.length).toBeGreaterThan(0);
    for (const f of shown) {
      const truth = (end - f.t) / 1000;
      expect(secondsLeft(f.text)!, f.text).toBeGreaterThanOrEqual(1);
      expect(Math.abs(secondsLeft(f.text)! - truth), `${f.text} at ${f.t} ms`).toBeLessThanOrEqual(Math.max(1, truth * 0.5));
    }
  });

  it('a 40-frame animation counts as 40 pieces of work: no "~0s left" while it renders', () => {
    vi.useFakeTimers();
    const { r, frames, advance } = fakeBar();
    // Three still figures and one animation of 40 frames; each frame costs what a still figure does.
    r.start(4, 4, 3 + 40);
    for (const [i, at] of [300, 600, 900].entries()) {
      advance(at);
      r.figure({ name: `still${i}`, status: 'rendered', config: 'c.json', path: `out/still${i}.png`, ms: 300 });
    }
    const end = 900 + 40 * 300;
    advance(end);
    r.figure({ name: 'sweep', status: 'rendered', config: 'c.json', path: 'out/sweep.gif', ms: 12_000, work: 40 });
    r.end('done');
    const during = frames.filter((f) => f.t > 900 && f.t < end);
    // Redrawn while the animation renders, with a time left that tracks the truth.
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(frames.some((f) => / ~0s left/.test(f.text))).toBe(false);
    for (const f of during.filter((d) => secondsLeft(d.text) !== undefined)) {
      expect(Math.abs(secondsLeft(f.text)! - (end - f.t) / 1000), `${f.text} at ${f.t} ms`).toBeLessThanOrEqual(2);
    }
    expect(secondsLeft(during[0].text)).toBeGreaterThanOrEqual(10);
    // Three figures of four are done, but only 3 of 43 pieces of work: the bar shows the work.
    expect(during[0].text).toMatch(/^\[#{1,3}-{27,29}\] 3\/4 /);
  });

  it('frames reported as they come keep the time left true while an animation renders', () => {
    vi.useFakeTimers();
    const { r, frames, advance } = fakeBar();
    r.start(2, 2, 1 + 40);
    advance(300);
    r.figure({ name: 'still', status: 'rendered', config: 'c.json', path: 'out/still.png', ms: 300 });
    const end = 300 + 40 * 300;
    for (let i = 1; i <= 40; i++) {
      advance(300 + i * 300);
      if (i < 40) r.progress!('sweep', 1);
    }
    r.figure({ name: 'sweep', status: 'rendered', config: 'c.json', path: 'out/sweep.gif', ms: 12_000, work: 40 });
    r.end('done');
    const shown = frames.filter((f) => f.t > 1000 && f.t < end - 1000 && secondsLeft(f.text) !== undefined);
    expect(shown.length).toBeGreaterThanOrEqual(20);
    for (const f of shown) expect(Math.abs(secondsLeft(f.text)! - (end - f.t) / 1000), `${f.text} at ${f.t} ms`).toBeLessThanOrEqual(1);
    expect(frames.at(-1)!.text).toMatch(/ 2\/2 {2}rendered 2 /);
  });

  it('render reports each frame of an animation as work, and counts the contact sheet as one figure', async () => {
    const dir = tempDir('progress-frames');
    const configs = path.join(dir, 'configs');
    fs.mkdirSync(configs);
    fs.writeFileSync(path.join(configs, 's.json'), JSON.stringify({
      name: 's', kind: 'contour', width: 120, height: 100, x: { range: [-1, 1], samples: 5 }, y: { range: [-1, 1], samples: 5 },
      perceptron: { weights: [1, 1], activation: 'relu' }, levels: [0, 1, 2, 3], sweep: { path: 'perceptron.bias', from: 0, to: 1, frames: 6, sheet: 3 },
    }));
    const calls: string[] = [];
    const spy: Reporter = {
      start: (t, n, w) => calls.push(`start ${t} ${n} ${w}`),
      figure: (e) => calls.push(`figure ${e.name} ${e.status} ${e.work}`),
      progress: (name, w) => calls.push(`progress ${name} ${w}`),
      error: (l) => calls.push(`error ${l}`),
      note: () => {},
      end: () => {},
    };
    const r = await render({ paths: [configs], out: path.join(dir, 'out'), jobs: 1, reporter: spy });
    expect(r.failed).toEqual([]);
    expect(calls[0]).toBe('start 2 2 7');
    expect(calls.filter((c) => c === 'progress s 1')).toHaveLength(6);
    expect(calls).toContain('figure s rendered 6');
    expect(calls).toContain('figure s-sheet rendered 1');
  });

  it('one reporter for run after run (watch): each run counts from zero and lists only its own failures', () => {
    vi.useFakeTimers();
    const { r, frames, errors, advance } = fakeBar();
    r.start(1, 1);
    advance(100);
    r.figure({ name: 'a', status: 'failed', config: 'c.json', message: 'failed to render: boom' });
    r.end('run 1');
    r.start(1, 1);
    advance(200);
    r.figure({ name: 'a', status: 'rendered', config: 'c.json', path: 'out/a.png', ms: 100 });
    r.end('run 2');
    expect(frames.at(-1)!.text).toMatch(/ 1\/1 {2}rendered 1 {2}up to date 0 {2}failed 0$/);
    expect(errors).toEqual(['c.json: a: failed to render: boom', '1 problem:', '  c.json: a: failed to render: boom']);
    const lines: string[] = [];
    const plain = createReporter({ mode: 'lines', line: (l) => lines.push(l), error: (l) => lines.push(l) });
    plain.figure({ name: 'a', status: 'failed', config: 'c.json', message: 'boom' });
    plain.figure({ name: 'b', status: 'rendered', config: 'c.json', path: 'out/b.png', ms: 1 });
    plain.end('run 1');
    plain.figure({ name: 'b', status: 'skipped', config: 'c.json', path: 'out/b.png' });
    plain.end('run 2');
    expect(lines.filter((l) => l === '1 problem:')).toHaveLength(1);
  });

  it('the failure count is live: config errors before the start and failed figures, as the closing line counts them', () => {
    vi.useFakeTimers();
    const { r, frames, errors, advance } = fakeBar();
    r.error('configs/a.json:1:2: name: expected a string, got 1');
    r.start(2, 2);
    expect(frames[0].text).toMatch(/ 0\/2 {2}rendered 0 {2}up to date 0 {2}failed 1$/);
    advance(500);
    r.figure({ name: 'b', status: 'failed', config: 'c.json', message: 'failed to render: boom' });
    advance(900);
    r.figure({ name: 'c', status: 'rendered', config: 'c.json', path: 'out/c.png', ms: 400 });
    r.end('1 figure written, 2 failed, 0 up to date (0.9 s)');
    expect(frames.at(-1)!.text).toMatch(/ 2\/2 {2}rendered 1 {2}up to date 0 {2}failed 2$/);
    expect(errors.slice(-3)).toEqual(['2 problems:', '  configs/a.json:1:2: name: expected a string, got 1', '  c.json: b: failed to render: boom']);
  });
});

describe('render output modes', () => {
  it('CI or piped: one plain line per figure on stdout, the closing line on stderr', () => {
    const dir = withFixtures(tempDir('lines'), 'basic');
    const r = cli(['render', 'configs', '--out', 'out'], dir);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l).toMatch(/^rendered +out[/\\][a-z-]+\.png 200×150 from configs[/\\]basic[/\\](lines|contours)\.json \(\d+ ms\)$/);
    expect(r.err).toMatch(/^4 figures written, 0 failed, 0 up to date \(\d+\.\d s\)\n$/);
    const again = cli(['render', 'configs', '--out', 'out'], dir);
    expect(again.out.trim().split('\n').every((l) => l.startsWith('up to date '))).toBe(true);
  });

  it('--quiet prints nothing when all is well, and errors when not', () => {
    const dir = withFixtures(tempDir('quiet'), 'basic');
    const r = cli(['render', 'configs', '--out', 'out', '--quiet'], dir);
    expect([r.code, r.out, r.err]).toEqual([0, '', '']);
    fs.writeFileSync(path.join(dir, 'configs/bad.json'), '{"name": "Bad!", "kind": "line", "series": []}');
    const bad = cli(['render', 'configs', '--out', 'out', '--quiet'], dir);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(/^configs[/\\]bad\.json:1:\d+: name: /);
  });

  it('--json prints one JSON document on stdout, and the human lines on stderr', () => {
    const dir = withFixtures(tempDir('json'), 'basic');
    const r = cliJson(['render', 'configs', '--out', 'out', '--jobs', '2'], dir);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, out: 'out', manifest: path.join('out', 'manifest.json'), counts: { rendered: 4, skipped: 0, failed: 0, errors: 0, pruned: 0 }, errors: [], pruned: [], orphans: [] });
    expect(r.json.figures[0]).toEqual({
      name: 'relu-contour', status: 'rendered', file: path.join('out', 'relu-contour.png'), format: 'png', width: 200, height: 150,
      bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), config: path.join('configs', 'basic', 'contours.json'), pointer: '/figures/0', ms: expect.any(Number),
    });
    expect(r.err).toMatch(/^rendered /m);
  });

  it('--summary writes a Markdown table of the run', () => {
    const dir = withFixtures(tempDir('summary'), 'basic');
    fs.writeFileSync(path.join(dir, 'configs/bad.json'), '{"name": "bad", "kind": "line"}');
    const r = cli(['render', 'configs', '--out', 'out', '--summary', 'reports/summary.md'], dir);
    expect(r.code).toBe(1);
    const md = fs.readFileSync(path.join(dir, 'reports/summary.md'), 'utf8');
    expect(md).toMatch(/^### actiplot render: 4 figures \(4 rendered, 0 up to date, 0 failed\), 1 other error\n/);
    expect(md).toContain('| figure | status | file | size | config | time |');
    expect(md).toMatch(/\| `relu-line` \| rendered \| `out[/\\]relu-line\.png` \| 200×150, [\d.]+ KiB \| `configs[/\\]basic[/\\]lines\.json` \| \d+ ms \|/);
    expect(md).toMatch(/\*\*Errors\*\*\n\n```text\nconfigs[/\\]bad\.json/);
  });

  it('bad usage of the build options exits 2 with a hint', () => {
    const dir = tempDir('usage');
    for (const args of [['--jobs', '0'], ['--jobs', '1.5'], ['--shard', '3/2'], ['--shard', 'half'], ['--watch', '--summary', 's.md']]) {
      const r = cli(['render', ...args], dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^actiplot: --?\w+/);
      expect(r.err).toMatch(/actiplot render --help/);
    }
    expect(cli(['merge'], dir).code).toBe(2);
  });
});
