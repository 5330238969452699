/**
 * `<out>/index.html`: every figure with its title, config, size and hash, grouped by config file.
 * One static page with relative links, inline CSS and no scripts, so it works from the file system
 * and from any static host. Built from manifest entries alone (so `merge` can build it too), with
 * no dates, so equal manifests give equal bytes.
 */
import { byName, type ManifestEntry } from './manifest.js';

/** The marker that tells actiplot an existing index.html is its own and may be replaced. */
export const GALLERY_MARKER = '<meta name="generator" content="actiplot">';
export const GALLERY_FILE = 'index.html';

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

function preview(e: ManifestEntry, title: string): string {
  const link = esc(href(e.file));
  if (IMAGE_FORMATS.has(e.format.toLowerCase())) {
    return `<a href="${link}"><img src="${link}" width="${e.width}" height="${e.height}" alt="${esc(title)}"></a>`;
  }
  return `<a class="doc" href="${link}" style="aspect-ratio: ${e.width} / ${e.height}">${esc(e.format.toUpperCase())}: open ${esc(e.file)}</a>`;
}

export function galleryHtml(entries: readonly ManifestEntry[], version: string): string {
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
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5rem; margin: .5rem 0 0; }
h2 { font-size: 1.1rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid #ddd; font-family: ui-monospace, monospace; }
.meta { color: #555; margin: .25rem 0 1rem; }
nav ul { margin: .25rem 0; padding-left: 1.25rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 1.25rem; }
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
  .meta, dl, dt { color: #aaa; }
  h2 { border-color: #333; }
}
</style>
</head>
<body>
<h1>actiplot figures</h1>
<p class="meta">${entries.length} figure${entries.length === 1 ? '' : 's'} from ${configs.length} config file${configs.length === 1 ? '' : 's'}, rendered by actiplot ${esc(version)}.</p>
`);
  if (configs.length > 1) {
    parts.push('<nav><ul>\n');
    configs.forEach((c, i) => parts.push(`<li><a href="#config-${i + 1}"><code>${esc(c)}</code></a> (${groups.get(c)!.length})</li>\n`));
    parts.push('</ul></nav>\n');
  }
  configs.forEach((config, i) => {
    const list = groups.get(config)!.sort((a, b) => pointerIndex(a.pointer) - pointerIndex(b.pointer) || byName(a, b));
    parts.push(`<section id="config-${i + 1}">\n<h2>${esc(config)}</h2>\n<div class="grid">\n`);
    for (const e of list) {
      const title = e.title || e.name;
      const where = pointerLabel(e.pointer);
      parts.push(`<figure id="${esc(e.name)}">
${preview(e, title)}
<figcaption><span class="title">${esc(title)}</span>
<dl>
<dt>name</dt><dd><code>${esc(e.name)}</code></dd>
<dt>config</dt><dd><code>${esc(e.config)}${where ? ` ${esc(where)}` : ''}</code></dd>
<dt>file</dt><dd><a href="${esc(href(e.file))}"><code>${esc(e.file)}</code></a></dd>
<dt>size</dt><dd>${e.width} × ${e.height} px, ${esc(formatBytes(e.bytes))}</dd>
<dt>sha256</dt><dd><code>${esc(e.sha256)}</code></dd>
</dl>
</figcaption>
</figure>
`);
    }
    parts.push('</div>\n</section>\n');
  });
  if (entries.length === 0) parts.push('<p>No figures yet.</p>\n');
  parts.push('</body>\n</html>\n');
  return parts.join('');
}
