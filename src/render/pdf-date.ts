/**
 * The creation date written into PDFs: SOURCE_DATE_EPOCH when set (the reproducible-builds
 * convention), otherwise a fixed date, so the same config always gives the same bytes. Its own
 * module so that hashing a figure's inputs does not load node-canvas.
 */
export function pdfDate(): Date {
  const raw = process.env.SOURCE_DATE_EPOCH?.trim();
  const epoch = raw ? Number(raw) : NaN; // unset or empty: the fixed date (Number('') would be 0)
  return new Date(Number.isInteger(epoch) && epoch >= 0 ? epoch * 1000 : Date.UTC(2000, 0, 1));
}
