import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stableJson } from '../../src/pipeline/hash.js';

/**
 * The definition stableJson implements, written the obvious recursive way: every input hash in
 * every manifest already written depends on these exact bytes, so a faster stableJson must agree.
 */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (ArrayBuffer.isView(value)) return reference(Array.from(value as unknown as ArrayLike<number>));
  const obj = value as Record<string, unknown>;
  if (typeof obj.contentDigest === 'string') return `{"contentDigest":${JSON.stringify(obj.contentDigest)}}`;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
}

describe('stableJson(value)', () => {
  it('sorts keys at every level, drops undefined members, writes typed arrays as lists', () => {
    expect(stableJson({ b: 1, a: { d: [1, { y: 2, x: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2}]},"b":1}');
    expect(stableJson(new Float64Array([1.5, -0]))).toBe('[1.5,0]');
    expect(stableJson({ contentDigest: 'abc', layers: [[1, 2]] })).toBe('{"contentDigest":"abc"}');
    expect(stableJson([undefined, () => 1, NaN, Infinity])).toBe('[null,null,null,null]');
  });

  it('gives the same bytes as the recursive definition for any JSON value and for odd values (fast-check, seeded)', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => stableJson(v) === reference(v)), { seed: 7, numRuns: 1000 });
    const odd = fc.anything({ withUndefined: true, withSparseArray: true, withTypedArray: true, withBigInt: false, withMap: false, withSet: false, withDate: false, withBoxedValues: false, withObjectString: false, withNullPrototype: false });
    fc.assert(fc.property(odd, (v) => stableJson(v) === reference(v)), { seed: 8, numRuns: 1000 });
  });
});
