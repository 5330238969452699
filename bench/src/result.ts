/** What one `npm run bench` measured: the JSON it writes, and what the report reads. */
import type { Machine } from './stats.js';
import type { StagesResult } from './stages.js';
import type { ScalingResult } from './scaling.js';
import type { ContoursResult } from './contours.js';
import type { BatchResult } from './batch.js';
import type { MemoryResult } from './memory.js';

export interface BenchResult {
  date: string;
  machine: Machine;
  options: { runs: number; warmup: number; quick: boolean; sections: string[] };
  stages?: StagesResult;
  scaling?: ScalingResult;
  contours?: ContoursResult;
  batch?: BatchResult;
  memory?: MemoryResult;
}
