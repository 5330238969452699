/**
 * Renderers: in-process (the reference for byte identity, used for --jobs 1) and a pool of child
 * processes forked from `worker.js`. A job in (the resolved figure), bytes out, over IPC with
 * structured-clone serialization (cheaper than base64 JSON or a temp file for our sizes). A worker
 * that dies fails its figure and is replaced; it never takes the run down.
 */
import type { ChildProcess } from 'node:child_process';
import type { ResolvedFigure } from '../model/figure.js';
import type { CancelMessage, JobMessage, RenderOutcome, WorkerMessage } from './protocol.js';
import { renderOutcome, rendererFor } from './render-job.js';
import { adoptEarlyWorker, exited, forkWorker, workerScript, type EarlyWorker } from './early-worker.js';

export { workerScript };

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
  /** Jobs sent ahead to each worker, so it never waits for this process to answer (default 6). */
  depth?: number;
}

/**
 * A pool of worker processes, started lazily as jobs arrive, optionally with this process as one
 * more renderer. A job goes to whoever is free first; results come back in any order.
 */
export function processPool(opts: PoolOptions | number, script: string): Renderer {
  const o: PoolOptions = typeof opts === 'number' ? { children: opts } : opts;
  const depth = Math.max(1, o.depth ?? 6);
  const queue: Pending[] = [];
  const slots = new Set<Slot>();
  let nextId = 0;
  let closing = false;
  let localBusy = false;

  /** A new worker, or `early` (already running) adopted in its place. */
  function spawn(early?: EarlyWorker): Slot {
    const child = early?.child ?? forkWorker(script);
    const slot: Slot = { child, ready: early?.ready ?? false, jobs: [] };
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

  /** A worker with a job it has not started (its first job is the one it is rendering). */
  function backlogged(): Slot | undefined {
    for (const slot of slots) if (slot.jobs.length > 1) return slot;
    return undefined;
  }

  /**
   * The job this process renders next: from the queue or, once that is empty, the last job sent
   * to a worker that has not started it. At the end of a run this process would otherwise sit idle
   * while a worker still has several jobs to go (up to `depth` - 1 figures). The worker is told to
   * skip it; if it has started it already, both render it and its answer is ignored (same bytes).
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
    if (!o.local || localBusy || closing || (queue.length === 0 && !backlogged())) return;
    localBusy = true;
    // setImmediate: IPC messages and writes get their turn between two local renders.
    setImmediate(async () => {
      const job = closing ? undefined : nextLocalJob();
      if (job) job.resolve(renderOutcome(await rendererFor(job.figure), job.figure));
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

  // A worker started before the CLI loaded (early-worker.ts) is this pool's first: a pool is made
  // only for a run with figures to render, so it will have work.
  const early = o.children > 0 ? adoptEarlyWorker(script) : undefined;
  if (early) spawn(early);

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
      // Workers hold nothing worth waiting for (this process writes every file), so they are
      // stopped, not asked to finish. Not by a disconnect: one made while a worker is half-way
      // through sending an answer nobody wants any more (a job taken back, a run stopped) never
      // completes (Node waits for the rest of a message it has stopped reading), and neither
      // process would ever exit.
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

/** `jobs` workers for `count` figures: in-process when one would do. */
export function makeRenderer(jobs: number, count: number): Renderer {
  const size = Math.max(1, Math.min(jobs, count));
  const script = size > 1 ? workerScript() : undefined;
  // This process renders too: `jobs` renderers in all, and work starts before any worker is up.
  return script ? processPool({ children: size - 1, local: true }, script) : inProcessRenderer();
}
