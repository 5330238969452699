/**
 * Hard limits, checked before anything is allocated, so a typo like "samples": 1e12 costs one
 * error line instead of the machine's memory. Documented in the README ("Limits").
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
  /** Panels in one figure. */
  panels: 64,
  /** Series in one line figure. */
  series: 64,
  /** Figures in one config file. */
  figures: 1000,
} as const;
