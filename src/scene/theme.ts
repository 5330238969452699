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

/**
 * The colours of what is not data: text, axes, grid, legend and the page. Data colours (series,
 * colormaps, boundaries, points) are the config's and the same in every theme.
 */
export interface Palette {
  background: string;
  text: string;
  spine: string;
  grid: string;
  legendFace: string;
  legendEdge: string;
}

/** matplotlib's defaults. */
export const LIGHT: Palette = {
  background: THEME.background,
  text: THEME.text,
  spine: THEME.spineColor,
  grid: THEME.gridColor,
  legendFace: 'rgba(255,255,255,0.8)',
  legendEdge: THEME.legendEdge,
};

/**
 * For a dark page: light grey text and axes on a near-black ground (not pure black and white,
 * which glare), a grid that stays behind the data, the legend box in the page's colour.
 */
export const DARK: Palette = {
  background: '#1b1b1f',
  text: '#e4e4e7',
  spine: '#c4c4cc',
  grid: '#4a4a52',
  legendFace: 'rgba(27,27,31,0.8)',
  legendEdge: '#5c5c66',
};

export const PALETTES: Record<'light' | 'dark', Palette> = { light: LIGHT, dark: DARK };
