/** What renderers take and give back, and the messages between the pool and its worker processes. */
import type { ResolvedFigure } from '../model/figure.js';

/** A still figure to its file's bytes, or one animation frame to raw RGBA pixels. */
export type RenderMode = 'still' | 'frame';

/** What came of one render, wherever it ran; never an exception. */
export type RenderOutcome =
  | { ok: true; bytes: Buffer; format: string; width: number; height: number; ms: number; alt?: string }
  | { ok: false; message: string; ms: number };

/** Renders figures: in this process, or in a pool of worker processes (pool.ts). */
export interface Renderer {
  /** How many figures it renders at once (processes). */
  readonly size: number;
  render(figure: ResolvedFigure, mode?: RenderMode): Promise<RenderOutcome>;
  close(): Promise<void>;
}

export interface JobMessage {
  type: 'job';
  id: number;
  mode: RenderMode;
  figure: ResolvedFigure;
}

/** A job taken back before the worker started it (the pool's own process renders it instead). */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

/** Structured clone: Buffers travel as bytes (Uint8Array). */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; bytes: Uint8Array; format: string; width: number; height: number; ms: number; alt?: string }
  | { type: 'failed'; id: number; message: string; ms: number };
