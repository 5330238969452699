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
