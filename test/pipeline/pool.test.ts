import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { inProcessRenderer, processPool } from '../../src/pipeline/pool.js';
import { plan } from '../../src/pipeline/plan.js';
import type { ResolvedFigure } from '../../src/config/defaults.js';
import { FIXTURES, ROOT } from './helpers.js';

const fake = path.join(FIXTURES, 'fake-worker.mjs');
const fig = (name: string) => ({ name }) as unknown as ResolvedFigure;

describe('processPool(size, script)', () => {
  it('a worker that dies or throws fails only its own figure; the pool replaces it and goes on', async () => {
    const pool = processPool(2, fake);
    try {
      const names = ['a', 'crash', 'b', 'throw', 'abort', 'c', 'd', 'e'];
      const results = await Promise.all(names.map((n) => pool.render(fig(n))));
      const by = Object.fromEntries(names.map((n, i) => [n, results[i]]));
      expect(by.crash).toMatchObject({ ok: false, message: 'the worker process exited with code 3 while rendering it' });
      expect(by.abort).toMatchObject({ ok: false, message: 'the worker process was killed by SIGKILL while rendering it' });
      expect(by.throw).toMatchObject({ ok: false, message: 'bad figure' });
      for (const n of ['a', 'b', 'c', 'd', 'e']) {
        const r = by[n];
        expect(r.ok && r.fileName).toBe(`${n}.txt`);
        expect(r.ok && Buffer.isBuffer(r.bytes) && r.bytes.toString().startsWith(`${n}:`)).toBe(true);
      }
      // Work was spread over more than one process.
      const pids = new Set(['a', 'b', 'c', 'd', 'e'].map((n) => (by[n] as { bytes: Buffer }).bytes.toString().split(':')[1]));
      expect(pids.size).toBeGreaterThan(1);
    } finally {
      await pool.close();
    }
  });

  it('the real worker (with this process rendering too) gives the same bytes as rendering in-process; a render error is a failure, not a crash', async () => {
    const { jobs } = plan([path.join(FIXTURES, 'basic'), path.join(FIXTURES, 'more')]);
    expect(jobs.length).toBe(7);
    const pool = processPool({ children: 1, local: true }, path.join(ROOT, 'dist/pipeline/worker.js'));
    expect(pool.size).toBe(2);
    const local = inProcessRenderer();
    try {
      const remote = await Promise.all(jobs.map((j) => pool.render(j.figure)));
      for (const [i, j] of jobs.entries()) {
        const here = await local.render(j.figure);
        const there = remote[i];
        expect(there.ok && here.ok, j.figure.name).toBe(true);
        if (there.ok && here.ok) {
          expect(there.fileName).toBe(here.fileName);
          expect(Buffer.compare(there.bytes, here.bytes), j.figure.name).toBe(0);
        }
      }
      const broken = { ...jobs[0].figure, kind: 'line', series: null } as unknown as ResolvedFigure;
      const r = await pool.render(broken);
      expect(r.ok).toBe(false);
      expect((await pool.render(jobs[0].figure)).ok).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
