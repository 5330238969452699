/** Memory over a long run: 1,000 figures in one process, RSS after every 100, and the peak. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeContourConfigs } from './figures.js';

export interface MemoryResult {
  figures: number;
  ms: number;
  samples: { figures: number; rssMiB: number }[];
  peakRssMiB: number;
  /** RSS after the last figure / RSS after the first `every`. */
  growth: number;
}

export function memory(count: number, every = 100): MemoryResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actiplot-bench-memory-'));
  try {
    const configs = writeContourConfigs(dir, count);
    const child = fileURLToPath(new URL('./memory-child.js', import.meta.url));
    const r = spawnSync(process.execPath, [child, configs, path.join(dir, 'out'), String(every)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`memory run failed (${r.status}): ${r.stderr}`);
    const res = JSON.parse(r.stdout) as Omit<MemoryResult, 'growth'> & { failed: number };
    if (res.failed) throw new Error(`memory run: ${res.failed} figures failed`);
    const first = res.samples[0].rssMiB;
    const last = res.samples[res.samples.length - 1].rssMiB;
    return { figures: res.figures, ms: res.ms, samples: res.samples, peakRssMiB: res.peakRssMiB, growth: last / first };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
