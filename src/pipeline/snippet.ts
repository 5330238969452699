/**
 * The HTML (or Markdown) that shows a rendered figure on a page: an <img> with its size and alt
 * text, inside a <picture> whose <source> picks the dark variant (`render --themes light,dark`)
 * when the reader's system prefers a dark colour scheme. Used by `actiplot snippet` and the gallery.
 */
import type { ManifestEntry } from './manifest.js';
import { textLang } from '../alt/figure-lang.js';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A file name as a relative URL (each character that is not URL-safe escaped). */
export function fileHref(file: string): string {
  return encodeURIComponent(file).replace(/%2F/g, '/');
}

/** The CSS size of an entry: its figure's width and height (the file's pixels are that × scale). */
export function cssSize(e: ManifestEntry): { width: number; height: number } {
  const f = e.figure as { width?: unknown; height?: unknown; scale?: unknown } | null;
  if (f && typeof f.width === 'number' && typeof f.height === 'number' && typeof f.scale === 'number' && e.format !== 'pdf') {
    return { width: Math.round(f.width), height: Math.round(f.height) };
  }
  return { width: e.width, height: e.height };
}

/** The entries that are theme variants of `main`, by their theme. */
export function variantsOf(main: ManifestEntry, entries: readonly ManifestEntry[]): ManifestEntry[] {
  return entries.filter((e) => e.variantOf === main.name && e.name !== main.name);
}

export interface SnippetOptions {
  /** Prepended to each file name ("/img/figures/"); default: none (files beside the page). */
  baseUrl?: string;
  /** The alt text; default: the entry's. */
  alt?: string;
  /** Extra attributes of the <img> (the gallery's loading="lazy"). */
  imgAttributes?: string;
}

const url = (file: string, base = '') => `${escapeHtml(base)}${escapeHtml(fileHref(file))}`;

/** `<picture>` with a `<source>` per variant of another theme, or a plain `<img>` when there is none. */
export function pictureHtml(main: ManifestEntry, variants: readonly ManifestEntry[], opts: SnippetOptions = {}, indent = ''): string {
  const { width, height } = cssSize(main);
  const alt = opts.alt ?? main.alt ?? main.title ?? main.name;
  // A Japanese alt text says so, for a screen reader on a page in another language.
  const lang = textLang(alt) === 'ja' ? ' lang="ja"' : '';
  const img = `<img src="${url(main.file, opts.baseUrl)}" width="${width}" height="${height}" alt="${escapeHtml(alt)}"${lang}${opts.imgAttributes ? ` ${opts.imgAttributes}` : ''}>`;
  const sources = variants
    .filter((v) => (v.theme ?? 'light') !== (main.theme ?? 'light'))
    .map((v) => `<source srcset="${url(v.file, opts.baseUrl)}" media="(prefers-color-scheme: ${v.theme ?? 'light'})">`);
  if (sources.length === 0) return `${indent}${img}`;
  return [`${indent}<picture>`, ...sources.map((s) => `${indent}  ${s}`), `${indent}  ${img}`, `${indent}</picture>`].join('\n');
}

/** Markdown's image alt text escapes its brackets and backslashes; a URL its spaces and parentheses. */
const mdAlt = (s: string) => s.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
const mdUrl = (s: string) => s.replace(/[ ()<>]/g, (c) => encodeURIComponent(c));

/**
 * For a Markdown page: `![alt](file)` when the figure has one theme; with a dark variant the
 * <picture> element as an HTML block (Markdown has no syntax of its own for it; GitHub, VitePress,
 * Docusaurus and Astro pass raw HTML through), without indentation, which Markdown would read as code.
 */
export function pictureMarkdown(main: ManifestEntry, variants: readonly ManifestEntry[], opts: SnippetOptions = {}): string {
  const others = variants.filter((v) => (v.theme ?? 'light') !== (main.theme ?? 'light'));
  if (others.length === 0) return `![${mdAlt(opts.alt ?? main.alt ?? main.title ?? main.name)}](${mdUrl(`${opts.baseUrl ?? ''}${fileHref(main.file)}`)})`;
  return pictureHtml(main, others, opts).split('\n').map((l) => l.trimStart()).join('\n');
}
