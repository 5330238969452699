import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BIN, ROOT, readJson, tempDir, withFixtures, writeJson } from '../pipeline/helpers.js';

const WORKFLOW = path.join(ROOT, '.github/workflows/figures.yml');
const text = fs.readFileSync(WORKFLOW, 'utf8');

/** @action-validator/cli: the JSON schema of GitHub workflows plus its own checks (job `needs`, globs), in WebAssembly from the npm package. */
function validate(file: string): { code: number | null; out: string } {
  const cliPath = path.join(path.dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json')), 'cli.mjs');
  const r = spawnSync(process.execPath, [cliPath, file], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** The shell lines of the workflow that call actiplot. */
const actiplotLines = text.split('\n').map((l) => l.trim().replace(/^run:\s*/, '')).filter((l) => l.startsWith('node bin/actiplot.js'));
const line = (cmd: string) => actiplotLines.find((l) => l.startsWith(`node bin/actiplot.js ${cmd} `))!;

describe('.github/workflows/figures.yml', () => {
  it('passes @action-validator/cli', () => {
    const r = validate(WORKFLOW);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('the validator can fail: a job that needs a job that does not exist, a job without runs-on', () => {
    const dir = tempDir('workflow');
    const bad = path.join(dir, 'bad.yml');
    fs.writeFileSync(bad, text.replace('needs: render', 'needs: rendr'));
    expect(validate(bad).code).toBe(1);
    fs.writeFileSync(bad, text.replace(/runs-on: ubuntu-24\.04/g, 'runs_on: ubuntu-24.04'));
    expect(validate(bad).code).toBe(1);
  });

  it('uses current versions of the official actions only', () => {
    const uses = [...text.matchAll(/uses:\s*([\w./-]+)@v(\d+)/g)].map((m) => [m[1], Number(m[2])] as const);
    expect(uses.length).toBe([...text.matchAll(/uses:/g)].length);
    expect(new Set(uses.map(([a]) => a))).toEqual(new Set(['actions/checkout', 'actions/setup-node', 'actions/cache', 'actions/upload-artifact', 'actions/download-artifact']));
    for (const [action, major] of uses) expect(major, action).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/cache: npm/);
  });

  it('renders over a matrix of as many shards as SHARDS, uploads every output folder with if: always(), and posts check and diff to the step summary', () => {
    const shards = Number(/SHARDS: "(\d+)"/.exec(text)![1]);
    expect(/shard: \[([\d, ]+)\]/.exec(text)![1].split(',').map(Number)).toEqual(Array.from({ length: shards }, (_, i) => i + 1));
    const uploads = [...text.matchAll(/- name: [^\n]+\n(\s+if: ([^\n]+)\n)?\s+uses: actions\/upload-artifact@v\d+/g)];
    expect(uploads.length).toBe(2);
    for (const u of uploads) expect(u[2]).toBe('always()');
    expect(line('render')).toContain('--shard "${{ matrix.shard }}/$SHARDS"');
    expect(line('check')).toContain('--verify');
    expect(line('check')).toContain('--summary "$GITHUB_STEP_SUMMARY"');
    expect(text).toContain('cat diff.md >> "$GITHUB_STEP_SUMMARY"');
  });

  it("its actiplot commands work as written: three shards, merged, checked with --verify, diffed against the base branch's output", () => {
    const dir = withFixtures(tempDir('workflow-run'), 'basic', 'more');
    // As on GitHub, each step has a summary file of its own.
    let step = 0;
    const run = (cmd: string, env: Record<string, string> = {}) => {
      const summary = path.join(dir, `summary-${++step}.md`);
      fs.writeFileSync(summary, '');
      const r = spawnSync('bash', ['-e', '-c', cmd.replace(/node bin\/actiplot\.js/g, `node ${JSON.stringify(BIN)}`)], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', SHARDS: '3', GITHUB_STEP_SUMMARY: summary, ...env },
      });
      return { code: r.status, out: r.stdout, err: r.stderr, summary: fs.readFileSync(summary, 'utf8') };
    };
    // The base branch's artifact: the configs before this "pull request".
    expect(run(`node bin/actiplot.js render configs --out base`).code).toBe(0);
    const lines = path.join(dir, 'configs/basic/lines.json');
    const l = readJson(lines);
    l.figures[0].series[0].bias = 0.5;
    writeJson(lines, l);
    for (const k of [1, 2, 3]) {
      const r = run(line('render').replace('${{ matrix.shard }}', String(k)));
      expect(r.code, r.err).toBe(0);
      expect(r.summary).toContain('### actiplot render');
      // download-artifact with a pattern puts each artifact in a folder named after it.
      fs.mkdirSync(path.join(dir, 'shards'), { recursive: true });
      fs.renameSync(path.join(dir, 'shard'), path.join(dir, 'shards', `figures-shard-${k}`));
    }
    const merged = run(line('merge'));
    expect(merged.code, merged.err).toBe(0);
    const checked = run(line('check'));
    expect(checked.code, checked.out + checked.err).toBe(0);
    expect(checked.summary).toContain('### actiplot check: all 7 figures');
    // The step's script around the diff line: exit 1 (figures changed) passes, 2 would fail.
    const script = /run: \|\n((?:\s+[^\n]*\n)*?\s+test "\$code" -le 1)/.exec(text.slice(text.indexOf('- name: What this pull request changes')))![1].split('\n').map((x) => x.trim()).join('\n');
    const d = run(script);
    expect(d.code, d.err).toBe(0);
    expect(d.summary).toMatch(/^### actiplot diff: 1 changed, 0 added, 0 removed/);
    expect(fs.readFileSync(path.join(dir, 'diff.md'), 'utf8')).toMatch(/- `relu-line`: `series\[0\]\.bias 0 → 0\.5`/);
    expect(fs.existsSync(path.join(dir, 'output/diff/index.html'))).toBe(true);
  });
});

describe('docs/ci.md', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
  it('shows the workflow file as it is', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(doc)![1];
    expect(block).toBe(text);
  });
  it('explains check, check --verify, diff, merge, shards and artifacts', () => {
    for (const h of ['### `render --shard k/n`', '### `merge`', '### `check`', '### `check --verify`', '### `diff BASE NEW`', '## Artifacts']) expect(doc).toContain(h);
  });
});
