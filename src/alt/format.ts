/**
 * Numbers as a description reads them: a real minus sign (as the figure's tick labels), no -0, no
 * float noise (0.30000000000000004 reads 0.3), and measured values only as precise as the figure
 * can show them.
 */
import { MINUS } from '../scale/format.js';

function signed(text: string): string {
  if (/^-0(\.0*)?$/.test(text)) return text.slice(1);
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

/** A value from the config (a range end, a weight, a grid point): exact, without float noise. */
export function exact(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return signed(String(Number(v.toPrecision(10))));
}

/**
 * A measured value (a maximum, a level) to the precision of `span`, the spread of the values it is
 * one of: 3 significant digits of the spread, so 9.9999999 of a 0..10 surface reads 10.
 */
export function measured(v: number, span: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Math.abs(span) > 0 && Number.isFinite(span) ? Math.abs(span) : Math.max(Math.abs(v), 1);
  const decimals = Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(s))));
  return signed(String(Number(v.toFixed(decimals))));
}

/** A share of a whole as a whole percentage ("38%"), never 0% or 100% for a share strictly between. */
export function percent(share: number): string {
  const p = Math.round(share * 100);
  return `${share > 0 && p === 0 ? '<1' : share < 1 && p === 100 ? '>99' : p}%`;
}
