import type { ResolvedFigure } from '../src/model/figure.js';
import { inProcessRenderer } from '../src/pipeline/in-process.js';
import { outputFileName, renderOutput } from '../src/pipeline/output.js';
import { parseConfigText } from '../src/config/load.js';
import { validateConfig } from '../src/config/validate.js';

/** Validates a config given as a JS value or raw text, as if read from `file`. */
export function check(config: unknown, file = 'configs/a.json') {
  const text = typeof config === 'string' ? config : JSON.stringify(config, null, 2);
  return validateConfig(parseConfigText(file, Buffer.from(text)));
}

/** The messages of every error of a config (load errors included). */
export function errorsOf(config: unknown, file = 'configs/a.json'): string[] {
  try {
    return check(config, file).errors.map((e) => e.message);
  } catch (err) {
    return [(err as Error).message];
  }
}

export const contour = (over: Record<string, unknown> = {}) => ({
  name: 'c',
  kind: 'contour',
  perceptron: { weights: [1, 2], bias: -5, activation: 'relu' },
  ...over,
});

export const line = (over: Record<string, unknown> = {}) => ({
  name: 'l',
  kind: 'line',
  x: { range: [-5, 5], samples: 11 },
  series: [{ activation: 'relu' }],
  ...over,
});

/**
 * A figure of the plan to its file, exactly as a run renders it in this process (a still, a
 * sweep's contact sheet, or an animation from its frames); throws when it fails.
 */
export async function renderAny(figure: ResolvedFigure): Promise<{ bytes: Buffer; format: string; fileName: string; width: number; height: number }> {
  const o = await renderOutput(figure, inProcessRenderer());
  if (!o.ok) throw new Error(o.message);
  return { bytes: o.bytes, format: o.format, fileName: outputFileName(figure.name, o.format), width: o.width, height: o.height };
}
