/**
 * Limits for data files (docs/limits.md): a CSV or JSON of points is untrusted input like a config,
 * checked before it is parsed.
 */
export const DATA_LIMITS = {
  /** Bytes of a data file (checked on the open descriptor before reading). */
  fileBytes: 16 * 1024 * 1024,
  /** Points of one data set (each drawn as a marker: more would be an ink blot). */
  rows: 100_000,
  /** Inline `rows` in a config. */
  inlineRows: 10_000,
  /** Columns of a CSV row. */
  columns: 1000,
  /** JSON nesting of a data file (a list of flat objects is 2). */
  nesting: 16,
  /** Classes of a classifier view (tab10 has ten colours; after them tab20's). */
  classes: 20,
} as const;
