/** Messages between the pool and its worker processes (structured clone: Buffers travel as bytes). */
import type { ResolvedFigure } from '../model/figure.js';

export interface JobMessage {
  type: 'job';
  id: number;
  figure: ResolvedFigure;
}

/** A job taken back before the worker started it (the pool's own process renders it instead). */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; bytes: Uint8Array; format: string; fileName: string; width: number; height: number; ms: number }
  | { type: 'failed'; id: number; message: string; ms: number };

/** The outcome of rendering one figure, wherever it ran. */
export type RenderOutcome =
  | { ok: true; bytes: Buffer; format: string; fileName: string; width: number; height: number; ms: number }
  | { ok: false; message: string; ms: number };
