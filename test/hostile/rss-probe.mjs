// Preloaded into a CLI child by the corpus runner: at exit, writes the process's peak resident set
// size (kilobytes, from the kernel's own accounting) to $ACTIPLOT_RSS_FILE.
import fs from 'node:fs';

const file = process.env.ACTIPLOT_RSS_FILE;
// Only the CLI process itself: workers it forks inherit the preload and this variable.
if (file && process.env.ACTIPLOT_RSS_PID === undefined) {
  process.env.ACTIPLOT_RSS_PID = String(process.pid);
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the runner reports a missing measurement
    }
  });
}
