/** The TypeScript types of configs, as the schema (config/schema.ts) defines them. */
import type { Static } from '@sinclair/typebox';
import type { FigureList } from '../config/schema.js';

export type {
  FigureConfig,
  LineFigureConfig,
  ContourFigureConfig,
  PanelsFigureConfig,
  LinePlotConfig,
  ContourPlotConfig,
  PlotConfig,
  SeriesConfig,
  AxisConfig,
  TypedNetworkConfig,
  FileNetworkConfig,
} from '../config/schema.js';

/** `{ "figures": [ ... ] }`: several figures in one config. */
export type FigureListConfig = Static<typeof FigureList>;
/** What a config file holds: one figure, or a list of them. */
export type ConfigFile = import('../config/schema.js').FigureConfig | FigureListConfig;
