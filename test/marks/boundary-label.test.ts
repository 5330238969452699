import { describe, expect, it } from 'vitest';
import { check, contour } from '../helpers.js';
import { sceneFor } from '../../src/render/figure.js';
import { equationSymbol } from '../../src/marks/boundary.js';
import type { ResolvedContour } from '../../src/model/figure.js';
import type { Item, TextItem } from '../../src/scene/scene.js';

function resolved(config: unknown): ResolvedContour {
  const r = check(config);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  return r.figures[0].figure as ResolvedContour;
}

const texts = (items: readonly Item[]) => items.filter((i): i is TextItem => i.type === 'text').map((t) => t.text);

describe('boundary labels', () => {
  it('equationSymbol(axisLabel, fallback): a symbol is kept, a long label gives way to the symbol', () => {
    expect(equationSymbol('x1', 'x1')).toBe('x1');
    expect(equationSymbol('a', 'x1')).toBe('a');
    expect(equationSymbol('x₁', 'x1')).toBe('x₁');
    expect(equationSymbol('', 'x2')).toBe('x2');
    expect(equationSymbol('input x1', 'x1')).toBe('x1');
    expect(equationSymbol('weight (kg)', 'x2')).toBe('x2');
  });

  it('an equation label uses the symbols, not long axis labels', () => {
    const fig = resolved(contour({ perceptron: { weights: [1, -1], bias: 0, activation: 'step' }, x: { label: 'input x1' }, y: { label: 'input x2' }, boundary: { label: true } }));
    const t = texts(sceneFor(fig).items);
    expect(t).toContain('x1 − x2 = 0');
    expect(t.some((s) => s.includes('input x1 −'))).toBe(false);
  });

  it('boundary.label takes a text of its own besides true and false', () => {
    const fig = resolved(contour({ boundary: { label: 'decision boundary' } }));
    expect(fig.boundary?.label).toBe('decision boundary');
    const t = texts(sceneFor(fig).items);
    expect(t).toContain('decision boundary');
    expect(t).not.toContain('x1 + 2x2 = 5');
    expect(texts(sceneFor(resolved(contour({ boundary: { label: true } }))).items)).toContain('x1 + 2x2 = 5');
    expect(texts(sceneFor(resolved(contour({ boundary: { label: false } }))).items).some((s) => s.includes('='))).toBe(false);
  });

  it('boundary.label of another type is one clear error', () => {
    const r = check(contour({ boundary: { label: 3 } }));
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/boundary\.label: expected true \(the equation along the line, e\.g\. "x1 \+ 2x2 = 5"\), false, or a text of your own, got 3$/),
    ]);
  });
});
