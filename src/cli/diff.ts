/**
 * `actiplot diff BASE NEW`: the Markdown summary on stdout, the HTML report in --report (default
 * NEW/diff/). Exit codes as `git diff --exit-code`: 0 nothing changed, 1 something did, 2 trouble.
 */
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { examples, type Io } from './io.js';

interface DiffArgs {
  base: string;
  new: string;
  report?: string;
  threshold: number;
}

export function diffCommand(io: Io, setCode: (code: number) => void): CommandModule<object, DiffArgs> {
  return {
    command: 'diff <base> <new>',
    describe: 'Compare two output folders (e.g. main\'s artifact and a pull request\'s render): Markdown on stdout, an HTML report; exit 0 same, 1 changed, 2 trouble',
    builder: (y: Argv) =>
      y
        .positional('base', { type: 'string', describe: 'the output folder before (with its manifest.json)' })
        .positional('new', { type: 'string', describe: 'the output folder after' })
        .option('report', { type: 'string', describe: 'folder for the HTML report (default <new>/diff)' })
        .option('threshold', { type: 'number', default: 0, describe: 'share of pixels (0 to 1) at or below which a figure counts as unchanged' })
        .epilogue(examples([
          ['what a pull request changes in the figures', 'actiplot diff base-output output'],
          ['in CI: the summary of the job', 'actiplot diff base output --threshold 0.001 >> "$GITHUB_STEP_SUMMARY"'],
        ])) as unknown as Argv<DiffArgs>,
    handler: async (args) => {
      // Loaded when the command runs (node-canvas comes with them, for SVG and GIF pixels).
      const [{ diff, isChange }, { diffMarkdown }, { linkFromGallery, writeDiffReport }] = await Promise.all([
        import('../pipeline/diff.js'), import('../pipeline/diff-markdown.js'), import('../pipeline/diff-report.js'),
      ]);
      const base = String(args.base);
      const next = String(args.new);
      const r = await diff({ base, next, threshold: args.threshold });
      if (r.trouble.length) {
        for (const t of r.trouble) io.err(`actiplot diff: ${t}`);
        io.out(diffMarkdown(r).trimEnd());
        return setCode(2);
      }
      const report = args.report ?? path.join(next, 'diff');
      const failed = writeDiffReport(r, report);
      if (failed) {
        io.err(`actiplot diff: ${failed}`);
        return setCode(2);
      }
      if (path.resolve(report) === path.resolve(next, 'diff')) {
        try {
          linkFromGallery(next);
        } catch (err) {
          io.err(`actiplot diff: cannot link the report from ${path.join(next, 'index.html')}: ${(err as Error).message}`);
        }
      }
      io.out(diffMarkdown(r, path.join(report, 'index.html')).trimEnd());
      setCode(r.figures.some(isChange) ? 1 : 0);
    },
  };
}
