/**
 * SOURCE_DATE_EPOCH (the reproducible-builds convention): the date a PDF records. An environment
 * value is untrusted like any input: one that is not a whole number of seconds a PDF date can
 * write (years 1970..9999) falls back to the fixed date with a warning, never an internal error.
 * render/canvas.ts (pdfDate) takes the date from here.
 */

/** The date used when SOURCE_DATE_EPOCH is unset or unusable. */
export const FIXED_DATE_MS = Date.UTC(2000, 0, 1);

/** 9999-12-31T23:59:59Z: the last second a PDF date (D:YYYYMMDDHHmmSS) can hold. */
export const MAX_EPOCH_SECONDS = 253_402_300_799;

export interface SourceDate {
  date: Date;
  /** Why the value was not used, when it was set but unusable. */
  warning?: string;
}

export function sourceDate(raw: string | undefined): SourceDate {
  const text = raw?.trim();
  if (!text) return { date: new Date(FIXED_DATE_MS) }; // unset or empty: the fixed date (Number('') would be 0)
  const epoch = /^\d{1,15}$/.test(text) ? Number(text) : NaN;
  if (Number.isInteger(epoch) && epoch <= MAX_EPOCH_SECONDS) return { date: new Date(epoch * 1000) };
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return {
    date: new Date(FIXED_DATE_MS),
    warning: `SOURCE_DATE_EPOCH=${JSON.stringify(shown)} is not a whole number of seconds from 0 to ${MAX_EPOCH_SECONDS}; PDFs record the fixed date 2000-01-01 instead`,
  };
}
