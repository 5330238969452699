import { beforeEach, describe, expect, it, vi } from 'vitest';

type Buffers = typeof import('../../src/core/grid-buffers.js');
let m: Buffers;

// The kept buffers are module state: each test starts from a fresh copy of the module.
beforeEach(async () => {
  vi.resetModules();
  m = await import('../../src/core/grid-buffers.js');
});

const BIG = 257 * 257; // above the 65,536-value threshold

describe('grid buffers', () => {
  it('hands a recycled buffer of the same length to the next grid, once', () => {
    const a = m.gridBuffer(BIG);
    m.recycleGridBuffer(a);
    expect(m.keptGridBytes()).toBe(BIG * 8);
    expect(m.gridBuffer(BIG)).toBe(a);
    expect(m.keptGridBytes()).toBe(0);
    expect(m.gridBuffer(BIG)).not.toBe(a);
  });

  it('never hands out one buffer twice, even if it was recycled twice', () => {
    const a = m.gridBuffer(BIG);
    m.recycleGridBuffer(a);
    m.recycleGridBuffer(a);
    const first = m.gridBuffer(BIG);
    const second = m.gridBuffer(BIG);
    expect(first).toBe(a);
    expect(second).not.toBe(a);
  });

  it('keeps no small grids, and gives another length a new buffer', () => {
    const small = m.gridBuffer(101 * 101);
    m.recycleGridBuffer(small);
    expect(m.keptGridBytes()).toBe(0);
    expect(m.gridBuffer(101 * 101)).not.toBe(small);
    const big = m.gridBuffer(BIG);
    m.recycleGridBuffer(big);
    const other = m.gridBuffer(BIG + 1);
    expect(other).not.toBe(big);
    expect(other.length).toBe(BIG + 1);
    expect(m.keptGridBytes()).toBe(BIG * 8);
  });

  it('keeps no view into a larger buffer (its memory is not all its own)', () => {
    const view = new Float64Array(new ArrayBuffer((BIG + 8) * 8), 64, BIG);
    m.recycleGridBuffer(view);
    expect(m.keptGridBytes()).toBe(0);
  });

  it('keeps at most 64 MiB, dropping the oldest first', () => {
    const n = 2001 * 2001; // 32 MB each
    const [a, b, c] = [m.gridBuffer(n), m.gridBuffer(n), m.gridBuffer(n)];
    for (const z of [a, b, c]) m.recycleGridBuffer(z);
    expect(m.keptGridBytes()).toBeLessThanOrEqual(64 * 2 ** 20);
    // Identity as booleans: vitest would compare 4 million values to describe a mismatch.
    expect(m.gridBuffer(n) === b).toBe(true);
    expect(m.gridBuffer(n) === c).toBe(true);
    expect(m.gridBuffer(n) === a).toBe(false);
  });
});
