/**
 * The creation date written into PDFs: SOURCE_DATE_EPOCH when set (the reproducible-builds
 * convention), otherwise a fixed date, so the same config always gives the same bytes. Its own
 * module so that hashing a figure's inputs does not load node-canvas. The value is parsed (and a
 * bad one refused with a warning) by config/source-date.ts.
 */
import { sourceDate } from '../config/source-date.js';

export function pdfDate(): Date {
  return sourceDate(process.env.SOURCE_DATE_EPOCH).date;
}
