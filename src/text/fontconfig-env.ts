/**
 * Points fontconfig at actiplot's own configuration (fonts/fonts.conf): called by
 * src/render/canvas.ts before it loads node-canvas, since fontconfig reads FONTCONFIG_FILE when it
 * starts, and with the system's configuration pango would fall back to any font the machine has.
 * Set unconditionally, so neither the machine nor the user's environment changes which fonts draw
 * a figure; pool workers inherit it.
 */
import { FONTCONFIG_FILE } from './fonts.js';

export function useOwnFontconfig(): void {
  process.env.FONTCONFIG_FILE = FONTCONFIG_FILE;
  // A sysroot would be put in front of that absolute path.
  delete process.env.FONTCONFIG_SYSROOT;
}
