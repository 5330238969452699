/**
 * How pool workers are started, and the one that may be started before the CLI loads.
 *
 * A worker costs about 150 ms before it renders anything: Node's own start-up, then the drawing code
 * and the fonts. Started when the pool first has work (after this process has loaded the CLI and
 * planned the run), that time is spent while this process renders alone. So for a full build
 * (src/cli/early-worker-wanted.ts) bin/actiplot.js starts one worker first thing, its start-up
 * overlaps with ours, and the pool adopts it as its first worker (pool.ts). Measured on 200 figures
 * with --jobs 2, alternating runs: 1877–1983 ms without it, 1815–1880 ms with it.
 *
 * The guess costs little when wrong: a run with nothing to render in a pool kills the early worker
 * as soon as it knows (run.ts), and a run that wanted one and has none starts it later, as before.
 * Nothing about the output depends on it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The compiled worker beside this module, or undefined when running from sources (no dist). */
export function workerScript(): string | undefined {
  const file = fileURLToPath(new URL('./worker.js', import.meta.url));
  return fs.existsSync(file) ? file : undefined;
}

/** A worker process: structured-clone IPC (Buffers travel as bytes), our stdout and stderr. */
export function forkWorker(script: string): ChildProcess {
  return fork(script, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ACTIPLOT_WORKER: '1' },
  });
}

export interface EarlyWorker {
  child: ChildProcess;
  script: string;
  /** Whether it has said 'ready' (it may say so before anyone adopts it). */
  ready: boolean;
}

let early: EarlyWorker | undefined;

/**
 * Starts a worker now, for a pool to adopt later, and returns it. It does not keep this process
 * alive: a run that ends without adopting it exits, and the worker follows when its IPC channel
 * closes (worker.ts).
 */
export function startEarlyWorker(script = workerScript()): ChildProcess | undefined {
  if (early || !script) return early?.child;
  let child: ChildProcess;
  try {
    child = forkWorker(script);
  } catch {
    return undefined; // no worker now; the pool will try again when it has work, and report a failure then
  }
  const w: EarlyWorker = { child, script, ready: false };
  const onMessage = (m: { type?: string }) => {
    if (m?.type !== 'ready') return;
    w.ready = true;
    child.off('message', onMessage);
  };
  child.on('message', onMessage);
  // Without a listener, a failed start ('error') would throw in this process.
  child.on('error', () => {});
  child.unref();
  child.channel?.unref();
  early = w;
  return child;
}

/** Whether a child process has ended (its exit seen). */
export function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * The early worker, if it runs `script` and is still alive; from now on it is the caller's (and
 * keeps this process alive like any child). Undefined otherwise.
 */
export function adoptEarlyWorker(script: string): EarlyWorker | undefined {
  const w = early;
  if (!w || w.script !== script) return undefined;
  early = undefined;
  if (exited(w.child) || !w.child.connected) return undefined;
  w.child.ref();
  w.child.channel?.ref();
  return w;
}

/** Stops the early worker if no pool has adopted it: this run renders nothing in a pool. */
export function discardEarlyWorker(): void {
  const w = early;
  early = undefined;
  if (w && !exited(w.child)) w.child.kill();
}
