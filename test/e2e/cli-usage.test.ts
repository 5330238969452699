import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { nearestFlag } from '../../src/cli/hints.js';
import { usageHint } from '../../src/cli/io.js';
import { checkClosing } from '../../src/cli/pipeline.js';

const BIN = path.resolve('bin/actiplot.js');

/** The CLI in this process: exit code and the lines it printed. */
async function run(argv: string[], cwd?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

function temp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-usage-'));
}

function help(args: string[], columns: number): string {
  const r = spawnSync(process.execPath, [BIN, ...args, '--help'], { encoding: 'utf8', env: { ...process.env, COLUMNS: String(columns) } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** The commands, as the top-level help lists them (so a new command is checked too). */
const COMMANDS = [...help([], 100).matchAll(/^ {2}actiplot (\w+)/gm)].map((m) => m[1]);

describe('usage errors: one line, a suggestion, the hint of the command that failed, exit 2', () => {
  it('a mistyped flag gets the nearest flag of its command', async () => {
    const forse = await run(['render', 'configs', '--forse']);
    expect(forse).toMatchObject({ code: 2, err: ['actiplot: unknown option --forse (did you mean --force?)', usageHint('render')] });
    const output = await run(['render', 'configs', '--output', 'o']);
    expect(output.err[0]).toBe('actiplot: unknown option --output (did you mean --out?)');
    const formt = await run(['eval', '-a', 'relu', '-i', '1', '--formt', 'json']);
    expect(formt).toMatchObject({ code: 2, err: ['actiplot: unknown option --formt (did you mean --format?)', usageHint('eval')] });
    expect((await run(['render', 'configs', '--quite'])).err[0]).toBe('actiplot: unknown option --quite (did you mean --quiet?)');
    expect((await run(['render', 'configs', '--no-galery'])).err[0]).toBe('actiplot: unknown option --no-galery (did you mean --no-gallery?)');
    expect((await run(['eval', '-a', 'relu', '-i', '1', '--config-file', 'x'])).err[0]).toBe('actiplot: unknown option --config-file (did you mean --config?)');
    expect((await run(['check', 'configs', '--prune'])).err[0]).toBe('actiplot: --prune is an option of render, not of check');
    expect((await run(['validate', 'configs', '--out', 'o'])).err[0]).toBe('actiplot: --out is an option of render, check, merge and snippet, not of validate');
    const far = await run(['check', '--zzzzzz']);
    expect(far.err[0]).toBe('actiplot: unknown option --zzzzzz');
    expect(far.err[1]).toContain('actiplot check --help');
  });

  it('the hint fits the command: render, eval, merge and no command each get their own', async () => {
    expect(usageHint('render')).toBe('Run "actiplot render --help" for its options, e.g. "actiplot render configs --out output".');
    expect(usageHint('eval')).toMatch(/^Run "actiplot eval --help" for its options, e\.g\. "actiplot eval --activation relu/);
    expect(usageHint(undefined)).toMatch(/^Run "actiplot --help" for the commands/);
    const r = await run(['merge']);
    expect(r.code).toBe(2);
    expect(r.err.at(-1)).toContain('actiplot merge --help');
    const none = await run(['rendr']);
    expect(none).toMatchObject({ code: 2, err: ['actiplot: unknown command "rendr" (did you mean render?)', usageHint(undefined)] });
  });

  it('nearestFlag(unknown, known): close spellings and shorter or longer forms, nothing for a stranger', () => {
    const known = ['out', 'o', 'jobs', 'force', 'format', 'prune', 'quiet'];
    expect(nearestFlag('forse', known)).toBe('force');
    expect(nearestFlag('output', known)).toBe('out');
    expect(nearestFlag('job', known)).toBe('jobs');
    expect(nearestFlag('formt', known)).toBe('format');
    expect(nearestFlag('zebra', known)).toBeUndefined();
    expect(nearestFlag('x', known)).toBeUndefined();
  });

  it('a value that is not a number is shown as typed, not as NaN', async () => {
    const jobs = await run(['render', 'configs', '--jobs', 'abc']);
    expect(jobs).toMatchObject({ code: 2, err: ['actiplot: --jobs: expected a whole number from 1 to 256, got "abc"', usageHint('render')] });
    expect((await run(['render', 'configs', '-j', '0'])).err[0]).toBe('actiplot: --jobs: expected a whole number from 1 to 256, got 0');
    expect((await run(['render', 'configs', '--scale', 'big'])).err[0]).toBe('actiplot: --scale: expected a number from 0.5 to 4, got "big"');
    expect((await run(['eval', '-a', 'relu', '--bias', 'x', '-i', '1'])).err[0]).toBe('actiplot: --bias: expected a number, got "x"');
    expect((await run(['eval', '-a', 'relu', '--range', '0,1', '--step', 'fast'])).err[0]).toBe('actiplot: --step: expected a number, got "fast"');
    expect((await run(['eval', '-a', 'relu', '--bias', '-5', '--weights', '2,3', '-i', '1,2'])).out).toEqual(['3']);
  });

  it('short flags mean the same in every command: -f is --force and -w is --watch, never --figure or --weights', async () => {
    const figure = await run(['eval', '-c', 'configs/relu.json', '-f', 'relu', '-i', '1']);
    expect(figure.code).toBe(2);
    expect(figure.err[0]).toBe('actiplot: unknown option -f');
    const weights = await run(['eval', '-a', 'relu', '-w', '2', '-i', '1']);
    expect(weights.code).toBe(2);
    expect((await run(['eval', '-c', 'configs/relu.json', '--figure', 'relu', '-i', '2'])).out).toEqual(['2']);
    for (const cmd of ['render', 'merge']) expect(help([cmd], 100)).toMatch(/^ {2}-f, --force /m);
    expect(help(['render'], 100)).toMatch(/^ {2}-w, --watch /m);
    expect(help(['eval'], 100)).not.toMatch(/-f,|-w,/);
  });

  it('a path that does not exist and an --out that is a file are usage errors, not failed figures', async () => {
    const dir = temp();
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    fs.mkdirSync(path.join(dir, 'configs'));
    for (const argv of [['render', 'nope'], ['check', 'nope'], ['validate', 'nope']]) {
      const r = await run(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err[0]).toBe('actiplot: no such file or folder: nope (give config files, or folders that hold them)');
      expect(r.err[1]).toContain(`actiplot ${argv[0]} --help`);
    }
    for (const cmd of ['render', 'check']) {
      const r = await run([cmd, 'configs', '--out', 'file'], dir);
      expect([r.code, r.err[0]]).toEqual([2, 'actiplot: --out file is a file, not a folder; give a folder for the figures']);
    }
    expect(fs.readFileSync(path.join(dir, 'file'), 'utf8')).toBe('x');
  });

  it('an empty configs folder warns and exits 0', async () => {
    const dir = temp();
    fs.mkdirSync(path.join(dir, 'configs'));
    for (const cmd of ['render', 'validate', 'check']) {
      const r = await run([cmd, 'configs', '--jobs', '1'].slice(0, cmd === 'render' ? 4 : 2), dir);
      expect(r.code, cmd).toBe(0);
      expect(r.err[0]).toBe('actiplot: warning: no config files (*.json) found in configs; nothing to do');
    }
  });

  it('check with config errors names them and says to fix them, not to render', async () => {
    const dir = temp();
    fs.mkdirSync(path.join(dir, 'configs'));
    fs.writeFileSync(path.join(dir, 'configs/bad.json'), '{"name": "bad", "kind": "line", "series": [{"activation": "relu", "weigths": [1]}]}');
    const r = await run(['check', 'configs', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^configs\/bad\.json:1:\d+: series\[0\]\.weigths: unknown key/);
    expect(r.err.at(-1)).toBe('1 config error in configs/bad.json: fix the config errors above (rendering cannot fix them), then run "actiplot check" again');
    expect(r.err.join('\n')).not.toMatch(/run "actiplot render/);
  });
});

describe('checkClosing(result, paths, out): what fixes the folder', () => {
  const item = (kind: string) => ({ kind, path: 'out/a.png', name: 'a', config: 'configs/a.json', reason: 'x' }) as any;
  const result = (items: any[], errors: string[]) => ({ out: 'out', items, errors, current: 0, total: 2, ok: items.length + errors.length === 0 });

  it('current, out of date, config errors alone, and both', () => {
    expect(checkClosing(result([], []), ['configs'], 'out')).toBe('2 figures current in out');
    expect(checkClosing(result([item('missing'), item('extra')], []), ['configs'], 'out')).toBe('out is out of date: 1 missing, 0 stale, 1 extra; run "actiplot render configs --out out --prune"');
    const errors = ['configs/b.json:1:2: name: expected a string, got 1', 'configs/b.json:3:4: kind: x', 'configs/c.json: invalid JSON: y'];
    expect(checkClosing(result([], errors), ['configs'], 'out')).toBe('3 config errors in configs/b.json, configs/c.json: fix the config errors above (rendering cannot fix them), then run "actiplot check" again');
    expect(checkClosing(result([item('stale')], errors.slice(0, 1)), ['configs'], 'out')).toBe('out is out of date: 0 missing, 1 stale, 0 extra; 1 config error in configs/b.json: fix them first (see above), then run "actiplot render configs --out out"');
  });
});

describe('help text', () => {
  it('the commands are the six documented ones, or more', () => {
    expect(COMMANDS).toEqual(expect.arrayContaining(['render', 'check', 'merge', 'validate', 'eval', 'schema']));
  });

  it('every option of every command has a description, in plain words', () => {
    for (const cmd of COMMANDS) {
      const text = help([cmd], 100);
      const options = text.split('\n').filter((l) => /^ {2}(-\w, )?--?\w/.test(l));
      expect(options.length, cmd).toBeGreaterThan(0);
      for (const l of options) expect(l, `${cmd}: ${l}`).not.toMatch(/^ {2}(-\w, )?--[\w-]+\s+\[/);
      expect(text, cmd).not.toMatch(/seed|issue \d/i);
    }
  });

  it('help wraps between words: at 80 columns it has the same words as at 100', () => {
    const words = (text: string) => text.split(/\s+/).filter(Boolean).sort();
    for (const cmd of [[], ...COMMANDS.map((c) => [c])]) expect(words(help(cmd, 80)), cmd.join(' ')).toEqual(words(help(cmd, 100)));
  });

  it('merge shows its manifests as required, without a default of []', () => {
    const text = help(['merge'], 100);
    expect(text).toMatch(/manifests .*required/);
    expect(text).not.toContain('[default: []]');
  });

  it('examples are whole lines at 80 columns and at 100: no command wraps in the middle', () => {
    for (const columns of [80, 100]) {
      for (const cmd of [[], ...COMMANDS.map((c) => [c])]) {
        const text = help(cmd, columns);
        const lines = text.split('\n');
        const start = lines.indexOf('Examples:');
        // The six commands of the docs have examples; one added since is checked when it has them.
        if (start < 0 && !['', 'render', 'check', 'merge', 'validate', 'eval', 'schema'].includes(cmd.join(' '))) continue;
        expect(start, `${cmd.join(' ')} has examples`).toBeGreaterThan(0);
        const body = lines.slice(start + 1).filter((l) => l.trim() !== '' && !l.startsWith('Run '));
        expect(body.length % 2, cmd.join(' ')).toBe(0);
        for (let i = 0; i < body.length; i += 2) {
          expect(body[i], cmd.join(' ')).toMatch(/^ {2}\S.*:$/);
          expect(body[i + 1], cmd.join(' ')).toMatch(/^ {4}actiplot \S/);
          expect(body[i + 1].length).toBeLessThanOrEqual(columns);
        }
      }
    }
  });
});
