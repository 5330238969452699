/**
 * The remark plugin: figures rendered at build time from the Markdown that names them. Two forms:
 * an image whose URL is a config and a figure (`![alt](configs/relu.json#relu)`, relative to the
 * Markdown file) and a fenced block of language `actiplot` holding a figure's JSON. Each becomes an
 * image of the rendered file (in `outDir`, linked through `baseUrl`) with its width, height and alt
 * text, or a `<picture>` with a variant per theme. Every error is a message on the file at its
 * position; any error fails the build once all of them are on the file.
 */
import path from 'node:path';
import type { Code, Image, Paragraph, Parent, Root } from 'mdast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { parseConfigText, type LoadedConfig } from '../config/load.js';
import { validateConfig } from '../config/validate.js';
import { ConfigError } from '../config/messages.js';
import { LIMITS } from '../config/limits.js';
import { readBounded, ReadRefusal } from '../config/read-bounded.js';
import type { ResolvedFigure } from '../model/figure.js';
import { pickFigure } from '../api/render-figure.js';
import { describeFigure } from '../alt/index.js';
import { figureFile, type FigureFile } from './figure-file.js';
import { figureNode, type Variant } from './figure-node.js';

export type Theme = 'light' | 'dark';

export interface RemarkActiplotOptions {
  /** The folder the figures are written to (the site's asset folder), relative to the current folder. */
  outDir: string;
  /**
   * How a page links to `outDir`: a URL path such as `/figures/`. Default: the path from the
   * Markdown file's folder to `outDir`.
   */
  baseUrl?: string;
  /**
   * Render each figure in these themes: the first is the `<img>`, each other one a `<source>` the
   * browser picks with `prefers-color-scheme` (`['light', 'dark']`). Default: the figure as its
   * config says, one image.
   */
  themes?: readonly Theme[];
}

/** What a run did, on `file.data.actiplot`: the files written and the ones already there. */
export interface RemarkActiplotData {
  written: string[];
  reused: string[];
}

const THEMES: readonly Theme[] = ['light', 'dark'];

/** An image URL that names a config: relative, no scheme, the path ending in .json. */
const CONFIG_URL = /^(?![a-z][a-z0-9+.-]*:|\/)([^?#]+\.json)(?:#(.*))?$/i;

export interface Site {
  node: Image | Code;
  parent: Parent;
  index: number;
}

/** The options checked once, when the plugin is set up: a wrong one is a mistake in the site's config. */
export function checkedThemes(options: RemarkActiplotOptions): readonly Theme[] {
  if (!options || typeof options.outDir !== 'string' || options.outDir === '') {
    throw new TypeError('actiplot/remark: give the folder figures are written to, { outDir: "public/figures" }');
  }
  const themes = options.themes ?? [];
  for (const t of themes) if (!THEMES.includes(t)) throw new TypeError(`actiplot/remark: themes: expected "light" or "dark", got ${JSON.stringify(t)}`);
  return themes;
}

export default function remarkActiplot(options: RemarkActiplotOptions) {
  const themes = checkedThemes(options);
  return async function transform(tree: Root, file: VFile): Promise<void> {
    const done = await renderSites(tree, file, options, themes);
    // One node for one: the indices of the others stay as they were.
    for (const { site, replacement } of done) site.parent.children[site.index] = replacement as never;
    const fatal = file.messages.find((m) => m.fatal && m.source === 'actiplot');
    if (fatal) throw fatal;
  };
}

export interface RenderedSite {
  site: Site;
  replacement: Image | Paragraph;
}

/**
 * Renders (or finds from an earlier build) the figure of every site in the tree and says what
 * each becomes; problems go on `file` as fatal messages, and their sites are left out.
 */
export async function renderSites(tree: Root, file: VFile, options: RemarkActiplotOptions, themes: readonly Theme[]): Promise<RenderedSite[]> {
  const cwd = file.cwd || process.cwd();
  const page = file.path ? path.resolve(cwd, file.path) : undefined;
  const pageDir = page ? path.dirname(page) : cwd;
  const outDir = path.resolve(cwd, options.outDir);
  const baseUrl = withSlash(options.baseUrl ?? path.relative(pageDir, outDir).split(path.sep).join('/'));
  const data: RemarkActiplotData = ((file.data as { actiplot?: RemarkActiplotData }).actiplot ??= { written: [], reused: [] });

  const sites: Site[] = [];
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if ((node.type === 'image' && CONFIG_URL.test(node.url)) || (node.type === 'code' && node.lang === 'actiplot')) {
      sites.push({ node, parent, index });
    }
  });

  const fail = (reason: string, place: Place | undefined, ruleId: string) => {
    file.message(reason, { place, ruleId, source: 'actiplot' }).fatal = true;
  };
  const done: RenderedSite[] = [];
  for (const site of sites) {
    const figures = variantsOf(site, pageDir, page, themes, fail);
    if (!figures) continue;
    try {
      const variants: Variant[] = [];
      for (const { figure, theme } of figures) {
        if (figure.format === 'pdf') {
          fail(`${figure.name}: a PDF cannot be shown in a page; give the figure "format": "png" or "svg"`, site.node.position, 'format');
          break;
        }
        const f: FigureFile = await figureFile(figure, outDir, theme && theme !== themes[0] ? `.${theme}` : '');
        (f.written ? data.written : data.reused).push(f.fileName);
        variants.push({ ...f, url: baseUrl + encodeURIComponent(f.fileName), theme });
      }
      if (variants.length !== figures.length) continue;
      const own = site.node.type === 'image' ? site.node.alt : undefined;
      const alt = own || describeFigure(figures[0].figure);
      const title = site.node.type === 'image' ? site.node.title : undefined;
      done.push({ site, replacement: figureNode(site.node, variants, alt, title) });
    } catch (err) {
      fail(`${figures[0].figure.name}: ${(err as Error)?.message ?? String(err)}`, site.node.position, 'render');
    }
  }
  return done;
}

type Place = Point | Position;

/** The figure (one per theme) a site names, or undefined after reporting why it cannot be had. */
function variantsOf(
  site: Site,
  pageDir: string,
  page: string | undefined,
  themes: readonly Theme[],
  fail: (reason: string, place: Place | undefined, ruleId: string) => void,
): { figure: ResolvedFigure; theme?: Theme }[] | undefined {
  const { node } = site;
  let loaded: LoadedConfig;
  let name: string | undefined;
  // A config file's error says where in that file; one in a fenced block stands at its place in the Markdown.
  const place = (e: ConfigError) => (node.type === 'code' ? placeInBlock(node, e) : node.position);
  const describe = (e: ConfigError) => (node.type === 'image' ? e.message : e.path ? `${e.path}: ${e.detail}` : e.detail);
  try {
    if (node.type === 'image') {
      const [, rel, fragment] = CONFIG_URL.exec(node.url)!;
      const file = path.resolve(pageDir, safeDecode(rel));
      const shown = shownPath(file);
      name = fragment ? safeDecode(fragment) : undefined;
      loaded = parseConfigText(shown, readConfig(shown));
    } else {
      // Model files a block names are relative to the Markdown file, as a config's are to the config.
      loaded = parseConfigText(page ? shownPath(page) : 'markdown', Buffer.from(node.value, 'utf8'));
    }
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    fail(describe(err), place(err), 'config');
    return undefined;
  }
  const out: { figure: ResolvedFigure; theme?: Theme }[] = [];
  for (const theme of themes.length > 0 ? themes : [undefined]) {
    const v = validateConfig(theme ? withTheme(loaded, theme) : loaded);
    if (v.errors.length > 0) {
      for (const e of v.errors) fail(describe(e), place(e), 'config');
      return undefined;
    }
    try {
      out.push({ figure: pickFigure(v.figures, name, loaded.file), theme });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      fail(`${loaded.file}: ${err.detail}${node.type === 'image' ? ` (name it after the #: ${node.url.split('#')[0]}#<name>)` : ''}`, node.position, 'config');
      return undefined;
    }
  }
  return out;
}

/**
 * A path as messages show it and as the config module opens it (and the model files beside it):
 * relative to this process's folder, as the command line's are.
 */
function shownPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** The block's content starts on the line after the fence, indented as the fence is. */
function placeInBlock(node: Code, e: ConfigError): Place | undefined {
  const start = node.position?.start;
  return e.loc && start ? { line: start.line + e.loc.line, column: start.column - 1 + e.loc.column } : node.position;
}

function readConfig(file: string): Buffer {
  try {
    return readBounded(file, LIMITS.configBytes, 'split it into several files');
  } catch (err) {
    if (err instanceof ReadRefusal) throw new ConfigError(file, '', err.code === 'ENOENT' ? 'no such file' : err.reason);
    throw err;
  }
}

/** `%20` and friends in a URL; a malformed escape stays as written (and names no file). */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The config with `theme` set on every figure it holds (the same pointers, so positions still hold). */
function withTheme(loaded: LoadedConfig, theme: Theme): LoadedConfig {
  const v = loaded.value as Record<string, unknown> | null;
  const set = (f: unknown) => (f && typeof f === 'object' && !Array.isArray(f) ? { ...f, theme } : f);
  if (!v || typeof v !== 'object' || Array.isArray(v)) return loaded;
  const value = 'figures' in v && Array.isArray(v.figures) ? { ...v, figures: v.figures.map(set) } : set(v);
  return { ...loaded, value };
}

function withSlash(url: string): string {
  return url === '' ? '' : url.endsWith('/') ? url : `${url}/`;
}
