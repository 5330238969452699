/**
 * `<out>/manifest.json`: every output actiplot made in a folder, with what it was made from. It is
 * how a run knows which files are its own (to skip, overwrite or prune them) and what is current.
 * Serialized with a fixed key order, figures sorted by name and no timestamps, so equal runs give
 * equal bytes.
 */
import fs from 'node:fs';
import { readBounded, ReadRefusal } from '../config/read-bounded.js';
import { LIMITS } from '../config/limits.js';
import path from 'node:path';
import { formatShard, type Shard } from './shard.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 2;
/** Format 1 lacked each figure's record (figure, fonts); its entries read as always stale. */
const OLD_FORMAT = 1;

export interface ManifestEntry {
  name: string;
  /** Path of the output, relative to the output folder. */
  file: string;
  format: string;
  /** Size in device pixels. */
  width: number;
  height: number;
  /** File size in bytes. */
  bytes: number;
  sha256: string;
  /** The config file, as given on the command line (relative to the working folder). */
  config: string;
  /** JSON pointer of the figure in its config file ('' for a file that is one figure). */
  pointer: string;
  title: string;
  /** The figure's text alternative (its config's "alt", or one generated from its maths). */
  alt?: string;
  /** Absent: light. */
  theme?: 'light' | 'dark';
  /** For a theme variant (`render --themes`): the name of the figure it is a variant of. */
  variantOf?: string;
  /** sha256 of the normalized figure config, the actiplot version and the fonts. */
  inputHash: string;
  /**
   * What the entry was planned from (hash.ts sourceDigest): its config file's bytes and the run's
   * settings. A run whose every entry still matches it (and its model, data and font files, and
   * its output) has nothing to do, and knows it without validating a config (unchanged.ts).
   */
  source?: string;
  /** The resolved figure the file was drawn from (what `actiplot diff` compares), or null when unknown. */
  figure: unknown;
  /** The model files the figure reads, by the path its config gives, with their sha256 (only for figures that read one). */
  models?: Record<string, string>;
  /** Font files the figure draws with, by file name, with their sha256. */
  fonts: Record<string, string>;
}

export interface Manifest {
  manifest: number;
  actiplot: string;
  fonts: string;
  /** `k/n` for the manifest of one shard. */
  shard?: string;
  /** Error lines of the configs and figures that failed in the run (absent when none did), for the gallery. */
  failed?: string[];
  figures: ManifestEntry[];
}

/** `manifest.json`, or `manifest.shard-2-of-4.json` for one shard's run. */
export function manifestFileName(shard?: Shard): string {
  return shard && shard.count > 1 ? `manifest.shard-${shard.index}-of-${shard.count}.json` : MANIFEST_FILE;
}

const SHARD_MANIFEST = /^manifest\.shard-\d+-of-\d+\.json$/;

/** Manifest files present in `dir`: manifest.json first, then shard manifests. */
export function manifestFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return [...names.filter((n) => n === MANIFEST_FILE), ...names.filter((n) => SHARD_MANIFEST.test(n)).sort()];
}

const ENTRY_FIELDS: Record<keyof ManifestEntry, 'string' | 'number' | 'any' | 'digests' | 'optional digests' | 'optional string'> = {
  name: 'string', file: 'string', format: 'string', width: 'number', height: 'number', bytes: 'number',
  sha256: 'string', config: 'string', pointer: 'string', title: 'string', alt: 'optional string', theme: 'optional string',
  variantOf: 'optional string', inputHash: 'string', source: 'optional string',
  figure: 'any', models: 'optional digests', fonts: 'digests',
};

/** The entry with its fields in the fixed order. */
function ordered(e: ManifestEntry): ManifestEntry {
  return {
    name: e.name, file: e.file, format: e.format, width: e.width, height: e.height, bytes: e.bytes,
    sha256: e.sha256, config: e.config, pointer: e.pointer, title: e.title,
    ...(e.alt !== undefined ? { alt: e.alt } : {}), ...(e.theme !== undefined ? { theme: e.theme } : {}), ...(e.variantOf !== undefined ? { variantOf: e.variantOf } : {}),
    inputHash: e.inputHash, ...(e.source !== undefined ? { source: e.source } : {}),
    figure: e.figure ?? null, ...(e.models && Object.keys(e.models).length > 0 ? { models: sortedKeys(e.models) } : {}), fonts: sortedKeys(e.fonts),
  };
}

function sortedKeys(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]]));
}

export function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function serializeManifest(m: Manifest): string {
  const out: Manifest = {
    manifest: MANIFEST_FORMAT,
    actiplot: m.actiplot,
    fonts: m.fonts,
    ...(m.shard !== undefined ? { shard: m.shard } : {}),
    ...(m.failed?.length ? { failed: m.failed } : {}),
    figures: [...m.figures].sort(byName).map(ordered),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function makeManifest(version: string, fonts: string, figures: ManifestEntry[], shard?: Shard, failed: readonly string[] = []): Manifest {
  return { manifest: MANIFEST_FORMAT, actiplot: version, fonts, ...(shard && shard.count > 1 ? { shard: formatShard(shard) } : {}), ...(failed.length ? { failed: [...failed] } : {}), figures };
}

export type ReadManifest =
  | { state: 'absent' }
  | { state: 'invalid'; reason: string }
  | { state: 'ok'; manifest: Manifest };

/** Reads and checks a manifest file. A file we cannot trust is 'invalid', never half-used. */
export function readManifest(file: string): ReadManifest {
  let text: string;
  try {
    // Bounded and without blocking: a manifest is untrusted input like a config (a FIFO, /dev/zero).
    text = readBounded(file, LIMITS.manifestBytes).toString('utf8');
  } catch (err) {
    const code = (err as ReadRefusal).code;
    if (code === 'ENOENT') return { state: 'absent' };
    return { state: 'invalid', reason: err instanceof ReadRefusal ? err.reason.replace(/^cannot read the file/, 'cannot read it') : 'cannot read it' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { state: 'invalid', reason: 'not JSON' };
  }
  const reason = checkManifest(value);
  if (reason) return { state: 'invalid', reason };
  const manifest = value as Manifest;
  if (manifest.manifest === OLD_FORMAT) {
    manifest.manifest = MANIFEST_FORMAT;
    manifest.figures = manifest.figures.map((e) => ({ ...e, figure: null, fonts: {} }));
  }
  return { state: 'ok', manifest };
}

const isDigests = (v: unknown) =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((d) => typeof d === 'string');

function checkManifest(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'not an object';
  const m = v as Record<string, unknown>;
  if (m.manifest !== MANIFEST_FORMAT && m.manifest !== OLD_FORMAT) return `unknown manifest format ${JSON.stringify(m.manifest)} (expected ${MANIFEST_FORMAT})`;
  if (typeof m.actiplot !== 'string' || typeof m.fonts !== 'string') return 'missing "actiplot" or "fonts"';
  if (!Array.isArray(m.figures)) return 'missing "figures"';
  if (m.failed !== undefined && !(Array.isArray(m.failed) && m.failed.every((l) => typeof l === 'string'))) return '"failed": expected a list of strings';
  const names = new Set<string>();
  for (const [i, e] of m.figures.entries()) {
    if (!e || typeof e !== 'object') return `figures[${i}] is not an object`;
    for (const [k, t] of Object.entries(ENTRY_FIELDS)) {
      const field = (e as Record<string, unknown>)[k];
      if (t === 'any' || (m.manifest === OLD_FORMAT && t === 'digests') || ((t === 'optional digests' || t === 'optional string') && field === undefined)) continue;
      if (t === 'optional string') {
        if (typeof field !== 'string') return `figures[${i}].${k}: expected a string`;
        continue;
      }
      const digests = t === 'digests' || t === 'optional digests';
      if (digests ? !isDigests(field) : typeof field !== t) return `figures[${i}].${k}: expected ${digests ? 'an object of sha256 strings' : `a ${t}`}`;
    }
    const entry = e as ManifestEntry;
    if (!isPlainFileName(entry.file)) return `figures[${i}].file: not a plain file name: ${JSON.stringify(entry.file)}`;
    if (names.has(entry.name)) return `figures[${i}]: duplicate name "${entry.name}"`;
    names.add(entry.name);
  }
  return undefined;
}

/** A file name inside the output folder (no folders, no `..`): what a manifest may point at. */
export function isPlainFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\\') && name === path.basename(name);
}
