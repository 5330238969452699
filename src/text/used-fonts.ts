/**
 * The font files a figure draws with, from the strings it holds: the Latin fonts always (numbers,
 * axis text), the CJK fonts only when some string has a character DejaVu lacks. A figure's input
 * hash covers exactly these files, so a Latin-only figure does not depend on the CJK font.
 * Every string of the resolved figure is looked at, drawn or not: a name that asks for the CJK
 * font only makes the hash cover one more file.
 */
import { fontFiles, type FontFile } from './fonts.js';
import { needsCjk } from './coverage.js';

function anyString(value: unknown, test: (s: string) => boolean, depth = 0): boolean {
  if (typeof value === 'string') return test(value);
  if (value === null || typeof value !== 'object' || depth > 64 || ArrayBuffer.isView(value)) return false;
  const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return items.some((v) => anyString(v, test, depth + 1));
}

export function usedFonts(figure: unknown): FontFile[] {
  const cjk = anyString(figure, needsCjk);
  return fontFiles().filter((f) => f.script === 'latin' || cjk);
}
