import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '../helpers.js';
import { describeFigure } from '../../src/alt/describe-figure.js';
import { activationNames } from '../../src/core/activation.js';

const weight = fc.integer({ min: -20, max: 20 }).map((v) => v / 4);
const activation = fc.constantFrom(...activationNames);

/** Words that would mean the description lost a number or a case. */
const BROKEN = /NaN|Infinity|\bnull\b|\[object|(?<!is )undefined(?! at)/;

describe('describeFigure(figure) for any valid perceptron figure (fast-check, seeded)', () => {
  it('a contour: one non-empty text, no lost numbers, the same text every time; its line is the boundary', () => {
    fc.assert(
      fc.property(weight, weight, weight, activation, fc.constantFrom('en', 'ja'), (w1, w2, b, act, lang) => {
        const r = check({ name: 'p', kind: 'contour', lang, x: { range: [-2, 2], samples: 21 }, y: { range: [-2, 2], samples: 21 }, perceptron: { weights: [w1, w2], bias: b, activation: act }, boundary: true });
        expect(r.errors).toEqual([]);
        const fig = r.figures[0].figure;
        const text = describeFigure(fig);
        expect(text.length).toBeGreaterThan(20);
        expect(text).not.toMatch(BROKEN);
        expect(describeFigure(fig)).toBe(text);
      }),
      { seed: 17, numRuns: 150 },
    );
  });
  it('a line: the same, for f and f′ of every activation', () => {
    fc.assert(
      fc.property(weight.filter((w) => w !== 0), weight, activation, fc.boolean(), (w, b, act, derivative) => {
        const r = check({ name: 'l', kind: 'line', x: { range: [-3, 3], samples: 31 }, series: [{ activation: act, weights: [w], bias: b, derivative }] });
        expect(r.errors).toEqual([]);
        const text = describeFigure(r.figures[0].figure);
        expect(text).toMatch(/^Line graph of /);
        expect(text).not.toMatch(BROKEN);
      }),
      { seed: 17, numRuns: 150 },
    );
  });
});
