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
import type { JobMessage, RenderOutcome, WorkerMessage } from './protocol.js';
import { renderOutcome, rendererFor } from './render-job.js';

export interface Renderer {
  readonly size: number;
  render(figure: ResolvedFigure): Promise<RenderOutcome>;
  close(): Promise<void>;
}

export function inProcessRenderer(): Renderer {
  return {
    size: 1,
    async render(figure) {
      const render = await rendererFor(figure);
      // Let timers (progress bar) and I/O run between figures.
      await new Promise((r) => setImmediate(r));
      return renderOutcome(render, figure);
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
  /** Jobs sent and not answered, in the order sent: the worker renders the first one now. */
  jobs: Pending[];
}

export interface PoolOptions {
  /** Worker processes. */
  children: number;
  /** Also render in this process between IPC messages (no start-up wait for the first figures). */
  local?: boolean;
  /** Jobs sent ahead to each worker, so it never waits for a round trip (default 2). */
  depth?: number;
}

/**
 * A pool of worker processes, started lazily as jobs arrive, optionally with this process as one
 * more renderer. A job goes to whoever is free first; results come back in any order.
 */
export function processPool(opts: PoolOptions | number, script: string): Renderer {
  const o: PoolOptions = typeof opts === 'number' ? { children: opts } : opts;
  const depth = Math.max(1, o.depth ?? 2);
  const queue: Pending[] = [];
  const slots = new Set<Slot>();
  let nextId = 0;
  let closing = false;
  let localBusy = false;

  function spawn(): Slot {
    const child = fork(script, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ACTIPLOT_WORKER: '1' },
    });
    const slot: Slot = { child, ready: false, jobs: [] };
    slots.add(slot);
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        slot.ready = true;
      } else {
        const i = slot.jobs.findIndex((j) => j.id === m.id);
        if (i >= 0) {
          const [job] = slot.jobs.splice(i, 1);
          job.resolve(
            m.type === 'done'
              ? { ok: true, bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), format: m.format, fileName: m.fileName, width: m.width, height: m.height, ms: m.ms }
              : { ok: false, message: m.message, ms: m.ms },
          );
        }
      }
      pump();
    });
    const gone = (why: string) => {
      if (!slots.has(slot)) return;
      slots.delete(slot);
      // The first job was being rendered when the worker died: it fails. The others go back.
      const [current, ...waiting] = slot.jobs.splice(0);
      if (current) current.resolve({ ok: false, message: `the worker process ${why} while rendering it`, ms: performance.now() - current.started });
      queue.unshift(...waiting);
      pump();
    };
    // 'close', not 'exit': it comes after the IPC channel has delivered every message the worker sent.
    child.on('close', (code, signal) => gone(signal ? `was killed by ${signal}` : `exited with code ${code}`));
    // A worker that could not start has no 'close' to wait for.
    child.on('error', (err) => {
      if (child.pid === undefined) gone(`could not start (${err.message})`);
    });
    return slot;
  }

  function renderLocally(): void {
    if (!o.local || localBusy || closing || queue.length === 0) return;
    localBusy = true;
    // setImmediate: IPC messages and writes get their turn between two local renders.
    setImmediate(async () => {
      const job = queue.shift();
      if (job && !closing) {
        job.resolve(renderOutcome(await rendererFor(job.figure), job.figure));
      } else if (job) {
        queue.unshift(job);
      }
      localBusy = false;
      pump();
    });
  }

  function pump(): void {
    if (closing) return;
    for (const slot of slots) {
      while (queue.length > 0 && slot.ready && slot.jobs.length < depth) {
        const job = queue.shift()!;
        job.started = performance.now();
        slot.jobs.push(job);
        const msg: JobMessage = { type: 'job', id: job.id, figure: job.figure };
        // Errors (a worker that just died) are reported by its 'close' event.
        slot.child.send(msg, undefined, {}, () => {});
      }
    }
    // Start workers while there is queued work and room in the pool.
    const starting = [...slots].filter((s) => !s.ready).length;
    for (let i = starting; i < queue.length && slots.size < o.children; i++) spawn();
    renderLocally();
  }

  return {
    size: o.children + (o.local ? 1 : 0),
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
            // 'exit' here: after a disconnect from this side, 'close' may never come.
            slot.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            // A worker still starting has nothing to finish: stop it at once.
            if (slot.child.connected && slot.ready) slot.child.disconnect();
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
  // This process renders too: `jobs` renderers in all, and work starts before any worker is up.
  return script ? processPool({ children: size - 1, local: true }, script) : inProcessRenderer();
}
