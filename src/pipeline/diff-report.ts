/**
 * The HTML report of a diff: for each changed raster figure, before, after and the highlighted
 * pixel difference side by side, each a thumbnail that opens the full image. The images are copied
 * into the report folder and every link is relative, so the folder works offline (from a CI
 * artifact, from the file system) and with no script.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isChange, measures, type DiffFigure, type DiffResult } from './diff.js';
import { symlinkRefusal, writeIfChanged } from './write.js';
import { DIFF_REPORT_MARKER, GALLERY_FILE, GALLERY_MARKER, diffReportLink, galleryHtml } from './gallery.js';
import { MANIFEST_FILE, readManifest } from './manifest.js';

export const DIFF_REPORT_FILE = 'index.html';
export { DIFF_REPORT_MARKER };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const href = (file: string) => encodeURIComponent(file);
const REPORT_IMAGE = /\.(before|after|diff)\.png$/;

/** The report's image files of a figure (its output file name is a plain name, checked by the manifest reader). */
function imageNames(f: DiffFigure): { before: string; after: string; diff: string } {
  const file = f.after!.file;
  return { before: `${file}.before.png`, after: `${file}.after.png`, diff: `${file}.diff.png` };
}

function thumb(file: string, label: string, alt: string): string {
  return `<figure><a href="${esc(href(file))}"><img src="${esc(href(file))}" alt="${esc(alt)}" loading="lazy"></a><figcaption>${esc(label)}</figcaption></figure>`;
}

export function diffReportHtml(r: DiffResult): string {
  const changed = r.figures.filter((f) => f.status === 'changed');
  const list = (title: string, items: DiffFigure[], file: (f: DiffFigure) => string) =>
    items.length ? `<h2>${esc(title)}</h2>\n<ul>\n${items.map((f) => `<li><code>${esc(f.name)}</code> (<code>${esc(file(f))}</code>)</li>`).join('\n')}\n</ul>\n` : '';
  const cards = changed.map((f) => {
    const lines = [...f.changes, ...measures(f)];
    const detail = lines.length ? `<ul class="changes">${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '';
    let images = '<p class="note">Not a raster figure: no pixel comparison.</p>';
    if (f.beforePng) {
      const n = imageNames(f);
      images = `<div class="row">${thumb(n.before, 'before', `${f.name} before`)}${thumb(n.after, 'after', `${f.name} after`)}${
        f.pixels ? thumb(n.diff, 'difference (red: changed, yellow: anti-aliasing)', `${f.name} difference`) : '<figure><p class="note">The image size changed: no pixel difference.</p></figure>'
      }</div>`;
    }
    return `<section class="card" id="${esc(f.name)}">\n<h3><code>${esc(f.name)}</code></h3>\n${detail}\n${images}\n</section>`;
  });
  const unchanged = r.figures.filter((f) => !isChange(f)).length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${DIFF_REPORT_MARKER}
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>actiplot diff</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0; padding: 1rem 1.5rem 3rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5rem; margin: .5rem 0; }
.card { border: 1px solid #e2e2e2; border-radius: 6px; padding: .75rem; margin: 1rem 0; background: #fafafa; }
.card h3 { margin: 0 0 .5rem; }
.row { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem; }
.row figure { margin: 0; }
.row img { display: block; max-width: 100%; height: auto; border: 1px solid #ddd; background: #fff; }
figcaption, .note { color: #555; font-size: .9rem; }
code { font-family: ui-monospace, monospace; font-size: .9em; }
</style>
</head>
<body>
<h1>actiplot diff</h1>
<p><code>${esc(r.base)}</code> \u2192 <code>${esc(r.next)}</code>: ${changed.length} changed, ${r.figures.filter((f) => f.status === 'added').length} added, ${r.figures.filter((f) => f.status === 'removed').length} removed, ${unchanged} unchanged.</p>
${cards.join('\n')}
${list('Added', r.figures.filter((f) => f.status === 'added'), (f) => f.after!.file)}${list('Removed', r.figures.filter((f) => f.status === 'removed'), (f) => f.before!.file)}</body>
</html>
`;
}

/** Writes the report into `dir` (created); returns an error line instead when it cannot. */
export function writeDiffReport(r: DiffResult, dir: string): string | undefined {
  const refusal = symlinkRefusal(dir);
  if (refusal) return refusal;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const index = path.join(dir, DIFF_REPORT_FILE);
    if (fs.existsSync(index) && !fs.readFileSync(index, 'utf8').includes(DIFF_REPORT_MARKER)) return `${index} exists and is not an actiplot diff report; choose another --report folder`;
    const keep = new Set<string>();
    for (const f of r.figures) {
      if (f.status === 'changed' && f.beforePng) keep.add(imageNames(f).before).add(imageNames(f).after).add(imageNames(f).diff);
    }
    // Images of an earlier report in this folder (it is ours: no index, or our marker in it).
    for (const n of fs.readdirSync(dir)) {
      if (REPORT_IMAGE.test(n) && !keep.has(n) && fs.lstatSync(path.join(dir, n)).isFile()) fs.rmSync(path.join(dir, n));
    }
    for (const f of r.figures) {
      if (f.status !== 'changed' || !f.beforePng || !f.afterPng) continue;
      const n = imageNames(f);
      writeIfChanged(dir, n.before, f.beforePng);
      writeIfChanged(dir, n.after, f.afterPng);
      if (f.pixels) writeIfChanged(dir, n.diff, f.pixels.image);
    }
    writeIfChanged(dir, DIFF_REPORT_FILE, diffReportHtml(r));
    return undefined;
  } catch (err) {
    return `cannot write the diff report to ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
}

/**
 * After a report was written into `<out>/diff/`: the gallery of `out` (when it is actiplot's) links
 * it, as the next render or merge there would make it.
 */
export function linkFromGallery(out: string): void {
  const link = diffReportLink(out);
  const gallery = path.join(out, GALLERY_FILE);
  const m = readManifest(path.join(out, MANIFEST_FILE));
  if (!link || m.state !== 'ok' || !fs.existsSync(gallery) || !fs.readFileSync(gallery, 'utf8').includes(GALLERY_MARKER)) return;
  writeIfChanged(out, GALLERY_FILE, galleryHtml(m.manifest.figures, m.manifest.actiplot, { failed: m.manifest.failed, diffReport: link }));
}
