/**
 * For a mistyped flag, the flag that was probably meant. Loaded only when parsing failed.
 */
import { distance } from 'fastest-levenshtein';

/**
 * The known flag an unknown one was probably meant to be: a close spelling (`--forse`), or a
 * longer or shorter form of it (`--output` for `--out`). Undefined when nothing is close.
 */
export function nearestFlag(unknown: string, known: readonly string[]): string | undefined {
  const u = unknown.replace(/^-+/, '').toLowerCase();
  if (u.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    const kl = k.toLowerCase();
    if (kl.length < 2) continue;
    const d = distance(u, kl);
    const prefix = kl.length >= 3 && (u.startsWith(kl) || kl.startsWith(u)) && Math.min(u.length, kl.length) >= 3;
    // Two edits for names of five letters or more: a swap of two letters (--quite) is two.
    const close = d <= (Math.max(u.length, kl.length) >= 5 ? 2 : 1);
    if (!close && !prefix) continue;
    const score = prefix ? Math.min(d, 1.5) : d;
    if (score < bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}

/**
 * yargs' "Unknown argument(s): a, b" with a suggestion for each flag that is close to a known
 * one, or the command it belongs to; other messages pass through. `argv` tells which names were
 * given as flags (yargs reports `--forse` as "forse"); `known` are the command's option names,
 * `elsewhere` those of the other commands.
 */
export function explainUnknown(
  message: string,
  argv: readonly string[],
  known: readonly string[],
  command?: string,
  elsewhere: Readonly<Record<string, readonly string[]>> = {},
): string {
  const m = /^Unknown arguments?: (.*)$/.exec(message);
  if (!m) return message;
  const kebab = (n: string) => n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  // yargs reports `--config-file` twice, also as "configFile".
  const all = m[1].split(', ');
  const names = all.filter((n) => kebab(n) === n || !all.includes(kebab(n)));
  const flags = new Set(argv.filter((a) => a.startsWith('-')).map((a) => a.replace(/^-+/, '').replace(/=.*$/, '')));
  const parts = names.map((n) => {
    // yargs reports `--no-galery` as "galery".
    const negated = !flags.has(n) && flags.has(`no-${n}`);
    if (!flags.has(n) && !negated) return `unexpected argument "${n}"`;
    const shown = negated ? `--no-${n}` : `${n.length === 1 ? '-' : '--'}${n}`;
    const owners = Object.entries(elsewhere).filter(([, names]) => names.includes(n)).map(([c]) => c);
    if (owners.length) return `${shown} is an option of ${owners.join(', ').replace(/, ([^,]*)$/, ' and $1')}, not of ${command ?? 'this command'}`;
    const near = nearestFlag(n, known);
    return `unknown option ${shown}${near ? ` (did you mean --${negated ? 'no-' : ''}${near}?)` : ''}`;
  });
  return parts.join('; ');
}

