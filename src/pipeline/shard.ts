/**
 * Sharding across machines: `k/n` picks the figures whose name hashes to k (1-based) out of n.
 * A figure's shard depends on its name alone, so adding a figure never moves the others.
 */
import { sha256 } from './hash.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `k/n` (1 <= k <= n); returns an error message for anything else. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `--shard: expected k/n like 1/3, got "${text}"`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard: expected 1 <= k <= n in k/n, got "${text}"`;
  if (count > 1000) return `--shard: at most 1000 shards, got ${count}`;
  return { index, count };
}

export function shardOf(name: string, count: number): number {
  if (count <= 1) return 1;
  return (parseInt(sha256(name).slice(0, 12), 16) % count) + 1;
}

export function inShard(name: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(name, shard.count) === shard.index;
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
