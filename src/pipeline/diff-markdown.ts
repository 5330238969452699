/** The Markdown summary of a diff: for `$GITHUB_STEP_SUMMARY` or a pull-request comment. */
import { isChange, measures, pct, type DiffFigure, type DiffResult } from './diff.js';

/** Inline code that survives any text (manifests are untrusted): backticks and newlines removed. */
const code = (s: string) => `\`${s.replace(/[`\r\n]/g, ' ')}\``;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function changedLine(f: DiffFigure): string {
  const parts = [...f.changes.map(code), ...measures(f)];
  return `- ${code(f.name)}: ${parts.length ? parts.join('; ') : 'its file changed'}`;
}

export function diffMarkdown(r: DiffResult, report?: string): string {
  if (r.trouble.length) return `### actiplot diff: cannot compare ${code(r.base)} with ${code(r.next)}\n\n${r.trouble.map((t) => `- ${code(t)}`).join('\n')}\n`;
  const by = (s: string) => r.figures.filter((f) => f.status === s);
  const changed = by('changed');
  const added = by('added');
  const removed = by('removed');
  const within = r.figures.filter((f) => f.withinThreshold);
  const unchanged = r.figures.filter((f) => !isChange(f)).length;
  const out: string[] = [];
  out.push(
    changed.length + added.length + removed.length === 0
      ? `### actiplot diff: no figure changed (${plural(unchanged, 'figure')}, ${code(r.base)} \u2192 ${code(r.next)})`
      : `### actiplot diff: ${changed.length} changed, ${added.length} added, ${removed.length} removed (${code(r.base)} \u2192 ${code(r.next)})`,
  );
  if (changed.length) out.push('', '**Changed**', '', ...changed.map(changedLine));
  if (added.length) out.push('', '**Added**', '', ...added.map((f) => `- ${code(f.name)} (${code(f.after!.file)}, ${f.after!.width}×${f.after!.height})`));
  if (removed.length) out.push('', '**Removed**', '', ...removed.map((f) => `- ${code(f.name)} (${code(f.before!.file)})`));
  const note = r.threshold > 0 ? `differ in at most ${pct(r.threshold)} of their pixels, the threshold` : 'differ in their bytes but in no pixel, anti-aliasing aside';
  out.push('', `${plural(unchanged, 'figure')} unchanged${within.length ? ` (${within.length} of them ${note})` : ''}.`);
  if (report && changed.some((f) => f.beforePng)) out.push('', `Before, after and pixel difference of each changed figure: ${code(report)}`);
  return `${out.join('\n')}\n`;
}
