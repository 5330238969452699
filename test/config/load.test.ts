import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, evaluate } from '@humanwhocodes/momoa';
import { parseConfigText } from '../../src/config/load.js';

describe('parseConfigText(file, bytes)', () => {
  it('gives the value momoa gives, for every text it accepts (JSON.parse is the fast path)', () => {
    // Pieces of JSON and near-JSON, so most texts are invalid and many are valid.
    const pieces = ['{', '}', '[', ']', ',', ':', '"a"', '"__proto__"', '1', '-0', '1e999', '0.1', '"\\u00e9"', '"\\ud800"', 'true', 'null', ' ', '\n', '\u00a0', '"x\u2028y"', '"\\/"', '01', '.5', '"\u0001"', '"é"', "'a'", 'NaN', '//c'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.join('');
        let want: unknown;
        try {
          want = evaluate(parse(text, { mode: 'json' }));
        } catch {
          return true; // invalid JSON: both paths end in momoa's error (covered by the validation tests)
        }
        if (text.trim() === '') return true;
        const got = parseConfigText('a.json', Buffer.from(text)).value;
        expect(got).toStrictEqual(want);
        expect(Object.keys(Object(got))).toEqual(Object.keys(Object(want)));
        return true;
      }),
      { seed: 6, numRuns: 5000 },
    );
  });

  it('locates values by JSON pointer (parsing for positions only when asked)', () => {
    const loaded = parseConfigText('a.json', Buffer.from('{\n  "figures": [\n    { "name": "x" }\n  ]\n}'));
    expect(loaded.locate('/figures/0/name')).toEqual({ line: 3, column: 15 });
  });
});
