import fs from 'node:fs';
import path from 'node:path';

/**
 * Config files named by `paths`: files as given, folders searched recursively for `*.json`
 * (hidden entries, node_modules and the `exclude` folders, such as the output folder, skipped), in
 * a stable sorted order. Missing paths are returned separately so the caller can report them.
 */
export function findConfigs(paths: readonly string[], exclude: readonly string[] = []): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const skip = new Set(exclude.map((d) => path.resolve(d)));
  const missing: string[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p, files, skip);
    else files.add(p);
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, out: Set<string>, skip: ReadonlySet<string>): void {
  if (skip.has(path.resolve(dir))) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out, skip);
    else if (entry.isFile() && entry.name.endsWith('.json')) out.add(full);
  }
}
