/**
 * The plugin for sites that render Markdown with something other than remark (VitePress uses
 * markdown-it): the Markdown text with each figure reference replaced, in place, by the HTML of its
 * image or `<picture>`. Only those spans change, so everything else on the page (front matter,
 * containers, components) reaches the site's own Markdown renderer exactly as written.
 */
import type { Image, Paragraph } from 'mdast';
import type { Element, Properties } from 'hast';
import { checkedThemes, renderSites, type RemarkActiplotOptions } from './remark-actiplot.js';

export interface MarkdownFiguresOptions extends RemarkActiplotOptions {
  /** The Markdown file's path: configs and model files are relative to its folder. */
  path?: string;
  /** The folder `path`, `outDir` and messages are relative to (default: the current folder). */
  cwd?: string;
}

/** Rejects with every problem, one `file:line:column: reason` line each, when any figure cannot be had. */
export async function renderMarkdownFigures(markdown: string, options: MarkdownFiguresOptions): Promise<string> {
  const themes = checkedThemes(options);
  // The peer dependencies, loaded only here: a site that only uses the plugin has its own unified.
  const [{ unified }, { default: remarkParse }, { VFile }] = await Promise.all([import('unified'), import('remark-parse'), import('vfile')]);
  const file = new VFile({ path: options.path, cwd: options.cwd ?? process.cwd(), value: markdown });
  const tree = unified().use(remarkParse).parse(file);
  const done = await renderSites(tree, file, options, themes);
  const fatal = file.messages.filter((m) => m.fatal && m.source === 'actiplot');
  if (fatal.length > 0) throw new Error(fatal.map(String).join('\n'));
  const spans = done
    .map(({ site, replacement }) => ({ from: site.node.position!.start.offset!, to: site.node.position!.end.offset!, html: htmlOf(replacement) }))
    .sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += markdown.slice(at, s.from) + s.html;
    at = s.to;
  }
  return out + markdown.slice(at);
}

function htmlOf(node: Image | Paragraph): string {
  const img = (node.type === 'paragraph' ? node.children[0] : node) as Image;
  const data = (img.data ?? {}) as { hName?: string; hProperties?: Properties; hChildren?: Element[] };
  if (data.hName === 'picture') return `<picture>${(data.hChildren ?? []).map((e) => tag(e.tagName, e.properties)).join('')}</picture>`;
  return tag('img', { src: img.url, alt: img.alt, title: img.title, ...data.hProperties });
}

const ATTRIBUTE: Record<string, string> = { srcSet: 'srcset' };

function tag(name: string, props: Record<string, unknown>): string {
  const attrs = Object.entries(props)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${ATTRIBUTE[k] ?? k}="${String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`);
  return `<${name}${attrs.join('')}>`;
}
