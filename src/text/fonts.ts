/**
 * The fonts actiplot draws with. DejaVu Sans ships inside the `dejavu-fonts-ttf` npm package, so
 * Latin text has the same glyphs on every machine; Japanese (and other CJK) text uses Noto Sans CJK
 * from Debian's `fonts-noto-cjk`, which `npm run setup` installs. Only these fonts are registered,
 * and a label with a character none of them covers is rejected at validation (see coverage.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { FONT_FAMILY } from '../scene/theme.js';

export interface FontFile {
  file: string;
  family: string;
  weight: 'normal' | 'bold';
  /** For a collection (.ttc): the face to read coverage from. */
  face?: string;
}

export const LATIN_FAMILY = FONT_FAMILY;
export const CJK_FAMILY = 'Noto Sans CJK JP';

/** Where Debian's fonts-noto-cjk puts the collection. */
const CJK_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc',
];

let cached: FontFile[] | undefined;

export function fontFiles(): FontFile[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const files: FontFile[] = [
    { file: path.join(dir, 'DejaVuSans.ttf'), family: LATIN_FAMILY, weight: 'normal' },
    { file: path.join(dir, 'DejaVuSans-Bold.ttf'), family: LATIN_FAMILY, weight: 'bold' },
  ];
  const cjk = CJK_CANDIDATES.find((f) => fs.existsSync(f));
  if (cjk) files.push({ file: cjk, family: CJK_FAMILY, weight: 'normal', face: 'NotoSansCJKjp-Regular' });
  cached = files;
  return files;
}

/** The CSS family list: DejaVu first, CJK for what DejaVu lacks. */
export function familyList(primary: string): string {
  return primary === LATIN_FAMILY ? `"${LATIN_FAMILY}", "${CJK_FAMILY}"` : `"${primary}"`;
}
