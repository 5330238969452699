/**
 * Which characters the registered fonts can draw. Pango would silently fall back to whatever the
 * machine has (or draw a box); we would rather reject a label at validation than publish a figure
 * whose glyphs depend on the machine it was built on.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { fontFiles, CJK_FAMILY } from './fonts.js';

let faces: Fontkit.Font[] | undefined;

function loadFaces(): Fontkit.Font[] {
  if (faces) return faces;
  // fontkit takes about 100 ms to load and only labels beyond ASCII need it: load it on first use.
  const fontkit: typeof Fontkit = createRequire(import.meta.url)('fontkit');
  faces = [];
  for (const f of fontFiles()) {
    if (f.weight !== 'normal') continue;
    const opened = fontkit.openSync(f.file);
    const face = 'fonts' in opened ? (f.face ? opened.getFont(f.face) : opened.fonts[0]) : opened;
    if (face) faces.push(face);
  }
  return faces;
}

/** Characters that are layout, not glyphs: never need coverage. */
const INVISIBLE = /[\s\u200b-\u200d\ufe0f]/u;

/** The first character of `text` that no registered font has a glyph for, or undefined. */
export function firstUncovered(text: string): string | undefined {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x7f) continue; // ASCII: DejaVu covers all of it
    if (INVISIBLE.test(ch)) continue;
    if (!loadFaces().some((f) => f.hasGlyphForCodePoint(cp))) return ch;
  }
  return undefined;
}

export function describeChar(ch: string): string {
  return `"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

export function cjkFontInstalled(): boolean {
  return fontFiles().some((f) => f.family === CJK_FAMILY);
}
