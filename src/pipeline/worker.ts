/**
 * A pool worker: a child process (node-canvas is not safe in worker threads) that renders one
 * figure per message and sends the bytes back. Exits when its parent goes away, so a killed run
 * leaves no workers behind.
 */
import { renderFigure } from '../render-figure.js';
import type { JobMessage, WorkerMessage } from './protocol.js';

function send(m: WorkerMessage): void {
  // The parent may be gone already (a run that finished, or was killed): then there is no one to tell.
  if (process.connected) process.send?.(m, undefined, {}, () => {});
}

process.on('message', (m: JobMessage) => {
  if (m?.type !== 'job') return;
  const t0 = performance.now();
  try {
    const r = renderFigure(m.figure);
    send({ type: 'done', id: m.id, bytes: r.bytes, format: r.format, fileName: r.fileName, width: r.width, height: r.height, ms: performance.now() - t0 });
  } catch (err) {
    send({ type: 'failed', id: m.id, message: (err as Error)?.message ?? String(err), ms: performance.now() - t0 });
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
