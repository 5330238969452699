/** The plugin in the pipeline a site runs: remark-parse → actiplot/remark → remark-rehype → rehype-stringify. */
import fs from 'node:fs';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import remarkActiplot, { type RemarkActiplotData, type RemarkActiplotOptions } from '../../src/remark/index.js';
import { ROOT, tempDir } from '../pipeline/helpers.js';

export interface Built {
  html: string;
  file: VFile;
  data: RemarkActiplotData;
}

/** `run` in `dir` as a site's build runs there (the tests run in forks, where chdir is allowed). */
export async function inFolder<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await run();
  } finally {
    process.chdir(before);
  }
}

/** Builds `page` (a Markdown file) to HTML in the site's folder `cwd`; rejects as a site build fails. */
export async function build(page: string, options: RemarkActiplotOptions, cwd: string): Promise<Built> {
  const file = new VFile({ path: page, cwd, value: fs.readFileSync(page, 'utf8') });
  await inFolder(cwd, () => unified().use(remarkParse).use(remarkActiplot, options).use(remarkRehype).use(rehypeStringify).process(file));
  return { html: String(file), file, data: (file.data as { actiplot: RemarkActiplotData }).actiplot };
}

/** The same, returning the error and the file's messages instead. */
export async function buildFailure(page: string, options: RemarkActiplotOptions, cwd: string): Promise<{ error: unknown; messages: string[]; file: VFile }> {
  const file = new VFile({ path: page, cwd, value: fs.readFileSync(page, 'utf8') });
  const error = await inFolder(cwd, () => unified().use(remarkParse).use(remarkActiplot, options).use(remarkRehype).use(rehypeStringify).process(file)).then(() => undefined, (e: unknown) => e);
  return { error, messages: file.messages.map((m) => `${m.line}:${m.column}: ${m.reason}`), file };
}

/** A site: the repository's configs (with their model files) and a docs folder for pages. */
export function site(tag: string): string {
  const dir = tempDir(tag);
  fs.cpSync(path.join(ROOT, 'configs'), path.join(dir, 'configs'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'docs'));
  return dir;
}

/** Every <img>/<source> of the HTML as its attributes. */
export function elements(html: string, tag: 'img' | 'source'): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1], a[2].replace(/&#x27;/g, "'").replace(/&#x3C;/g, '<').replace(/&#x26;/g, '&').replace(/&quot;/g, '"')])),
  );
}

/** Name, size and inode of every file in a folder: what a run that writes nothing leaves as it was. */
export function snapshot(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(fs.readdirSync(dir).sort().map((n) => {
    const st = fs.statSync(path.join(dir, n));
    return [n, `${st.size} ${st.ino} ${st.mtimeMs}`];
  }));
}
