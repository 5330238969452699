/**
 * A pool of worker processes (node-canvas is not safe in worker threads), optionally with this
 * process rendering too. A job in (the resolved figure), bytes out, over IPC with structured-clone
 * serialization. A worker that dies fails its figure and is replaced; it never takes the run down.
 * Each worker renders like this process does (in-process.ts): drawing overlapped with encoding.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResolvedFigure } from '../model/figure.js';
import type { CancelMessage, JobMessage, RenderMode, RenderOutcome, Renderer, WorkerMessage } from './protocol.js';
import { inProcessRenderer } from './in-process.js';

/** The compiled worker beside this module, or undefined when running from sources (no dist). */
export function workerScript(): string | undefined {
  const file = fileURLToPath(new URL('./worker.js', import.meta.url));
  return fs.existsSync(file) ? file : undefined;
}

interface Pending {
  id: number;
  figure: ResolvedFigure;
  mode: RenderMode;
  resolve: (r: RenderOutcome) => void;
  started: number;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  /** Jobs sent and not answered, in the order sent: the worker started the first ones. */
  jobs: Pending[];
}

export interface PoolOptions {
  /** Worker processes. */
  children: number;
  /** Also render in this process (no start-up wait for the first figures). */
  local?: boolean;
  /** Jobs sent ahead to each worker, so it never waits for this process to answer (default 6). */
  depth?: number;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** A pool: a renderer whose `ready` settles once every worker has started (or failed to). */
export interface Pool extends Renderer {
  readonly ready: Promise<void>;
}

/**
 * A pool of worker processes, all started at once: a pool is made for a run with work for each of
 * them, and starting them before the first job arrives overlaps their start-up with planning. A job
 * goes to whoever is free first; results come back in any order.
 */
export function processPool(opts: PoolOptions | number, script: string): Pool {
  const o: PoolOptions = typeof opts === 'number' ? { children: opts } : opts;
  const depth = Math.max(1, o.depth ?? 6);
  const queue: Pending[] = [];
  const slots = new Set<Slot>();
  const local = o.local ? inProcessRenderer() : undefined;
  /** Jobs this process renders at once: drawing one while the others encode. */
  const localLimit = 2;
  let localActive = 0;
  let nextId = 0;
  let closing = false;

  const readiness: Promise<void>[] = [];

  function spawn(): Slot {
    const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const slot: Slot = { child, ready: false, jobs: [] };
    slots.add(slot);
    readiness.push(new Promise<void>((resolve) => {
      child.on('message', (m: WorkerMessage) => m.type === 'ready' && resolve());
      child.on('close', () => resolve());
      child.on('error', () => resolve());
    }));
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        slot.ready = true;
      } else {
        const i = slot.jobs.findIndex((j) => j.id === m.id);
        if (i >= 0) {
          const [job] = slot.jobs.splice(i, 1);
          job.resolve(
            m.type === 'done'
              ? { ok: true, bytes: Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), format: m.format, width: m.width, height: m.height, ms: m.ms, alt: m.alt }
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

  /** A worker with a job it has not started (its first job is the one it is rendering). */
  function backlogged(): Slot | undefined {
    for (const slot of slots) if (slot.jobs.length > 1) return slot;
    return undefined;
  }

  /**
   * The job this process renders next: from the queue or, once that is empty, the last job sent
   * to a worker that has not started it. At the end of a run this process would otherwise sit idle
   * while a worker still has several jobs to go. The worker is told to skip it; if it has started
   * it already, both render it and its answer is ignored (same bytes).
   */
  function nextLocalJob(): Pending | undefined {
    const queued = queue.shift();
    if (queued) return queued;
    const slot = backlogged();
    const job = slot?.jobs.pop();
    if (slot && job) slot.child.send({ type: 'cancel', id: job.id } satisfies CancelMessage, undefined, {}, () => {});
    return job;
  }

  function renderLocally(): void {
    while (local && !closing && localActive < localLimit && (queue.length > 0 || backlogged())) {
      const job = nextLocalJob();
      if (!job) return;
      localActive++;
      void local.render(job.figure, job.mode).then((r) => {
        localActive--;
        job.resolve(r);
        pump();
      });
    }
  }

  function pump(): void {
    if (closing) return;
    for (const slot of slots) {
      while (queue.length > 0 && slot.ready && slot.jobs.length < depth) {
        const job = queue.shift()!;
        job.started = performance.now();
        slot.jobs.push(job);
        const msg: JobMessage = { type: 'job', id: job.id, mode: job.mode, figure: job.figure };
        // Errors (a worker that just died) are reported by its 'close' event.
        slot.child.send(msg, undefined, {}, () => {});
      }
    }
    // Replace workers that died while there is queued work.
    const starting = [...slots].filter((s) => !s.ready).length;
    for (let i = starting; i < queue.length && slots.size < o.children; i++) spawn();
    renderLocally();
  }

  for (let i = 0; i < o.children; i++) spawn();
  const ready = Promise.all(readiness).then(() => {});

  return {
    size: o.children + (o.local ? 1 : 0),
    ready,
    render(figure, mode = 'still') {
      return new Promise((resolve) => {
        queue.push({ id: nextId++, figure, mode, resolve, started: 0 });
        pump();
      });
    },
    async close() {
      closing = true;
      // Workers hold nothing worth waiting for (this process writes every file), so they are
      // stopped, not asked to finish. Not by a disconnect: one made while a worker is half-way
      // through sending an answer nobody wants any more never completes (Node waits for the rest
      // of a message it has stopped reading), and neither process would ever exit.
      const exits = [...slots].map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (exited(slot.child)) return resolve();
            const timer = setTimeout(() => slot.child.kill('SIGKILL'), 2000);
            slot.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            slot.child.kill();
          }),
      );
      await Promise.all(exits);
      slots.clear();
      for (const job of queue.splice(0)) job.resolve({ ok: false, message: 'the run was stopped', ms: 0 });
    },
  };
}
