/**
 * What a manifest records about a figure beside its file: the resolved figure (so `actiplot diff`
 * can say which settings changed between two output folders that have nothing else in common),
 * the model files it reads and the fonts it draws with, each with its sha256.
 */
import { figureFonts, stableJson } from './hash.js';

export interface FigureRecord {
  figure: unknown;
  /** Absent when the figure reads no model file. */
  models?: Record<string, string>;
  fonts: Record<string, string>;
}

/**
 * The model files a figure reads, found in the resolved figure: the stage that reads one records it
 * there as an object with a `file` (the path as the config gives it) and the `sha256` of its bytes
 * (`model: { file, sha256 }`), which also puts the digest into the input hash.
 */
export function figureModels(figure: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 64 || ArrayBuffer.isView(v)) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (typeof o.file === 'string' && typeof o.sha256 === 'string') out[o.file] = o.sha256;
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(figure, 0);
  return out;
}

/**
 * What a file of a figure's `models` record is, in words: data files (CSV, JSON) are recorded with
 * the model files, which are never CSV or JSON.
 */
export function inputKind(file: string): 'data file' | 'model file' {
  return /\.(csv|json)$/i.test(file) ? 'data file' : 'model file';
}

export function figureRecord(figure: unknown): FigureRecord {
  const models = figureModels(figure);
  return { figure: JSON.parse(stableJson(figure)) as unknown, ...(Object.keys(models).length > 0 ? { models } : {}), fonts: figureFonts(figure) };
}
