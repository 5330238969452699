/**
 * `renderFigure(config)`: one figure config, given as a plain value or JSON text, to the bytes of
 * its file, in this process. Validation is the file's (a ConfigError with the JSON path when the
 * config is wrong); the drawing code, and node-canvas with it, loads with the first figure drawn.
 */
import { validateConfig } from '../config/validate.js';
import { ConfigError } from '../config/messages.js';
import type { ResolvedFigure } from '../model/figure.js';
import { renderOutput, type OutputFormat } from '../pipeline/output.js';
import { inProcessRenderer } from '../pipeline/in-process.js';
import type { Renderer } from '../pipeline/protocol.js';
import { DEFAULT_CONFIG_NAME, loadConfigValue } from './config-value.js';
import { describeFigure } from '../alt/index.js';
import type { ConfigOptions } from './validate.js';
import type { ConfigFile } from './config-types.js';

export interface RenderFigureOptions extends ConfigOptions {
  /**
   * Which figure to render, by name: needed for `{ "figures": [...] }` with several, and for the
   * contact sheet of a sweep (`<name>-sheet`). Default: the config's one figure.
   */
  figure?: string;
}

export interface FigureOutput {
  /** The file's bytes: what `actiplot render` writes for this figure. */
  bytes: Buffer;
  /** png, svg, pdf, or for a sweep gif or apng (an APNG is a .png file). */
  format: OutputFormat;
  /** The image's size in its own pixels: the figure's width and height times `scale` (a PDF's in points). */
  width: number;
  height: number;
  /** The figure's alt text. */
  alt: string;
}

let renderer: Renderer | undefined;

/** `config`: a figure, `{ "figures": [...] }`, or the JSON text of either (its errors then carry line and column). */
export async function renderFigure(config: ConfigFile | string, options: RenderFigureOptions = {}): Promise<FigureOutput> {
  const file = options.file ?? DEFAULT_CONFIG_NAME;
  const v = validateConfig(loadConfigValue(config, file));
  if (v.errors.length > 0) throw v.errors[0];
  return renderResolvedFigure(pickFigure(v.figures.map((f) => ({ index: f.index, figure: f.figure })), options.figure, file));
}

/** The figure `name` asks for, or the config's only one. */
export function pickFigure(figures: { index: number; figure: ResolvedFigure }[], name: string | undefined, file: string): ResolvedFigure {
  const names = figures.map((f) => f.figure.name);
  if (name !== undefined) {
    const found = figures.find((f) => f.figure.name === name);
    if (!found) throw new ConfigError(file, '', `no figure named "${name}" (it has ${names.join(', ') || 'none'})`);
    return found.figure;
  }
  if (figures.length === 0) throw new ConfigError(file, 'figures', 'the list of figures is empty');
  const own = new Set(figures.map((f) => f.index));
  if (own.size > 1) throw new ConfigError(file, '', `the config has ${own.size} figures (${names.join(', ')}): name the one to render`);
  return figures[0].figure;
}

/** A validated figure to its file's bytes, rendered as a run renders it (a still, an animation or a contact sheet). */
export async function renderResolvedFigure(figure: ResolvedFigure): Promise<FigureOutput> {
  const o = await renderOutput(figure, (renderer ??= inProcessRenderer()));
  if (!o.ok) throw new Error(`${figure.name}: ${o.message}`);
  return { bytes: o.bytes, format: o.format as OutputFormat, width: o.width, height: o.height, alt: o.alt ?? describeFigure(figure) };
}
