/**
 * A figure in the site's asset folder under a content-hashed name, `<name>.<hash>.<ext>`: the hash
 * is the figure's input hash (the one the manifest keeps: config, actiplot version, fonts), and
 * rendering is byte-reproducible, so a file of that name already holds this figure's bytes and is
 * not rendered again. Files are written atomically, never through a symbolic link.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ResolvedFigure } from '../model/figure.js';
import { inputHash } from '../pipeline/hash.js';
import { outputFileName } from '../pipeline/output.js';
import { readRegularFile, writeAtomic } from '../pipeline/write.js';
import { VERSION } from '../version.js';
import { renderResolvedFigure } from '../api/render-figure.js';
import { imageSize } from './image-size.js';

export interface FigureFile {
  fileName: string;
  /** The size a page shows it at (CSS pixels): a PNG of `scale` 2 has twice as many pixels. */
  width: number;
  height: number;
  /** False when the file was there from an earlier build. */
  written: boolean;
}

/** Characters of the input hash in the file name: 64 bits, far from any collision between figures of one site. */
const HASH_CHARS = 16;

/** `suffix`: marks a theme's variant (`relu.dark.<hash>.png`), so the files read well in a listing. */
export async function figureFile(figure: ResolvedFigure, outDir: string, suffix = ''): Promise<FigureFile> {
  const hash = inputHash(figure, VERSION).slice(0, HASH_CHARS);
  const fileName = outputFileName(`${figure.name}${suffix}.${hash}`, figure.format);
  const target = path.join(outDir, fileName);
  // A PNG has scale × as many pixels as it shows; an SVG's width and height are scaled the same way.
  const cssSize = (s: { width: number; height: number }) => ({ width: Math.round(s.width / figure.scale), height: Math.round(s.height / figure.scale) });
  const have = readRegularFile(target);
  const known = have && imageSize(have, figure.format);
  if (known) return { fileName, ...cssSize(known), written: false };
  const out = await renderResolvedFigure(figure);
  fs.mkdirSync(outDir, { recursive: true });
  writeAtomic(outDir, fileName, out.bytes);
  return { fileName, ...cssSize(out), written: true };
}
