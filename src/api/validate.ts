/**
 * `validate(config)`: a figure config (or `{ "figures": [...] }`) given as a value or as JSON text,
 * checked exactly as a config file is, with every default resolved.
 */
import { validateConfig } from '../config/validate.js';
import { ConfigError } from '../config/messages.js';
import type { ResolvedFigure } from '../model/figure.js';
import { loadConfigValue } from './config-value.js';

export interface ConfigOptions {
  /**
   * The path the config is known by: error messages begin with it, and model files named in the
   * config are relative to its folder. Default `config` (in the current folder).
   */
  file?: string;
}

export interface ValidationResult {
  ok: boolean;
  /** The figures with every default applied (a sweep with a contact sheet gives two: the animation and `<name>-sheet`). */
  figures: ResolvedFigure[];
  /** Every error found, each a ConfigError with `path` (the JSON path), `detail` and, for JSON text, `loc`. */
  errors: ConfigError[];
}

export function validate(config: unknown, options: ConfigOptions = {}): ValidationResult {
  try {
    const v = validateConfig(loadConfigValue(config, options.file));
    return { ok: v.errors.length === 0, figures: v.figures.map((f) => f.figure), errors: v.errors };
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, figures: [], errors: [err] };
    throw err;
  }
}
