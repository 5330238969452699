/**
 * Progress of a run. On a terminal (stderr is a TTY and not CI): one bar, redrawn in place, with
 * counts and time left. Otherwise (CI, pipes): one plain line per figure. `quiet`: errors only.
 */

export type FigureStatus = 'rendered' | 'skipped' | 'failed';

export interface FigureEvent {
  name: string;
  status: FigureStatus;
  config: string;
  /** Path of the output (joined with the output folder), when there is one. */
  path?: string;
  width?: number;
  height?: number;
  ms?: number;
  message?: string;
  /** How much work the figure was: its frames for an animation, else 1. */
  work?: number;
}

export interface Reporter {
  /**
   * `total` figures in this run, `toRender` of which need rendering; `work` is how much work those
   * are (an animation counts its frames; default: one per figure).
   */
  start(total: number, toRender: number, work?: number): void;
  figure(e: FigureEvent): void;
  /** Part of a figure's work came back before the figure is done: `work` frames of an animation. */
  progress?(name: string, work: number): void;
  /** A problem that is not one figure's (config errors, pruning, files we may not touch). */
  error(line: string): void;
  /** A note worth a line (pruned files, kept orphans). */
  note(line: string): void;
  /** The closing line. */
  end(line: string): void;
}

export interface ReporterOptions {
  mode: 'bar' | 'lines' | 'quiet';
  /** Plain lines (per figure, notes, the closing line). */
  line: (text: string) => void;
  /** Error lines. */
  error: (text: string) => void;
  /** The closing line (default: `line`). */
  closing?: (text: string) => void;
  /** Raw terminal output for the bar (no newline added). */
  tty?: { write: (text: string) => void; columns?: number };
  now?: () => number;
  /** How often the bar is redrawn while nothing finishes, in ms (0: only when something does). */
  tickMs?: number;
}

/** 'bar' when stderr is a terminal outside CI, else 'lines'; 'quiet' when asked. */
export function progressMode(quiet: boolean, stream: { isTTY?: boolean } = process.stderr, env = process.env): ReporterOptions['mode'] {
  if (quiet) return 'quiet';
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return stream.isTTY && !ci && env.TERM !== 'dumb' ? 'bar' : 'lines';
}

export function describeFigure(e: FigureEvent): string {
  const size = e.width !== undefined ? ` ${e.width}×${e.height}` : '';
  switch (e.status) {
    case 'rendered':
      return `rendered   ${e.path}${size} from ${e.config} (${Math.round(e.ms ?? 0)} ms)`;
    case 'skipped':
      return `up to date ${e.path} from ${e.config}`;
    case 'failed':
      return `${e.config}: ${e.name}: ${e.message}`;
  }
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * The run ends with what failed and why, gathered in one place: in a long log the error lines are
 * scattered among hundreds of per-figure lines.
 */
function failureSummary(failures: readonly string[]): string[] {
  return failures.length === 0 ? [] : [`${failures.length} problem${failures.length === 1 ? '' : 's'}:`, ...failures.map((f) => `  ${f}`)];
}

export function createReporter(o: ReporterOptions): Reporter {
  const now = o.now ?? (() => performance.now());
  const failures: string[] = [];
  if (o.mode !== 'bar' || !o.tty) {
    const quiet = o.mode === 'quiet';
    let mixed = false; // were error lines interleaved with other lines?
    const fail = (l: string) => {
      failures.push(l);
      o.error(l);
    };
    return {
      start() {},
      figure(e) {
        if (e.status === 'failed') fail(describeFigure(e));
        else if (!quiet) {
          mixed = true;
          o.line(describeFigure(e));
        }
      },
      error: fail,
      note: (l) => quiet || o.line(l),
      end: (l) => {
        if (!quiet) {
          if (mixed) for (const s of failureSummary(failures)) o.error(s);
          (o.closing ?? o.line)(l);
        }
        // A watch reports run after run with one reporter: each run's summary has its own failures.
        failures.length = 0;
        mixed = false;
      },
    };
  }
  const tty = o.tty;
  let total = 0;
  let toRender = 0;
  let done = 0;
  let rendered = 0;
  let skipped = 0;
  let failed = 0;
  let work = 0;
  let workDone = 0;
  let shown = false;
  let lastDraw = -Infinity;
  let timer: ReturnType<typeof setInterval> | undefined;
  const eta = createEstimator();
  /** Work reported by progress() for figures not done yet. */
  const partial = new Map<string, number>();

  const clear = () => {
    if (shown) tty.write('\r\x1b[K');
    shown = false;
  };
  const draw = (force = false) => {
    const t = now();
    if (!force && t - lastDraw < 80 && done < total) return;
    lastDraw = t;
    const width = Math.max(10, Math.min(30, (tty.columns ?? 80) - 60));
    // The bar fills by work (an animation counts its frames); the counts beside it are figures.
    const units = total - toRender + work;
    const filled = units <= 0 ? width : Math.min(width, Math.round(((skipped + workDone) / units) * width));
    const left = eta.left(t, work - workDone);
    const text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  rendered ${rendered}  up to date ${skipped}  failed ${failed}${left === undefined ? '' : ` ~${formatDuration(left)} left`}`;
    tty.write(`\r\x1b[K${text}`);
    shown = true;
  };
  const stopTimer = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  return {
    start(t, r, w) {
      total = t;
      toRender = r;
      work = w ?? r;
      eta.start();
      draw(true);
      const tick = o.tickMs ?? 1000;
      if (tick > 0 && r > 0) {
        timer = setInterval(() => draw(true), tick);
        timer.unref?.();
      }
    },
    figure(e) {
      done++;
      if (e.status === 'skipped') skipped++;
      else {
        workDone += Math.max(0, (e.work ?? 1) - (partial.get(e.name) ?? 0));
        partial.delete(e.name);
        eta.done(now(), workDone);
        if (e.status === 'rendered') rendered++;
        else {
          failed++;
          clear();
          failures.push(describeFigure(e));
          o.error(describeFigure(e));
        }
      }
      if (done >= total) stopTimer();
      draw(e.status === 'failed');
    },
    progress(name, w) {
      partial.set(name, (partial.get(name) ?? 0) + w);
      workDone += w;
      eta.done(now(), workDone);
      draw();
    },
    error(l) {
      // Config errors and run problems count as failures, as the closing line counts them.
      failed++;
      clear();
      failures.push(l);
      o.error(l);
      if (total > 0) draw(true);
    },
    note(l) {
      clear();
      o.line(l);
      if (total > 0 && done < total) draw(true);
    },
    end(l) {
      stopTimer();
      clear();
      for (const s of failureSummary(failures)) o.error(s);
      (o.closing ?? o.line)(l);
      // A watch reports run after run with one reporter: the next run counts from zero.
      failures.length = 0;
      done = rendered = skipped = failed = workDone = 0;
      partial.clear();
    },
  };
}

/**
 * Time left, from the pace measured so far: work done per ms since the first piece of work came
 * back (before that, the time is start-up: workers booting, fonts loading, and says nothing about
 * the pace). Nothing is shown until two pieces are back, nor when under a second is left: a guess
 * from the first piece alone would count the start-up as pace. Between completions the last
 * estimate counts down; when it runs out while work remains, no number is shown rather than "~0s".
 */
export function createEstimator() {
  let firstAt: number | undefined;
  let firstWork = 0;
  let lastAt = 0;
  let lastLeft: number | undefined;
  let pieces = 0;
  let rate = 0;
  return {
    start() {
      firstAt = undefined;
      pieces = 0;
      lastLeft = undefined;
    },
    /** A piece of work came back at `t`; `workDone` is the total done so far. */
    done(t: number, workDone: number) {
      pieces++;
      if (firstAt === undefined) {
        firstAt = t;
        firstWork = workDone;
        return;
      }
      const elapsed = t - firstAt;
      // Pieces that come back together (one per worker) say little about the pace.
      rate = elapsed >= 250 ? (workDone - firstWork) / elapsed : 0;
      lastAt = t;
      lastLeft = undefined;
    },
    /** Milliseconds left at `t` with `remaining` work to do, or undefined when there is no good guess. */
    left(t: number, remaining: number): number | undefined {
      if (remaining <= 0 || pieces < 2 || !(rate > 0)) return undefined;
      lastLeft ??= remaining / rate;
      const left = lastLeft - (t - lastAt);
      return left >= 1000 ? left : undefined;
    },
  };
}
