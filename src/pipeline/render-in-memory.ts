/**
 * A resolved figure to its file's bytes, in this process: what `check --verify` and `actiplot diff`
 * compare with the files in an output folder. The one place those commands reach the renderer.
 */
import { renderFigure } from '../render-figure.js';
import type { ResolvedFigure } from '../config/defaults.js';

export interface InMemoryRender {
  bytes: Buffer;
  /** The file name a render writes it to, inside the output folder. */
  fileName: string;
}

export function renderInMemory(figure: ResolvedFigure): InMemoryRender {
  const r = renderFigure(figure);
  return { bytes: r.bytes, fileName: r.fileName };
}
