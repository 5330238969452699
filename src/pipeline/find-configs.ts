import fs from 'node:fs';
import path from 'node:path';

/**
 * Config files named by `paths`: files as given, folders searched recursively for `*.json`
 * (hidden entries and node_modules skipped), in a stable sorted order. Missing paths are returned
 * separately so the caller can report them as errors.
 */
export function findConfigs(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p, files);
    else files.add(p);
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, out: Set<string>): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && entry.name.endsWith('.json')) out.add(full);
  }
}
