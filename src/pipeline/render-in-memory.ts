/**
 * A figure of the plan to its file's bytes, in this process: what `check --verify` compares with
 * the files in an output folder. The one place that command reaches the renderer.
 */
import type { ResolvedFigure } from '../model/figure.js';
import { outputFileName, renderOutput } from './output.js';
import { inProcessRenderer } from './in-process.js';
import type { Renderer } from './protocol.js';

export interface InMemoryRender {
  bytes: Buffer;
  /** The file name a render writes it to, inside the output folder. */
  fileName: string;
}

let renderer: Renderer | undefined;

/** Rejects with the renderer's message when the figure cannot be rendered. */
export async function renderInMemory(figure: ResolvedFigure): Promise<InMemoryRender> {
  const o = await renderOutput(figure, (renderer ??= inProcessRenderer()));
  if (!o.ok) throw new Error(o.message);
  return { bytes: o.bytes, fileName: outputFileName(figure.name, o.format) };
}
