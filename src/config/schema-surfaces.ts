/**
 * The keys of a decision surface (docs/surfaces.md): data points over a contour, what a classifier's
 * surface shows (`view`, `classes`) and how it is sampled (`sampling`). Imported by schema.ts into
 * the contour plot's keys.
 */
import { Type } from '@sinclair/typebox';
import { DATA_LIMITS } from '../data/data-limits.js';

const StringEnum = <T extends string>(values: readonly T[], description: string, defaultValue?: T) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description, ...(defaultValue !== undefined ? { default: defaultValue } : {}) });

const Column = (what: string, fallback: string) =>
  Type.String({ minLength: 1, maxLength: 200, description: `the column (CSV header) or key (JSON, rows) of ${what} (default "${fallback}")` });

/** One inline row: the columns by name, numbers or (for the class) strings. */
const Row = Type.Record(Type.String(), Type.Union([Type.Number(), Type.String({ maxLength: 200 })]), {
  description: 'a row: an object of column name to number (or, for the class, a string)',
});

export const DataConfig = Type.Object(
  {
    file: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'a data file relative to the config file: CSV with a header row (.csv), or a JSON list of objects (.json)' })),
    rows: Type.Optional(Type.Array(Row, { maxItems: DATA_LIMITS.inlineRows, description: 'the points inline: a list of objects such as { "x1": 1, "x2": 2, "label": 0 }' })),
    x: Type.Optional(Column('the x coordinate', 'x1')),
    y: Type.Optional(Column('the y coordinate', 'x2')),
    class: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'the column or key of the class: a whole number from 0, or a name from "classes" (no class: every point in one colour)' })),
    highlight: Type.Optional(StringEnum(['misclassified'] as const, 'points to ring: "misclassified" (those whose class differs from the model\'s)')),
  },
  { additionalProperties: false, description: 'data points drawn over the surface: { file | rows, x, y, class, highlight }' },
);

export const surfaceKeys = {
  data: Type.Optional(DataConfig),
  view: Type.Optional(
    StringEnum(
      ['output', 'class', 'probability'] as const,
      'what the surface shows: "output" (one output\'s value, with a colorbar), "class" (the class of the largest output, with a legend) or "probability" (the winning class\'s colour, lighter where it is less sure); class and probability views are 0.6 opaque unless "alpha" is given',
      'output',
    ),
  ),
  classes: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 2, maxItems: DATA_LIMITS.classes, description: 'a list of class names, one per model output (a one-output model: two, below and above the threshold)' }),
  ),
  sampling: Type.Optional(
    StringEnum(
      ['grid', 'pixel'] as const,
      'how the surface is sampled: "grid" (the x and y samples, interpolated, as matplotlib draws it) or "pixel" (the function at every pixel centre: exact, anti-aliased edges)',
      'grid',
    ),
  ),
};
