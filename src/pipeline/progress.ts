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
}

export interface Reporter {
  /** `total` figures in this run, `toRender` of which need rendering. */
  start(total: number, toRender: number): void;
  figure(e: FigureEvent): void;
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
        // A watch reuses the reporter: the next run reports its own problems, not these again.
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
  let t0 = now();
  let shown = false;
  let lastDraw = 0;

  const clear = () => {
    if (shown) tty.write('\r\x1b[K');
    shown = false;
  };
  const draw = (force = false) => {
    const t = now();
    if (!force && t - lastDraw < 80 && done < total) return;
    lastDraw = t;
    const width = Math.max(10, Math.min(30, (tty.columns ?? 80) - 60));
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const renderedSoFar = rendered + failed;
    const left = toRender - renderedSoFar;
    const eta = renderedSoFar > 0 && left > 0 ? ` ~${formatDuration(((t - t0) / renderedSoFar) * left)} left` : '';
    const text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  rendered ${rendered}  up to date ${skipped}  failed ${failed}${eta}`;
    tty.write(`\r\x1b[K${text}`);
    shown = true;
  };
  return {
    start(t, r) {
      total = t;
      toRender = r;
      done = rendered = skipped = failed = 0;
      t0 = now();
      draw(true);
    },
    figure(e) {
      done++;
      if (e.status === 'rendered') rendered++;
      else if (e.status === 'skipped') skipped++;
      else {
        failed++;
        clear();
        failures.push(describeFigure(e));
        o.error(describeFigure(e));
      }
      draw(e.status === 'failed');
    },
    error(l) {
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
      clear();
      for (const s of failureSummary(failures)) o.error(s);
      (o.closing ?? o.line)(l);
      failures.length = 0;
    },
  };
}
