/**
 * The fonts actiplot draws with, all shipped as npm dependencies so every machine with the same
 * package versions has the same font files: DejaVu Sans (`dejavu-fonts-ttf`) for Latin text and
 * Noto Sans JP (`@expo-google-fonts/noto-sans-jp`, TrueType) for Japanese and other CJK text.
 * Only these fonts are registered, and fontconfig is pointed at actiplot's own configuration
 * (fonts/fonts.conf: no font folders, fixed rendering settings) before node-canvas starts, so a
 * font installed on the machine never changes a figure. A label with a character none of these
 * fonts covers is rejected at validation (coverage.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FONT_FAMILY } from '../scene/theme.js';

export interface FontFile {
  file: string;
  family: string;
  weight: 'normal' | 'bold';
  /** Which text needs it: 'latin' fonts are drawn by every figure, 'cjk' only by figures with text DejaVu lacks. */
  script: 'latin' | 'cjk';
  /** The npm package it comes from, and that package's version. */
  pkg: string;
  version: string;
}

export const LATIN_FAMILY = FONT_FAMILY;
export const CJK_FAMILY = 'Noto Sans JP';

/**
 * Text that may need the CJK font: East Asian scripts and their punctuation all lie from U+2E80
 * on, DejaVu has none of them. The CJK font is registered (render/canvas.ts) and counted as
 * covering a character (coverage.ts) only there, so validation, drawing and the input hash agree.
 */
export const NEEDS_CJK = /[\u2e80-\uffff\u{10000}-\u{10ffff}]/u;
export const CJK_FROM = 0x2e80;

/** The package's folder: the nearest one above this module with fonts/fonts.conf (compiled or bundled, it is inside). */
function packageDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'fonts', 'fonts.conf')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`actiplot's fonts/fonts.conf is missing above ${here}: reinstall actiplot`);
  }
}

/** actiplot's fontconfig configuration, inside the package (see fonts/fonts.conf). */
export const FONTCONFIG_FILE = path.join(packageDir(), 'fonts', 'fonts.conf');

let cached: FontFile[] | undefined;

export function fontFiles(): FontFile[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const pkg = (name: string) => {
    const manifest = require.resolve(`${name}/package.json`);
    const version = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
    return { dir: path.dirname(manifest), pkg: name, version };
  };
  const dejavu = pkg('dejavu-fonts-ttf');
  const noto = pkg('@expo-google-fonts/noto-sans-jp');
  const latin = { family: LATIN_FAMILY, script: 'latin' as const, pkg: dejavu.pkg, version: dejavu.version };
  const cjk = { family: CJK_FAMILY, script: 'cjk' as const, pkg: noto.pkg, version: noto.version };
  cached = [
    { ...latin, file: path.join(dejavu.dir, 'ttf', 'DejaVuSans.ttf'), weight: 'normal' },
    { ...latin, file: path.join(dejavu.dir, 'ttf', 'DejaVuSans-Bold.ttf'), weight: 'bold' },
    { ...cjk, file: path.join(noto.dir, '400Regular', 'NotoSansJP_400Regular.ttf'), weight: 'normal' },
    { ...cjk, file: path.join(noto.dir, '700Bold', 'NotoSansJP_700Bold.ttf'), weight: 'bold' },
  ];
  return cached;
}

/** The CSS family list: DejaVu first, the CJK font for what DejaVu lacks. */
export function familyList(primary: string): string {
  return primary === LATIN_FAMILY ? `"${LATIN_FAMILY}", "${CJK_FAMILY}"` : `"${primary}"`;
}
