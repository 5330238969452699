import { describe, expect, it } from 'vitest';
import { fork, spawnSync } from 'node:child_process';
import path from 'node:path';
import { processPool } from '../../src/pipeline/pool.js';
import { inProcessRenderer } from '../../src/pipeline/in-process.js';
import { plan } from '../../src/pipeline/plan.js';
import type { ResolvedFigure } from '../../src/model/figure.js';
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
          expect(there.format).toBe(here.format);
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

  it('when its queue runs dry, this process takes back jobs a worker has not started, so no renderer idles at the end', async () => {
    const { jobs } = plan([path.join(FIXTURES, 'basic'), path.join(FIXTURES, 'more')]);
    // A worker that takes 1.5 s a figure and is sent up to six: without taking jobs back, this
    // process would render one or two figures and wait for the worker to do the rest.
    process.env.FAKE_WORKER_MS = '1500';
    const pool = processPool({ children: 1, local: true, depth: 6 }, fake);
    try {
      // Up before the first job, so that it is sent six at once.
      await pool.ready;
      const results = await Promise.all(jobs.map((j) => pool.render(j.figure)));
      expect(results.every((r) => r.ok)).toBe(true);
      // The fake worker answers "<name>:<its pid>"; figures rendered here are real images.
      const remote = results.filter((r, i) => r.ok && r.bytes.toString('latin1').startsWith(`${jobs[i].figure.name}:`)).length;
      expect(remote).toBeGreaterThanOrEqual(1);
      expect(remote).toBeLessThanOrEqual(2);
    } finally {
      delete process.env.FAKE_WORKER_MS;
      await pool.close();
    }
  });

  it('a worker skips a job it is told to cancel before starting it', async () => {
    const { jobs } = plan([path.join(FIXTURES, 'basic')]);
    const child = fork(path.join(ROOT, 'dist/pipeline/worker.js'), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      const answered: number[] = [];
      await new Promise<void>((resolve) => {
        child.on('message', (m: { type: string; id: number }) => {
          if (m.type === 'ready') {
            // The worker renders two at once; the cancel of job 4 is read while jobs 1 and 2 render.
            for (const id of [1, 2, 3, 4, 5]) child.send({ type: 'job', id, mode: 'still', figure: jobs[0].figure });
            child.send({ type: 'cancel', id: 4 });
          } else {
            answered.push(m.id);
            if (answered.length === 4) resolve();
          }
        });
      });
      expect(answered.sort()).toEqual([1, 2, 3, 5]);
    } finally {
      child.kill();
    }
  });

  it('closing a pool whose worker is half-way through a message lets the process exit at once', () => {
    // A disconnect there would wait forever for the rest of the message (and the worker for the
    // disconnect); the pool stops its workers instead. The script exits by itself or times out.
    const r = spawnSync(process.execPath, [path.join(FIXTURES, 'close-mid-message.mjs')], { encoding: 'utf8', timeout: 8000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('rendered, closed\n');
  });
});
