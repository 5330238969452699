/**
 * `actiplot diff BASE NEW`: what changed between two output folders, each with its manifest (say
 * main's artifact and a pull request's render). Figures are matched by name; one whose file has
 * the same sha256 is unchanged. For a changed figure it says what changed in its resolved config,
 * its input files and fonts (from the manifests' records), how many pixels changed (pixelmatch),
 * and for a classifier how much of the input plane changed class. Nothing is rendered: the two
 * folders are all it reads, and both are untrusted (sizes are checked before reading).
 */
import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, readManifest, type ManifestEntry } from './manifest.js';
import { sha256 } from './hash.js';
import { configChanges, digestChanges } from './config-changes.js';
import { inputKind } from './figure-record.js';
import { pixelDiff, type PixelDiff } from './pixel-diff.js';
import { classChanges } from './class-change.js';

export interface DiffOptions {
  base: string;
  next: string;
  /** Share of pixels (0..1) at or below which a figure whose bytes differ counts as unchanged. */
  threshold?: number;
}

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffFigure {
  name: string;
  status: DiffStatus;
  before?: ManifestEntry;
  after?: ManifestEntry;
  /** What changed, one line each (config paths, files, fonts, format, size). */
  changes: string[];
  /** Raster figures of the same size: the pixel comparison (of the first frame for an animation). */
  pixels?: PixelDiff;
  /** The pixels compared are an animation's first frame. */
  firstFrame?: boolean;
  /** Classifiers: the share of the input plane whose class changed (per panel for a panels figure). */
  classShares: { panel?: number; share: number }[];
  /** Bytes differ, but no more pixels than the threshold: counted as unchanged. */
  withinThreshold?: boolean;
  /** The two files' bytes as PNG, for the report (raster figures only). */
  beforePng?: Buffer;
  afterPng?: Buffer;
}

export interface DiffResult {
  base: string;
  next: string;
  threshold: number;
  figures: DiffFigure[];
  /** Problems that make the comparison impossible (exit 2): bad folder, bad manifest, bad file. */
  trouble: string[];
}

/** Bytes of a manifest and of one figure file that diff reads at most. */
export const DIFF_LIMITS = { manifestBytes: 64 * 1024 * 1024, fileBytes: 256 * 1024 * 1024 };

/** Formats whose pixels diff compares (GIF: its first frame; SVG: drawn by librsvg). */
const RASTER = new Set(['png', 'apng', 'gif', 'svg']);
/** Animations: only their first frame is compared, so the pixels never make one count as unchanged. */
const ANIMATED = new Set(['apng', 'gif']);

function readBounded(file: string, limit: number): Buffer | string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    return `cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (!st.isFile()) return 'not a file';
  if (st.size > limit) return `${st.size} bytes; the limit is ${limit}`;
  return fs.readFileSync(file);
}

function loadSide(dir: string, trouble: string[]): Map<string, ManifestEntry> | undefined {
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) {
    trouble.push(`${dir}: not a folder`);
    return undefined;
  }
  const file = path.join(dir, MANIFEST_FILE);
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size > DIFF_LIMITS.manifestBytes) {
    trouble.push(`${file}: ${size} bytes; the limit is ${DIFF_LIMITS.manifestBytes}`);
    return undefined;
  }
  const r = readManifest(file);
  if (r.state !== 'ok') {
    trouble.push(`${file}: ${r.state === 'absent' ? `no manifest (render into ${dir} first, or merge its shards)` : `not an actiplot manifest (${r.reason})`}`);
    return undefined;
  }
  return new Map(r.manifest.figures.map((e) => [e.name, e]));
}

/** A figure's file, checked against its manifest line. */
function fileOf(dir: string, e: ManifestEntry, trouble: string[]): Buffer | undefined {
  const file = path.join(dir, e.file);
  const bytes = readBounded(file, DIFF_LIMITS.fileBytes);
  if (typeof bytes === 'string') {
    trouble.push(`${file}: ${bytes} (listed in ${path.join(dir, MANIFEST_FILE)})`);
    return undefined;
  }
  if (sha256(bytes) !== e.sha256) {
    trouble.push(`${file}: does not match the sha256 in ${path.join(dir, MANIFEST_FILE)}`);
    return undefined;
  }
  return bytes;
}

async function asPng(bytes: Buffer, format: string): Promise<Buffer> {
  if (format === 'png' || format === 'apng') return bytes;
  // node-canvas (librsvg, its GIF decoder) only for the formats that need it.
  const { rasterizeImage } = await import('../render/canvas.js');
  return rasterizeImage(bytes);
}

export const pct = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.001 ? 3 : 1)} %`;

function describe(before: ManifestEntry, after: ManifestEntry): string[] {
  const lines: string[] = [];
  if (before.figure === null || after.figure === null) {
    lines.push('config not recorded (a manifest of an older actiplot)');
    if (before.format !== after.format) lines.push(`format ${before.format} \u2192 ${after.format}`);
    if (before.width !== after.width || before.height !== after.height) lines.push(`size ${before.width}×${before.height} \u2192 ${after.width}×${after.height}`);
  } else {
    lines.push(...configChanges(before.figure, after.figure));
  }
  lines.push(...digestChanges(before.models ?? {}, after.models ?? {}, inputKind));
  lines.push(...digestChanges(before.fonts, after.fonts, 'font'));
  return lines;
}

export async function diff(opts: DiffOptions): Promise<DiffResult> {
  const threshold = opts.threshold ?? 0;
  const trouble: string[] = [];
  const result: DiffResult = { base: opts.base, next: opts.next, threshold, figures: [], trouble };
  if (!(threshold >= 0 && threshold <= 1)) {
    trouble.push(`--threshold: expected a share from 0 to 1, got ${String(threshold)}`);
    return result;
  }
  const base = loadSide(opts.base, trouble);
  const next = loadSide(opts.next, trouble);
  if (!base || !next) return result;

  const names = [...new Set([...base.keys(), ...next.keys()])].sort();
  for (const name of names) {
    const before = base.get(name);
    const after = next.get(name);
    if (!before || !after) {
      result.figures.push({ name, status: before ? 'removed' : 'added', before, after, changes: [], classShares: [] });
      continue;
    }
    const a = fileOf(opts.base, before, trouble);
    const b = fileOf(opts.next, after, trouble);
    if (!a || !b) continue;
    if (before.sha256 === after.sha256) {
      result.figures.push({ name, status: 'unchanged', before, after, changes: [], classShares: [] });
      continue;
    }
    const fig: DiffFigure = { name, status: 'changed', before, after, changes: describe(before, after), classShares: [] };
    if (RASTER.has(before.format) && RASTER.has(after.format)) {
      try {
        fig.beforePng = await asPng(a, before.format);
        fig.afterPng = await asPng(b, after.format);
        fig.pixels = pixelDiff(fig.beforePng, fig.afterPng);
      } catch (err) {
        trouble.push(`${name}: cannot compare its pixels (${(err as Error).message})`);
        continue;
      }
    }
    fig.classShares = classChanges(before.figure, after.figure);
    fig.firstFrame = ANIMATED.has(before.format) || ANIMATED.has(after.format);
    if (fig.pixels && !fig.firstFrame && fig.pixels.share <= threshold) {
      fig.status = 'unchanged';
      fig.withinThreshold = true;
    }
    result.figures.push(fig);
  }
  return result;
}

export const isChange = (f: DiffFigure) => f.status !== 'unchanged';

/** One line of measures: pixels and, for a classifier, the plane. */
export function measures(f: DiffFigure): string[] {
  const m: string[] = [];
  if (f.pixels) m.push(`${pct(f.pixels.share)} of pixels changed${f.firstFrame ? ' in the first frame' : ''}`);
  else if (f.beforePng) m.push('image size changed');
  // Panels whose classes did not change are left out, unless no panel's did.
  const moved = f.classShares.filter((c) => c.panel === undefined || c.share > 0);
  for (const c of moved) m.push(`class changed on ${pct(c.share)} of the plane${c.panel !== undefined ? ` of panel ${c.panel}` : ''}`);
  if (f.classShares.length > 0 && moved.length === 0) m.push('no point of the plane changed class');
  return m;
}
