/**
 * Sizes and colours, taken from matplotlib's defaults (rcParams) at 100 dpi so figures read the
 * same as the seed's: 1 pt = 100/72 px.
 */
export const PT = 100 / 72;
export const FONT_FAMILY = 'DejaVu Sans';

export const THEME = {
  background: '#ffffff',
  text: '#000000',
  tickFont: { family: FONT_FAMILY, size: 10 * PT, weight: 'normal' as const },
  labelFont: { family: FONT_FAMILY, size: 10 * PT, weight: 'normal' as const },
  titleFont: { family: FONT_FAMILY, size: 12 * PT, weight: 'normal' as const },
  legendFont: { family: FONT_FAMILY, size: 10 * PT, weight: 'normal' as const },
  spineWidth: 0.8 * PT,
  spineColor: '#000000',
  tickLength: 3.5 * PT,
  tickWidth: 0.8 * PT,
  tickPad: 3.5 * PT,
  labelPad: 4 * PT,
  titlePad: 6 * PT,
  gridColor: '#b0b0b0',
  gridWidth: 0.8 * PT,
  lineWidth: 1.5 * PT,
  legendEdge: '#cccccc',
  /** Outer whitespace around everything, as a fraction of the smaller image side. */
  outerPad: 0.035,
  /** Pixels per automatic tick (Observable Plot's habit, tuned to matplotlib's density). */
  xTickSpacing: 100,
  yTickSpacing: 80,
} as const;
