/**
 * `actiplot merge <manifests..>`: joins the manifests of shards (or of any runs) into
 * `<out>/manifest.json` and the gallery. Files that sit beside a manifest in another folder are
 * copied into the output folder. Every file is checked against its recorded sha256 first; on any
 * problem nothing is written. Shard manifests must come as a complete set (every k of k/n): a
 * matrix job that failed to upload its shard would otherwise give a merged folder without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lockOutputSync } from './lock.js';
import { fileSha256 } from './hash.js';
import { MANIFEST_FILE, byName, isPlainFileName, makeManifest, readManifest, serializeManifest, type ManifestEntry } from './manifest.js';
import { readFolder } from './state.js';
import { parseShard } from './shard.js';
import { readRegularFile, symlinkRefusal, writeIfChanged } from './write.js';
import { GALLERY_FILE, GALLERY_MARKER, diffReportLink, galleryHtml } from './gallery.js';

export interface MergeOptions {
  manifests: string[];
  out: string;
  gallery?: boolean;
  /** Overwrite files in the output folder that no manifest there lists. */
  force?: boolean;
}

export interface MergeResult {
  out: string;
  manifest?: string;
  figures: ManifestEntry[];
  /** Paths copied into the output folder. */
  copied: string[];
  errors: string[];
  ok: boolean;
}

export function merge(opts: MergeOptions): MergeResult {
  const out = opts.out;
  const errors: string[] = [];
  const entries = new Map<string, { entry: ManifestEntry; from: string; dir: string }>();
  let version: string | undefined;
  let fonts: string | undefined;
  /** The runs' failures, each line once, in the order given. */
  const failed = new Set<string>();
  /** Shard numbers given, by shard count. */
  const shards = new Map<number, Set<number>>();
  for (const file of opts.manifests) {
    const r = readManifest(file);
    if (r.state !== 'ok') {
      errors.push(`${file}: ${r.state === 'absent' ? 'no such file' : `not an actiplot manifest (${r.reason})`}`);
      continue;
    }
    const m = r.manifest;
    if (version === undefined) {
      version = m.actiplot;
      fonts = m.fonts;
    } else if (m.actiplot !== version || m.fonts !== fonts) {
      errors.push(`${file}: made by actiplot ${m.actiplot} with fonts ${m.fonts.slice(0, 12)}, but ${opts.manifests[0]} by ${version} with ${fonts!.slice(0, 12)}; render every shard with the same actiplot`);
      continue;
    }
    for (const line of m.failed ?? []) failed.add(line);
    if (m.shard !== undefined) {
      const s = typeof m.shard === 'string' ? parseShard(m.shard) : 'not k/n';
      if (typeof s === 'string') {
        errors.push(`${file}: bad "shard" ${JSON.stringify(m.shard)}`);
        continue;
      }
      const seen = shards.get(s.count) ?? new Set<number>();
      seen.add(s.index);
      shards.set(s.count, seen);
    }
    for (const e of m.figures) {
      const prior = entries.get(e.name);
      if (prior && (prior.entry.sha256 !== e.sha256 || prior.entry.file !== e.file || prior.entry.inputHash !== e.inputHash)) {
        errors.push(`${file}: figure "${e.name}" is also in ${prior.from}, with other contents`);
        continue;
      }
      if (!prior) entries.set(e.name, { entry: e, from: file, dir: path.dirname(file) });
    }
  }

  for (const [count, seen] of [...shards].sort((a, b) => a[0] - b[0])) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
    if (missing.length > 0) {
      errors.push(`incomplete set of shards: shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${count} missing (got ${[...seen].sort((a, b) => a - b).join(', ')}); merge every manifest.shard-k-of-${count}.json`);
    }
  }

  const files = new Map<string, string>();
  for (const { entry, from, dir } of entries.values()) {
    if (!isPlainFileName(entry.file)) {
      errors.push(`${from}: figure "${entry.name}": bad file name ${JSON.stringify(entry.file)}`);
      continue;
    }
    const other = files.get(entry.file);
    if (other !== undefined) errors.push(`${from}: figures "${other}" and "${entry.name}" both write ${entry.file}`);
    files.set(entry.file, entry.name);
    const src = path.join(dir, entry.file);
    if (fileSha256(src) !== entry.sha256) errors.push(`${src}: ${fs.existsSync(src) ? 'does not match the sha256 in' : 'missing, but listed in'} ${from}`);
  }

  const result: MergeResult = { out, figures: [...entries.values()].map((v) => v.entry).sort(byName), copied: [], errors, ok: false };
  if (errors.length > 0 || version === undefined) {
    if (version === undefined && errors.length === 0) errors.push('no manifests to merge');
    return result;
  }

  const refusal = symlinkRefusal(out);
  if (refusal) {
    errors.push(`cannot use ${out} as the output folder: ${refusal}`);
    return result;
  }
  fs.mkdirSync(out, { recursive: true });
  using lock = lockOutputSync(out);
  if (lock.refusal) { errors.push(lock.refusal); return result; }
  const state = readFolder(out);
  const outAbs = path.resolve(out);
  // Check every copy before making any, so a refusal leaves the folder as it was.
  const copies: { src: string; entry: ManifestEntry }[] = [];
  for (const { entry, dir } of entries.values()) {
    if (path.resolve(dir) === outAbs) continue;
    const target = path.join(out, entry.file);
    const have = fileSha256(target);
    if (have === entry.sha256) continue;
    if (have !== undefined && !state.owned.has(entry.file) && !opts.force) {
      errors.push(`${target} exists and was not made by actiplot; delete it or pass --force`);
      continue;
    }
    copies.push({ src: path.join(dir, entry.file), entry });
  }
  const galleryPath = path.join(out, GALLERY_FILE);
  const gallery = opts.gallery ?? true;
  if (gallery && !opts.force && fs.existsSync(galleryPath) && !(readRegularFile(galleryPath)?.toString('utf8') ?? '').includes(GALLERY_MARKER)) {
    errors.push(`${galleryPath} exists and was not made by actiplot; delete it, pass --no-gallery or --force`);
  }
  const manifestPath = path.join(out, MANIFEST_FILE);
  if (!opts.force && state.invalid.some((i) => i.file === MANIFEST_FILE)) {
    errors.push(`${manifestPath} is not an actiplot manifest; delete it or pass --force`);
  }
  if (errors.length > 0) return result;

  for (const c of copies) {
    writeIfChanged(out, c.entry.file, fs.readFileSync(c.src));
    result.copied.push(path.join(out, c.entry.file));
  }
  const manifest = makeManifest(version, fonts!, result.figures, undefined, [...failed]);
  if (gallery) writeIfChanged(out, GALLERY_FILE, galleryHtml(result.figures, version, { failed: [...failed], diffReport: diffReportLink(out) }));
  writeIfChanged(out, MANIFEST_FILE, serializeManifest(manifest));
  result.manifest = manifestPath;
  result.ok = true;
  return result;
}
