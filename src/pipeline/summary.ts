/** Markdown summaries of a run or a check, for a CI job summary (`--summary "$GITHUB_STEP_SUMMARY"`). */
import path from 'node:path';
import type { RenderResult } from './run.js';
import type { CheckResult } from './check.js';
import { formatBytes } from './gallery.js';

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function errorBlock(title: string, lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `\n**${title}**\n\n\`\`\`text\n${lines.map((l) => l.replace(/```/g, "'''")).join('\n')}\n\`\`\`\n`;
}

export function renderSummary(r: RenderResult): string {
  const n = (s: string) => r.figures.filter((f) => f.status === s).length;
  const failed = n('failed');
  const head = `### actiplot render: ${r.figures.length} figure${r.figures.length === 1 ? '' : 's'} (${n('rendered')} rendered, ${n('skipped')} up to date, ${failed} failed)${r.errors.length ? `, ${r.errors.length} other error${r.errors.length === 1 ? '' : 's'}` : ''}\n`;
  // GitHub caps a job summary at 1 MiB: past 100 figures, list only those rendered or failed.
  const listed = r.figures.length > 100 ? r.figures.filter((f) => f.status !== 'skipped') : r.figures;
  const unlisted = r.figures.length - listed.length;
  const rows = listed.map((f) => {
    const status = f.status === 'rendered' ? 'rendered' : f.status === 'skipped' ? 'up to date' : `**failed**: ${cell(f.message ?? '')}`;
    const file = f.file ? code(path.join(r.out, f.file)) : '';
    const size = f.width !== undefined ? `${f.width}×${f.height}, ${formatBytes(f.bytes ?? 0)}` : '';
    const ms = f.ms !== undefined && f.status !== 'skipped' ? `${Math.round(f.ms)} ms` : '';
    return `| ${code(f.name)} | ${status} | ${file} | ${size} | ${code(f.config)} | ${ms} |`;
  });
  const table =
    (rows.length ? `\n| figure | status | file | size | config | time |\n|---|---|---|---|---|---:|\n${rows.join('\n')}\n` : '') +
    (unlisted ? `\n${unlisted} up-to-date figure${unlisted === 1 ? '' : 's'} not listed.\n` : '');
  const pruned = r.pruned.length ? `\nPruned: ${r.pruned.map(code).join(', ')}\n` : '';
  const orphans = r.orphans.length ? `\nKept (figure gone; \`--prune\` deletes): ${r.orphans.map(code).join(', ')}\n` : '';
  return head + table + pruned + orphans + errorBlock('Errors', r.errors);
}

export function checkSummary(c: CheckResult): string {
  const head = c.ok
    ? `### actiplot check: all ${c.total} figure${c.total === 1 ? '' : 's'} in ${code(c.out)} are current\n`
    : `### actiplot check: ${c.out} is out of date (${c.items.length} problem${c.items.length === 1 ? '' : 's'}${c.errors.length ? `, ${c.errors.length} config error${c.errors.length === 1 ? '' : 's'}` : ''})\n`;
  const rows = c.items.map((i) => `| ${i.kind} | ${code(i.path)} | ${i.config ? code(i.config) : ''} | ${cell(i.reason)} |`);
  const table = rows.length ? `\n| problem | path | config | why |\n|---|---|---|---|\n${rows.join('\n')}\n` : '';
  const fix = c.ok ? '' : '\nRun `actiplot render` (with `--prune` for extra outputs) and commit the result.\n';
  return head + table + errorBlock('Config errors', c.errors) + fix;
}
