/**
 * `render --watch`: one run, then another whenever a config under the given paths changes
 * (debounced). Each run is incremental, so only the figures whose configs changed are rendered.
 * Config errors are reported and the watch goes on; it stops when `signal` aborts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { createRenderSession, type RenderOptions, type RenderResult } from './run.js';
import { MODEL_EXTENSIONS } from '../models/read-model-file.js';

export interface WatchOptions extends RenderOptions {
  signal: AbortSignal;
  /** Quiet time after the last change before a run starts. */
  debounceMs?: number;
  /** After each run (the first one too). */
  onRun?: (r: RenderResult) => void;
  /** Once the watchers are set up (after the first run). */
  onWatching?: (dirs: string[]) => void;
  /** A problem with watching itself (a folder that cannot be watched). */
  onError?: (message: string) => void;
}

export async function watchRender(opts: WatchOptions): Promise<void> {
  const session = createRenderSession(opts);
  const outAbs = path.resolve(opts.out);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const runNow = async () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const r = await session.run();
          opts.onRun?.(r);
        } catch (err) {
          opts.onError?.(`run failed: ${(err as Error).message}`);
        }
      } while (again && !opts.signal.aborted);
    })();
    await running;
    running = undefined;
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void runNow();
    }, opts.debounceMs ?? 150);
  };
  // chokidar, not fs.watch: Node's recursive fs.watch on Linux loses a file once it is replaced by a
  // rename (how editors and `sed -i` save), so later edits, fixes and deletions went unnoticed.
  const given = new Set(opts.paths.map((p) => path.resolve(p)));
  const watcher = watch([...opts.paths], {
    ignoreInitial: true,
    atomic: true,
    followSymlinks: false,
    ignored: (p: string, st?: fs.Stats) => {
      const full = path.resolve(p);
      if (given.has(full)) return false;
      if (full === outAbs || full.startsWith(outAbs + path.sep)) return true;
      const base = path.basename(full);
      if (base.startsWith('.') || base === 'node_modules') return true;
      // Folders are searched; of their files *.json are configs, and model and data (.csv) files re-render the figures that read them.
      const ext = path.extname(base).toLowerCase();
      return st !== undefined && !st.isDirectory() && !base.endsWith('.json') && ext !== '.csv' && !(MODEL_EXTENSIONS as readonly string[]).includes(ext);
    },
  });
  watcher.on('all', () => schedule());
  watcher.on('error', (err) => opts.onError?.(`cannot watch: ${(err as Error).message}`));
  // Watching before the first run: a change made while it renders starts another run.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  await runNow();
  if (opts.signal.aborted) {
    await watcher.close();
    await session.close();
    return;
  }
  opts.onWatching?.([...opts.paths]);

  await new Promise<void>((resolve) => {
    if (opts.signal.aborted) return resolve();
    opts.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  if (timer) clearTimeout(timer);
  await watcher.close();
  if (running) await running;
  await session.close();
}
