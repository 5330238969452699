/**
 * `actiplot check`: compares an output folder with the configs without rendering or writing.
 * A figure is current when manifest.json records it with the same input hash and its file still
 * has the recorded sha256. Everything else is missing, stale or extra, so CI can fail when the
 * committed figures are out of date. `check --verify` (verify.ts) also re-renders every figure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { plan, type Overrides, type Plan } from './plan.js';
import { figureFonts, fileSha256, fontsFingerprint, inputHash, stableJson } from './hash.js';
import { figureRecord, inputKind } from './figure-record.js';
import { MANIFEST_FILE, isPlainFileName, makeManifest, manifestFilesIn, readManifest, serializeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { isGone } from './state.js';
import { isTempFile, readRegularFile } from './write.js';
import { GALLERY_FILE, diffReportLink, galleryHtml } from './gallery.js';
import { VERSION } from '../version.js';
import { figureModelFiles } from '../config/figure-model-files.js';
import type { ResolvedFigure } from '../model/figure.js';

/** `differs`: found by --verify, a file whose bytes are not what its config renders to. */
export type CheckKind = 'missing' | 'stale' | 'extra' | 'differs';

export interface CheckItem {
  kind: CheckKind;
  /** Path in the output folder (joined with it), or the figure's name when it has no file yet. */
  path: string;
  name?: string;
  config?: string;
  reason: string;
}

export interface CheckOptions {
  paths: string[];
  out: string;
  /** Also compare index.html with the gallery a render would write (default true). */
  gallery?: boolean;
  /** `--format` and `--scale`, as the render being checked was given them. */
  overrides?: Overrides;
}

export interface CheckResult {
  out: string;
  items: CheckItem[];
  /** Config errors. */
  errors: string[];
  /** Figures that are current. */
  current: number;
  /** Figures in the configs. */
  total: number;
  /** With --verify (verify.ts): how many figures were re-rendered and compared. */
  verified?: number;
  ok: boolean;
}

/** Image-like files a render could have made; other files in the folder are not ours to judge. */
const OUTPUT_EXT = /\.(png|svg|pdf|jpe?g|webp)$/i;

/** `p`: the plan of `opts.paths`, when the caller has made it already (verify.ts). */
export function check(opts: CheckOptions, p: Plan = plan(opts.paths, [opts.out], opts.overrides)): CheckResult {
  const out = opts.out;
  const errors = p.errors.map((e) => e.message);
  const items: CheckItem[] = [];
  const at = (file: string) => path.join(out, file);

  const read = readManifest(at(MANIFEST_FILE));
  let manifest: Manifest | undefined;
  if (read.state === 'invalid') items.push({ kind: 'stale', path: at(MANIFEST_FILE), reason: `not an actiplot manifest (${read.reason})` });
  else if (read.state === 'ok') manifest = read.manifest;
  const recorded = new Map((manifest?.figures ?? []).map((e) => [e.name, e]));

  const fonts = fontsFingerprint();
  const names = new Set(p.jobs.map((j) => j.figure.name));
  const current: ManifestEntry[] = [];
  for (const job of p.jobs) {
    const fig = job.figure;
    const e = recorded.get(fig.name);
    const who = { name: fig.name, config: job.file };
    if (!e) {
      items.push({ kind: 'missing', path: fig.name, ...who, reason: `figure "${fig.name}" has no output (not in ${MANIFEST_FILE})` });
      continue;
    }
    const file = at(e.file);
    const sha = isPlainFileName(e.file) ? fileSha256(file) : undefined;
    if (sha === undefined) {
      items.push({ kind: 'missing', path: file, ...who, reason: 'the file is not there' });
    } else if (e.inputHash !== inputHash(fig, VERSION)) {
      items.push({ kind: 'stale', path: file, ...who, reason: staleReason(manifest!, e, fig, fonts) });
    } else if (sha !== e.sha256) {
      items.push({ kind: 'stale', path: file, ...who, reason: 'the file was changed after actiplot wrote it' });
    } else if (e.config !== job.file || e.pointer !== job.pointer || e.title !== fig.title) {
      items.push({ kind: 'stale', path: at(MANIFEST_FILE), ...who, reason: `records "${fig.name}" as from ${e.config}${e.pointer ? ` ${e.pointer}` : ''}` });
    } else {
      // The record as a render would write it: a manifest whose record was edited is not current.
      current.push({ ...e, ...figureRecord(fig) });
    }
  }

  // Outputs of figures that are gone; other manifest entries (configs outside these paths) are not judged.
  const listed = new Set<string>();
  for (const e of manifest?.figures ?? []) {
    listed.add(e.file);
    if (names.has(e.name)) continue;
    if (isGone(e, p, opts.paths, names)) {
      items.push({ kind: 'extra', path: at(e.file), name: e.name, config: e.config, reason: `figure "${e.name}" is no longer in ${e.config} (render --prune deletes it)` });
    } else {
      current.push(e);
    }
  }

  // Files no manifest lists: images actiplot did not make, and temporary files of killed runs.
  for (const m of manifestFilesIn(out)) {
    if (m === MANIFEST_FILE) continue;
    const r = readManifest(at(m));
    if (r.state === 'ok') for (const e of r.manifest.figures) listed.add(e.file);
  }
  let names_: string[] = [];
  try {
    names_ = fs.readdirSync(out).sort();
  } catch {
    // no folder: every figure is already missing
  }
  for (const n of names_) {
    if (isTempFile(n)) items.push({ kind: 'extra', path: at(n), reason: 'temporary file left by an interrupted run (the next render removes it)' });
    else if (OUTPUT_EXT.test(n) && !listed.has(n)) items.push({ kind: 'extra', path: at(n), reason: 'not made by actiplot (not in any manifest)' });
  }

  // When every figure is current, the manifest and gallery must be what a render would write.
  if (items.length === 0 && errors.length === 0) {
    const want = makeManifest(VERSION, fonts, current);
    const wantText = serializeManifest(want);
    const have = readRegularFile(at(MANIFEST_FILE))?.toString('utf8'); // never blocks on a FIFO
    if (p.jobs.length > 0 || have !== undefined) {
      if (have === undefined) items.push({ kind: 'missing', path: at(MANIFEST_FILE), reason: 'no manifest' });
      else if (have !== wantText) items.push({ kind: 'stale', path: at(MANIFEST_FILE), reason: 'differs from what a render would write' });
    }
    if ((opts.gallery ?? true) && p.jobs.length > 0) {
      const html = readRegularFile(at(GALLERY_FILE))?.toString('utf8');
      if (html === undefined) items.push({ kind: 'missing', path: at(GALLERY_FILE), reason: 'no gallery' });
      else if (html !== galleryHtml(want.figures, VERSION, { diffReport: diffReportLink(out) })) items.push({ kind: 'stale', path: at(GALLERY_FILE), reason: 'differs from what a render would write' });
    }
  }

  const order: Record<CheckKind, number> = { missing: 0, stale: 1, extra: 2, differs: 3 };
  items.sort((a, b) => order[a.kind] - order[b.kind] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const total = p.jobs.length;
  const currentCount = total - new Set(items.filter((i) => i.name !== undefined && names.has(i.name) && i.kind !== 'extra').map((i) => i.name)).size;
  return { out, items, errors, current: currentCount, total, ok: items.length === 0 && errors.length === 0 };
}

function staleReason(m: Manifest, e: ManifestEntry, fig: ResolvedFigure, fonts: string): string {
  if (m.actiplot !== VERSION) return `rendered by actiplot ${m.actiplot}; this is ${VERSION}`;
  if (m.fonts !== fonts || stableJson(e.fonts) !== stableJson(figureFonts(fig))) return 'the fonts changed since it was rendered';
  const models = figureModelFiles(fig);
  const changed = Object.keys(models).filter((f) => e.models?.[f] !== undefined && e.models[f] !== models[f]);
  const kind = changed.every((f) => inputKind(f) === 'data file') ? 'data' : 'model';
  if (changed.length > 0) return `${kind} changed: ${changed.join(', ')} is not the file it was rendered from`;
  return 'its config changed since it was rendered';
}
