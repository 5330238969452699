/**
 * `render --watch`: one run, then another whenever a config under the given paths changes
 * (debounced). Each run is incremental, so only the figures whose configs changed are rendered.
 * Config errors are reported and the watch goes on; it stops when `signal` aborts.
 */
import fs from 'node:fs';
import path from 'node:path';
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

interface Target {
  dir: string;
  /** Only this file name in `dir`, for a path that is a file (or missing). */
  file?: string;
  recursive: boolean;
}

function targets(paths: readonly string[]): Target[] {
  const out: Target[] = [];
  for (const p of paths) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) out.push({ dir: p, recursive: true });
    else out.push({ dir: path.dirname(p), file: path.basename(p), recursive: false });
  }
  return out;
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

  await runNow();
  if (opts.signal.aborted) {
    await session.close();
    return;
  }

  const watchers: fs.FSWatcher[] = [];
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void runNow();
    }, opts.debounceMs ?? 150);
  };
  const dirs: string[] = [];
  for (const t of targets(opts.paths)) {
    try {
      const w = fs.watch(t.dir, { recursive: t.recursive }, (_event, name) => {
        if (name === null) return schedule();
        const rel = name.toString();
        if (t.file !== undefined && rel !== t.file) return;
        const full = path.resolve(t.dir, rel);
        if (full === outAbs || full.startsWith(outAbs + path.sep)) return;
        // Configs and the model files they read (a changed model re-renders its figures).
        const ext = path.extname(rel).toLowerCase();
        if (ext !== '.json' && !(MODEL_EXTENSIONS as readonly string[]).includes(ext) && t.file === undefined && ext !== '') return;
        schedule();
      });
      w.on('error', (err) => opts.onError?.(`cannot watch ${t.dir}: ${err.message}`));
      watchers.push(w);
      dirs.push(t.dir);
    } catch (err) {
      opts.onError?.(`cannot watch ${t.dir}: ${(err as Error).message}`);
    }
  }
  opts.onWatching?.(dirs);

  await new Promise<void>((resolve) => {
    if (opts.signal.aborted) return resolve();
    opts.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  if (timer) clearTimeout(timer);
  for (const w of watchers) w.close();
  if (running) await running;
  await session.close();
}
