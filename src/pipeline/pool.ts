/**
 * Renderers: in-process (the reference for byte identity, used for --jobs 1) and a pool of child
 * processes forked from `worker.js`. A job in (the resolved figure), bytes out, over IPC with
 * structured-clone serialization (cheaper than base64 JSON or a temp file for our sizes). A worker
 * that dies fails its figure and is replaced; it never takes the run down.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResolvedFigure } from '../config/defaults.js';
import { renderFigure } from '../render-figure.js';
import type { JobMessage, RenderOutcome, WorkerMessage } from './protocol.js';

export interface Renderer {
  readonly size: number;
  render(figure: ResolvedFigure): Promise<RenderOutcome>;
  close(): Promise<void>;
}

export function inProcessRenderer(): Renderer {
  return {
    size: 1,
    async render(figure) {
      // Let timers (progress bar) and I/O run between figures.
      await new Promise((r) => setImmediate(r));
      const t0 = performance.now();
      try {
        const r = renderFigure(figure);
        return { ok: true, bytes: r.bytes, format: r.format, fileName: r.fileName, width: r.width, height: r.height, ms: performance.now() - t0 };
      } catch (err) {
        return { ok: false, message: (err as Error)?.message ?? String(err), ms: performance.now() - t0 };
      }
    },
    async close() {},
  };
}

/** The compiled worker beside this module, or undefined when running from sources (no dist). */
export function workerScript(): string | undefined {
  const file = fileURLToPath(new URL('./worker.js', import.meta.url));
  return fs.existsSync(file) ? file : undefined;
}

interface Pending {
  id: number;
  figure: ResolvedFigure;
  resolve: (r: RenderOutcome) => void;
  started: number;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  job?: Pending;
}

/** A pool of `size` worker processes, started lazily as jobs arrive. */
export function processPool(size: number, script: string): Renderer {
  const queue: Pending[] = [];
  const slots = new Set<Slot>();
  let nextId = 0;
  let closing = false;

  function spawn(): Slot {
    const child = fork(script, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ACTIPLOT_WORKER: '1' },
    });
    const slot: Slot = { child, ready: false };
    slots.add(slot);
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        slot.ready = true;
      } else if (slot.job && m.id === slot.job.id) {
        const job = slot.job;
        slot.job = undefined;
        job.resolve(
          m.type === 'done'
            ? { ok: true, bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), format: m.format, fileName: m.fileName, width: m.width, height: m.height, ms: m.ms }
            : { ok: false, message: m.message, ms: m.ms },
        );
      }
      pump();
    });
    const gone = (why: string) => {
      if (!slots.has(slot)) return;
      slots.delete(slot);
      const job = slot.job;
      slot.job = undefined;
      if (job) job.resolve({ ok: false, message: `the worker process ${why} while rendering it`, ms: performance.now() - job.started });
      pump();
    };
    child.on('exit', (code, signal) => gone(signal ? `was killed by ${signal}` : `exited with code ${code}`));
    child.on('error', (err) => gone(`failed (${err.message})`));
    return slot;
  }

  function pump(): void {
    if (closing) return;
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.ready || slot.job) continue;
      const job = queue.shift()!;
      job.started = performance.now();
      slot.job = job;
      const msg: JobMessage = { type: 'job', id: job.id, figure: job.figure };
      slot.child.send(msg);
    }
    // Start more workers while there is queued work nobody will pick up soon.
    const idleOrStarting = [...slots].filter((s) => !s.job).length;
    for (let i = idleOrStarting; i < queue.length && slots.size < size; i++) spawn();
  }

  return {
    size,
    render(figure) {
      return new Promise((resolve) => {
        queue.push({ id: nextId++, figure, resolve, started: 0 });
        pump();
      });
    },
    async close() {
      closing = true;
      const exits = [...slots].map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.child.exitCode !== null || slot.child.signalCode !== null) return resolve();
            const timer = setTimeout(() => slot.child.kill('SIGKILL'), 2000);
            slot.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            if (slot.child.connected) slot.child.disconnect();
            else slot.child.kill();
          }),
      );
      await Promise.all(exits);
      slots.clear();
      for (const job of queue.splice(0)) job.resolve({ ok: false, message: 'the run was stopped', ms: 0 });
    },
  };
}

/** `jobs` workers for `count` figures: in-process when one would do. */
export function makeRenderer(jobs: number, count: number): Renderer {
  const size = Math.max(1, Math.min(jobs, count));
  const script = size > 1 ? workerScript() : undefined;
  return script ? processPool(size, script) : inProcessRenderer();
}
