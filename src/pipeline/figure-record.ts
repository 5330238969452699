/**
 * What a manifest records about a figure beside its file: the resolved figure (so `actiplot diff`
 * can say which settings changed between two output folders that have nothing else in common),
 * the files it read and the fonts it draws with, each with its sha256.
 */
import { figureFonts, stableJson } from './hash.js';

export interface FigureRecord {
  figure: unknown;
  inputs: Record<string, string>;
  fonts: Record<string, string>;
}

/**
 * Files a figure read, found in the resolved figure: the stage that reads a model or data file
 * records it there as an object with a `file` (the path as the config gives it) and the `sha256`
 * of its bytes, which also puts the digest into the input hash.
 */
export function figureInputs(figure: unknown): Record<string, string> {
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

export function figureRecord(figure: unknown): FigureRecord {
  return { figure: JSON.parse(stableJson(figure)) as unknown, inputs: figureInputs(figure), fonts: figureFonts(figure) };
}
