/**
 * `<out>/index.html`: every figure with its title, config, size and hash, as one grid of cards as
 * wide as the window (in the order of the config files); the configs and figures that failed, with their error
 * lines, at the top; a filter by name; a link to the diff report when the folder has one. One
 * static page with relative links, inline CSS and one small inline script (the filter; without it
 * the page shows everything), so it works from the file system and from any static host. Built
 * from manifest entries alone (so `merge` can build it too), with no dates, so equal manifests
 * give equal bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { byName, type ManifestEntry } from './manifest.js';
import { pictureHtml } from './snippet.js';

/** The marker that tells actiplot an existing index.html is its own and may be replaced. */
export const GALLERY_MARKER = '<meta name="generator" content="actiplot">';
export const GALLERY_FILE = 'index.html';

/** The diff report's place inside an output folder (`actiplot diff`'s default) and its marker. */
export const DIFF_REPORT_DIR = 'diff';
export const DIFF_REPORT_MARKER = '<meta name="generator" content="actiplot diff">';

export interface GalleryExtras {
  /** Error lines of configs and figures that failed. */
  failed?: readonly string[];
  /** Relative link to a diff report. */
  diffReport?: string;
}

/** The link to `<out>/diff/index.html` when that is an actiplot diff report, else undefined. */
export function diffReportLink(out: string): string | undefined {
  const file = path.join(out, DIFF_REPORT_DIR, 'index.html');
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > 64 * 1024 * 1024) return undefined;
    return fs.readFileSync(file, 'utf8').includes(DIFF_REPORT_MARKER) ? `${DIFF_REPORT_DIR}/index.html` : undefined;
  } catch {
    return undefined;
  }
}

/** Hides the cards whose name does not contain the filter text. */
const FILTER_SCRIPT = `<script>
(() => {
  const input = document.getElementById('filter');
  const count = document.getElementById('shown');
  const cards = [...document.querySelectorAll('figure[data-name]')];
  const apply = () => {
    const q = input.value.trim().toLowerCase();
    let shown = 0;
    for (const c of cards) {
      const hit = c.dataset.name.toLowerCase().includes(q);
      c.hidden = !hit;
      if (hit) shown++;
    }
    count.textContent = q ? shown + ' of ' + cards.length + ' shown' : '';
  };
  input.addEventListener('input', apply);
  apply();
})();
</script>
`;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `figures[2]` from `/figures/2`; '' for a whole-file figure. */
function pointerLabel(pointer: string): string {
  return pointer.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/^(\w+)\//, '$1.');
}

function pointerIndex(pointer: string): number {
  const m = /(\d+)$/.exec(pointer);
  return m ? Number(m[1]) : -1;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** A file name as a relative URL (each character that is not URL-safe escaped). */
function href(file: string): string {
  return encodeURIComponent(file).replace(/%2F/g, '/');
}

/** Formats a browser shows in an <img>; others (PDF) get a link card of the same proportions. */
const IMAGE_FORMATS = new Set(['png', 'svg', 'jpeg', 'jpg', 'webp', 'gif']);

/** The figure as the page shows it: with a dark variant, a <picture> that follows the reader's colour scheme. */
function preview(e: ManifestEntry, title: string, variants: readonly ManifestEntry[]): string {
  const link = esc(href(e.file));
  if (IMAGE_FORMATS.has(e.format.toLowerCase())) {
    const shown = variants.filter((v) => IMAGE_FORMATS.has(v.format.toLowerCase()));
    return `<a href="${link}">${pictureHtml({ ...e, width: e.width, height: e.height, figure: null }, shown, { alt: e.alt ?? title })}</a>`;
  }
  return `<a class="doc" href="${link}" style="aspect-ratio: ${e.width} / ${e.height}">${esc(e.format.toUpperCase())}: open ${esc(e.file)}</a>`;
}

export function galleryHtml(all: readonly ManifestEntry[], version: string, extras: GalleryExtras = {}): string {
  // A theme variant (`render --themes`) shows inside its figure's card, not as a card of its own.
  const names = new Set(all.map((e) => e.name));
  const variants = new Map<string, ManifestEntry[]>();
  for (const e of all) if (e.variantOf !== undefined && names.has(e.variantOf)) variants.set(e.variantOf, [...(variants.get(e.variantOf) ?? []), e].sort(byName));
  const entries = all.filter((e) => e.variantOf === undefined || !names.has(e.variantOf));
  const groups = new Map<string, ManifestEntry[]>();
  for (const e of [...entries].sort(byName)) {
    const list = groups.get(e.config) ?? [];
    list.push(e);
    groups.set(e.config, list);
  }
  const configs = [...groups.keys()].sort();
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${GALLERY_MARKER}
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>actiplot figures</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; padding: 1rem 1.5rem 3rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5rem; margin: .5rem 0 0; }
h2 { font-size: 1.1rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid #ddd; font-family: ui-monospace, monospace; }
.meta { color: #555; margin: .25rem 0 1rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr)); gap: 1.25rem; align-items: start; }
.tools { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; margin: .5rem 0 1rem; }
.tools input { font: inherit; padding: .3rem .5rem; min-width: 16rem; border: 1px solid #bbb; border-radius: 4px; }
.failed { border: 1px solid #d33; border-left-width: 6px; border-radius: 6px; padding: .5rem 1rem; background: #fff4f4; margin: 1rem 0; }
.failed h2 { border: 0; margin: .25rem 0; color: #a11; font-family: inherit; }
.failed pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: .25rem 0; font: .85rem/1.4 ui-monospace, monospace; }
[hidden] { display: none !important; }
figure { margin: 0; border: 1px solid #e2e2e2; border-radius: 6px; padding: .75rem; background: #fafafa; }
figure img { display: block; max-width: 100%; height: auto; background: #fff; margin: 0 auto; }
figcaption { margin-top: .5rem; }
a.doc { display: flex; align-items: center; justify-content: center; max-width: 100%; border: 1px dashed #aaa; background: #fff; color: inherit; font-weight: 600; text-decoration: none; }
.title { font-weight: 600; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .75rem; margin: .4rem 0 0; font-size: .85rem; color: #444; }
dt { color: #777; }
dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, monospace; font-size: .85em; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; }
  figure { background: #202020; border-color: #333; }
  a.doc { background: #2a2a2a; }
  .failed { background: #2a1616; }
  .failed h2 { color: #f88; }
  .tools input { background: #222; color: inherit; border-color: #555; }
  .meta, dl, dt { color: #aaa; }
  h2 { border-color: #333; }
}
</style>
</head>
<body>
<h1>actiplot figures</h1>
<p class="meta">${entries.length} figure${entries.length === 1 ? '' : 's'} from ${configs.length} config file${configs.length === 1 ? '' : 's'}, rendered by actiplot ${esc(version)}.</p>
`);
  const failed = extras.failed ?? [];
  if (failed.length > 0) {
    parts.push(`<section class="failed" id="failed">\n<h2>${failed.length} error${failed.length === 1 ? '' : 's'}: these configs or figures failed</h2>\n<pre>${failed.map(esc).join('\n')}</pre>\n</section>\n`);
  }
  parts.push(`<div class="tools"><label>Filter by name <input id="filter" type="search" placeholder="e.g. relu" autocomplete="off"></label><span id="shown" aria-live="polite"></span>${
    extras.diffReport ? `<a id="diff-report" href="${esc(extras.diffReport.split('/').map(href).join('/'))}">What changed: the diff report</a>` : ''
  }</div>\n`);
  // One grid as wide as the page, the figures in the order of their config files and places in them.
  parts.push('<div class="grid">\n');
  for (const config of configs) {
    const list = groups.get(config)!.sort((a, b) => pointerIndex(a.pointer) - pointerIndex(b.pointer) || byName(a, b));
    for (const e of list) {
      const title = e.title || e.name;
      const where = pointerLabel(e.pointer);
      const own = variants.get(e.name) ?? [];
      parts.push(`<figure id="${esc(e.name)}" data-name="${esc(e.name)}">
${preview(e, title, own)}
<figcaption><span class="title">${esc(title)}</span>
<dl>
<dt>name</dt><dd><code>${esc(e.name)}</code></dd>
<dt>config</dt><dd><code>${esc(e.config)}${where ? ` ${esc(where)}` : ''}</code></dd>
<dt>file</dt><dd><a href="${esc(href(e.file))}"><code>${esc(e.file)}</code></a></dd>${own.map((v) => `
<dt>${esc(v.theme ?? 'light')}</dt><dd><a href="${esc(href(v.file))}"><code>${esc(v.file)}</code></a></dd>`).join('')}
<dt>size</dt><dd>${e.width} × ${e.height} px, ${esc(formatBytes(e.bytes))}</dd>
<dt>sha256</dt><dd><code>${esc(e.sha256)}</code></dd>
</dl>
</figcaption>
</figure>
`);
    }
  }
  parts.push('</div>\n');
  if (entries.length === 0) parts.push('<p>No figures yet.</p>\n');
  parts.push(FILTER_SCRIPT);
  parts.push('</body>\n</html>\n');
  return parts.join('');
}
