/**
 * CSV (RFC 4180: commas, double-quoted fields with "" for a quote, CRLF or LF) into records whose
 * fields keep their line and column, so an error can point at the exact field. Written here rather
 * than taken from csv-parse, which reports a record's line but not where a field starts.
 */
import { DataError } from './data-error.js';

export interface CsvField {
  text: string;
  line: number;
  column: number;
}

/**
 * Records of fields; blank lines are skipped. `maxColumns` bounds every record before it grows,
 * `maxRows` the records after the first when `header` (the first is then the header row), else all.
 */
export function parseCsv(text: string, maxColumns: number, maxRows: number, header = false): CsvField[][] {
  const maxRecords = maxRows + (header ? 1 : 0);
  const records: CsvField[][] = [];
  let record: CsvField[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  // A blank line is one unquoted empty field: skipped. A quoted "" is a field.
  let quoted = false;
  const endRecord = () => {
    if (!(record.length === 1 && record[0].text === '' && !quoted)) {
      if (records.length >= maxRecords) throw new DataError(`more than ${maxRows} ${header ? 'data rows' : 'rows'}; the limit is ${maxRows}`, line, 1);
      records.push(record);
    }
    record = [];
  };
  while (i <= n) {
    const column = i - lineStart + 1;
    const startLine = line;
    let value = '';
    quoted = text.charCodeAt(i) === 34;
    if (quoted) {
      // A quoted field: runs to the closing quote, may hold commas, quotes ("") and line breaks.
      i++;
      for (;;) {
        if (i >= n) throw new DataError('a quoted field is not closed (a " is missing)', startLine, column);
        const c = text.charCodeAt(i);
        if (c === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === 10) {
          line++;
          lineStart = i + 1;
        }
        value += text[i++];
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== 44 && next !== 10 && next !== 13) {
        throw new DataError('unexpected text after a closing quote (a field that starts with " must end with ")', line, i - lineStart + 1);
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        if (c === 34) throw new DataError('a " inside an unquoted field (quote the whole field and double the quote)', line, j - lineStart + 1);
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    if (record.length >= maxColumns) throw new DataError(`more than ${maxColumns} columns; the limit is ${maxColumns}`, startLine, column);
    record.push({ text: value, line: startLine, column });
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    i++;
    endRecord();
    line++;
    lineStart = i;
  }
  return records;
}
