/**
 * Which characters the shipped fonts can draw (fonts.ts). Pango would draw a box for a character
 * no registered font has; we would rather reject a label at validation than publish that.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { CJK_FROM, NEEDS_CJK, fontFiles, type FontFile } from './fonts.js';

let faces: { font: FontFile; face: Fontkit.Font }[] | undefined;

function loadFaces(): { font: FontFile; face: Fontkit.Font }[] {
  if (faces) return faces;
  // fontkit takes a while to load and only text beyond ASCII needs it: load it on first use.
  const fontkit: typeof Fontkit = createRequire(import.meta.url)('fontkit');
  faces = [];
  for (const font of fontFiles()) {
    if (font.weight !== 'normal') continue;
    const opened = fontkit.openSync(font.file);
    const face = 'fonts' in opened ? opened.fonts[0] : opened;
    if (face) faces.push({ font, face });
  }
  return faces;
}

/** Characters that are layout, not glyphs: never need coverage. */
const INVISIBLE = /[\s\u200b-\u200d\ufe0f]/u;

/** ASCII: DejaVu draws all of it. */
const ASCII = /^[\x00-\x7e]*$/;

const drawsIt = (f: { font: FontFile; face: Fontkit.Font }, cp: number) => (f.font.script === 'latin' || cp >= CJK_FROM) && f.face.hasGlyphForCodePoint(cp);

/**
 * The first character of `text` that no shipped font draws, or undefined. The CJK font counts
 * from U+2E80 only: below it, drawing never asks for that font (fonts.ts, NEEDS_CJK).
 */
export function firstUncovered(text: string): string | undefined {
  if (ASCII.test(text)) return undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x7f || INVISIBLE.test(ch)) continue;
    if (!loadFaces().some((f) => drawsIt(f, cp))) return ch;
  }
  return undefined;
}

/** Whether drawing `text` uses the CJK font: a character from U+2E80 on that DejaVu lacks. */
export function needsCjk(text: string): boolean {
  if (!NEEDS_CJK.test(text)) return false;
  const latin = loadFaces().filter((f) => f.font.script === 'latin');
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < CJK_FROM || INVISIBLE.test(ch)) continue;
    if (!latin.some((f) => f.face.hasGlyphForCodePoint(cp))) return true;
  }
  return false;
}

export function describeChar(ch: string): string {
  return `"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}
