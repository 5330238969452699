/**
 * Hard limits, checked before anything is allocated, so a typo like "samples": 1e12 costs one
 * error line instead of the machine's memory. Each limit bounds one number; the BUDGETS below bound
 * what their products cost a figure. docs/limits.md gives the reason for every number.
 */
export const LIMITS = {
  /** Bytes in one config file. */
  configBytes: 1024 * 1024,
  /** JSON nesting depth. */
  nesting: 64,
  /** Figure width or height in pixels, before `scale`. */
  pixels: 8000,
  /** Total output pixels (width × height × scale²). */
  imagePixels: 64_000_000,
  /** Samples in one line series. */
  samples: 2_000_000,
  /** Points in one contour grid (nx × ny). */
  gridPoints: 16_000_000,
  /** Contour levels. */
  levels: 1000,
  /** Layers in a network, and neurons in a layer. */
  layers: 16,
  neurons: 256,
  /** Frames of a sweep animation. */
  frames: 500,
  /** Panels in one figure (hidden-neuron panels of `"neurons": true` count too). */
  panels: 64,
  /** Series in one line figure. */
  series: 64,
  /** Figures in one config file. */
  figures: 1000,
  /** Bytes of a manifest read back from an output folder (about 500 bytes a figure: 100,000 figures fit). */
  manifestBytes: 64 * 1024 * 1024,
  /** Characters in one text drawn on a figure (title, label, caption): more than any figure shows. */
  textChars: 500,
  /** Characters in a config's own alt text: a long description belongs in the page beside the figure. */
  altChars: 2000,
} as const;

/**
 * What one figure may cost, all frames and panels together, computed from the resolved config
 * before any sample or pixel exists (budget.ts). Generous for any figure a person draws on purpose;
 * they stop configs that pass every limit above yet multiply into hours or gigabytes.
 */
export const BUDGETS = {
  /**
   * Arithmetic: sample points × operations per point (a network's multiply-adds and activations,
   * every layer; a perceptron's three), summed over panels and series, times the frames.
   */
  work: 4_000_000_000,
  /** Grid points held at once (8 bytes each, plus the drawing's own buffers): all panels of one frame. */
  gridPoints: 32_000_000,
  /** Pixels of all frames of an animation (4 bytes each when held raw, and the encoder reads each). */
  framePixels: 300_000_000,
  /** For SVG and PDF: grid points × contour levels, summed over panels (each level is traced over the grid). */
  vectorBands: 50_000_000,
} as const;

export type BudgetName = keyof typeof BUDGETS;
