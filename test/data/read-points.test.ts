import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../src/data/parse-csv.js';
import { pointsFromCsv, pointsFromJson, pointsFromRows, type PointColumns } from '../../src/data/read-points.js';
import { DataError } from '../../src/data/data-error.js';

const cols = (over: Partial<PointColumns> = {}): PointColumns => ({ x: 'x1', y: 'x2', class: 'label', classCount: 3, maxRows: 1000, ...over });
const bytes = (s: string) => Buffer.from(s, 'utf8');

/** The DataError thrown by `f`, as "line:column: message". */
function where(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof DataError) return `${err.line}:${err.column}: ${err.message}`;
    throw err;
  }
  throw new Error('expected a DataError');
}

describe('parseCsv(text, maxColumns, maxRecords)', () => {
  it('keeps the line and column of every field, through quotes, doubled quotes, CRLF and line breaks in quotes', () => {
    const r = parseCsv('a,b\r\n"x,""y""",2\n"multi\nline",3\n\n', 10, 10);
    expect(r.map((rec) => rec.map((f) => f.text))).toEqual([['a', 'b'], ['x,"y"', '2'], ['multi\nline', '3']]);
    expect(r[1].map((f) => [f.line, f.column])).toEqual([[2, 1], [2, 11]]);
    expect(r[2].map((f) => [f.line, f.column])).toEqual([[3, 1], [4, 7]]);
  });
  it('ends without a final line break; an empty text has no records', () => {
    expect(parseCsv('a\n1', 10, 10).map((r) => r.map((f) => f.text))).toEqual([['a'], ['1']]);
    expect(parseCsv('', 10, 10)).toEqual([]);
  });
  it('names the place of an unclosed quote, a stray quote, text after a quote, too many columns or rows', () => {
    expect(where(() => parseCsv('a\n"open', 10, 10))).toBe('2:1: a quoted field is not closed (a " is missing)');
    expect(where(() => parseCsv('a,b"c', 10, 10))).toMatch(/^1:4: a " inside an unquoted field/);
    expect(where(() => parseCsv('"a"b', 10, 10))).toMatch(/^1:4: unexpected text after a closing quote/);
    expect(where(() => parseCsv('a,b,c', 2, 10))).toMatch(/^1:5: more than 2 columns/);
    expect(where(() => parseCsv('a\nb\nc', 10, 2))).toMatch(/^3:1: more than 2 rows/);
  });
});

describe('pointsFromCsv(bytes, columns)', () => {
  it('reads x, y and the class by header name, in any column order, names or numbers', () => {
    const p = pointsFromCsv(bytes('label,x2,x1\n0,2,1\nb,-1.5,3e0\n'), cols({ names: ['a', 'b', 'c'] }));
    expect(p).toEqual({ xs: [1, 3], ys: [2, -1.5], classes: [0, 1] });
  });
  it('without a class column every class is -1', () => {
    expect(pointsFromCsv(bytes('x1,x2\n1,2\n'), cols({ class: undefined })).classes).toEqual([-1]);
  });
  it('says which field is wrong, where, and how to fix it', () => {
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n1,2,0\n1,abc,0\n'), cols()))).toBe('3:3: column "x2": expected a number, got "abc"');
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n1,2,0\n1,,0\n'), cols()))).toBe('3:3: column "x2": expected a number, got ""');
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n1,1e999,0\n'), cols()))).toBe('2:3: column "x2": expected a finite number, got "1e999"');
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n1,2,3\n'), cols()))).toBe('2:5: column "label": class 3 does not exist: the model has 3 classes, 0 to 2');
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n1,2,setosa\n'), cols()))).toMatch(/^2:5: column "label": class "setosa" is a name; give the names in "classes"/);
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n1,2,setosaa\n'), cols({ names: ['setosa', 'b', 'c'] })))).toMatch(/unknown class "setosaa" \(did you mean "setosa"\?\)/);
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n1,2,1.5\n'), cols()))).toBe('2:5: column "label": expected a class: a whole number from 0 to 2, got "1.5"');
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n1,2,-1\n'), cols()))).toBe('2:5: column "label": expected a class: a whole number from 0 to 2, got "-1"');
    expect(where(() => pointsFromCsv(bytes('x1,y,label\n1,2,0\n'), cols()))).toMatch(/^1:1: no column "x2" in the header .*name the y column with "data.y"/);
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n1,2\n'), cols()))).toBe('2:1: a row of 2 fields; the header has 3');
    expect(where(() => pointsFromCsv(bytes('x1,x2,label\n'), cols()))).toBe('1:1: no data rows (expected at least one point)');
    expect(where(() => pointsFromCsv(bytes(''), cols()))).toMatch(/^1:1: the file is empty/);
    expect(where(() => pointsFromCsv(Buffer.from([0x78, 0x31, 0xff, 0x0a]), cols()))).toMatch(/not valid UTF-8/);
  });
  it('refuses more rows than the limit before reading them all', () => {
    const text = `x1,x2,label\n${'1,2,0\n'.repeat(11)}`;
    expect(where(() => pointsFromCsv(bytes(text), cols({ maxRows: 10 })))).toBe('12:1: more than 10 data rows; the limit is 10');
  });
});

describe('pointsFromJson(bytes, columns)', () => {
  it('reads a list of objects', () => {
    expect(pointsFromJson(bytes('[{"x1": 1, "x2": 2, "label": 2}, {"x1": -1, "x2": 0.5, "label": "c"}]'), cols({ names: ['a', 'b', 'c'] })))
      .toEqual({ xs: [1, -1], ys: [2, 0.5], classes: [2, 2] });
  });
  it('points at the value (or the object missing a key) by line and column', () => {
    const text = '[\n  {"x1": 1, "x2": 2, "label": 0},\n  {"x1": 1, "x2": "two", "label": 0},\n  {"x1": 1, "label": 0}\n]';
    expect(where(() => pointsFromJson(bytes(text), cols()))).toBe('3:19: point 1: "x2": expected a number, got "two"');
    const missing = '[\n  {"x1": 1, "x2": 2, "label": 0},\n  {"x1": 1, "x3": 2, "label": 0}\n]';
    expect(where(() => pointsFromJson(bytes(missing), cols()))).toBe('3:3: point 1: missing key "x2" (did you mean "x3"?)');
    expect(where(() => pointsFromJson(bytes('{"x1": 1}'), cols()))).toMatch(/^1:1: expected a JSON list of objects/);
    expect(where(() => pointsFromJson(bytes(`${'['.repeat(100000)}${']'.repeat(100000)}`), cols()))).toMatch(/^1:1: JSON nested 100000 levels deep/);
    expect(where(() => pointsFromJson(bytes('[1]'), cols()))).toMatch(/^1:2: point 0: expected an object/);
    expect(where(() => pointsFromJson(bytes('[{"x1": 1,}]'), cols()))).toMatch(/^1:\d+: invalid JSON/);
  });
});

describe('pointsFromRows(rows, columns, problem)', () => {
  it('reports through problem(row, key, message)', () => {
    const calls: unknown[] = [];
    const problem = (row: number, key: string | undefined, message: string): never => {
      calls.push([row, key, message]);
      throw new Error('stop');
    };
    expect(pointsFromRows([{ x1: 1, x2: 2, label: 1 }], cols(), problem)).toEqual({ xs: [1], ys: [2], classes: [1] });
    expect(() => pointsFromRows([{ x1: 1, x2: 2, label: 1 }, { x1: 1, label: 0 }], cols(), problem)).toThrow('stop');
    expect(calls).toEqual([[1, undefined, 'missing key "x2"']]);
  });
});

describe('properties (fast-check, seeded)', () => {
  const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', '1', 'é', '\u{1F600}'), maxLength: 8 });
  it('parseCsv reads back any records written with RFC 4180 quoting', () => {
    const quote = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (records, eol) => {
      const text = records.map((r) => r.map(quote).join(',')).join(eol) + eol;
      // A record of one empty field is a blank line, which a reader skips: quoted, it is not blank.
      expect(parseCsv(text, 100, 100).map((r) => r.map((f) => f.text))).toEqual(records);
    }), { seed: 3, numRuns: 300 });
  });
  it('any bytes as a CSV or JSON data file give points or a DataError, never another exception', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (b, json) => {
      try {
        (json ? pointsFromJson : pointsFromCsv)(Buffer.from(b), cols());
      } catch (err) {
        expect(err).toBeInstanceOf(DataError);
      }
    }), { seed: 4, numRuns: 500 });
  });
});
