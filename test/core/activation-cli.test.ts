/**
 * `actiplot eval` with the new activations, `--param name=value` and `--format markdown`, run
 * in-process through main() with the output captured.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { activationSpec } from '../../src/cli/eval.js';
import { activationNames } from '../../src/core/activation.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err: err.join('\n') };
}

describe('actiplot eval', () => {
  it('evaluates every activation by name', async () => {
    for (const name of activationNames) {
      const r = await run('eval', '-a', name, '--input', '1');
      expect(r.code, name).toBe(0);
      expect(Number(r.out[0]), name).not.toBeNaN();
    }
    expect((await run('eval', '-a', 'sigmoid', '--input', '1')).out).toEqual(['0.7310585786300049']);
  });
  it('takes parameters with --param name=value, repeated or comma-separated', async () => {
    expect((await run('eval', '-a', 'leaky_relu', '--param', 'slope=0.1', '--input', '-2')).out).toEqual(['-0.2']);
    expect((await run('eval', '-a', 'elu', '-p', 'alpha=2', '--input', '-1000')).out).toEqual(['-2']);
    expect((await run('eval', '-a', 'leaky_relu', '--param', 'slope=-0.5', '--input', '-2')).out).toEqual(['1']);
    expect((await run('eval', '-a', 'leaky_relu', '--input', '-2')).out).toEqual(['-0.02']);
    expect(activationSpec('elu', ['alpha=2'])).toEqual({ name: 'elu', alpha: 2 });
    expect(activationSpec('elu', [])).toBe('elu');
  });
  it('rejects a bad --param with exit 2 and says why', async () => {
    const cases: [string[], RegExp][] = [
      [['-a', 'leaky_relu', '--param', 'alpha=1'], /--param: leaky_relu: unknown parameter "alpha"; expected slope/],
      [['-a', 'relu', '--param', 'slope=1'], /--param: relu: unknown parameter "slope"; it takes no parameters/],
      [['-a', 'elu', '--param', 'alpha=x'], /--param: expected name=number like slope=0\.1, got "alpha=x"/],
      [['-a', 'elu', '--param', 'alpha'], /--param: expected name=number/],
      [['-a', 'elu', '--param', 'alpha=1,alpha=2'], /--param: "alpha" is given twice/],
    ];
    for (const [args, message] of cases) {
      const r = await run('eval', ...args, '--input', '1');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
  });
  it('prints a Markdown table over a range, with NaN where f′ is undefined', async () => {
    const r = await run('eval', '-a', 'relu', '--range', '-1,1', '--derivative', '--format', 'markdown');
    expect(r.out).toEqual(["| x | f'(x) |", '| ---: | ---: |', '| -1 | 0 |', '| 0 | NaN |', '| 1 | 1 |']);
    const t = await run('eval', '-a', 'leaky_relu', '--param', 'slope=0.1', '--range', '-2,0', '--format', 'markdown');
    expect(t.out).toEqual(['| x | f(x) |', '| ---: | ---: |', '| -2 | -0.2 |', '| -1 | -0.1 |', '| 0 | 0 |']);
  });
  it('prints a one-row Markdown table for one input', async () => {
    const r = await run('eval', '-a', 'step', '--weights', '2,3', '--bias', '-5', '--input', '1,2', '--format', 'markdown');
    expect(r.out).toEqual(['| x1 | x2 | f(x) |', '| ---: | ---: | ---: |', '| 1 | 2 | 1 |']);
  });
});
