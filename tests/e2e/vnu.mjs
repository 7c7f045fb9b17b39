// The W3C Nu HTML Checker (npm vnu-jar, on Debian's Java): the errors it finds in HTML files,
// one line each (`file:line.col: error: message`), or [] when they are valid.
import { spawnSync } from 'node:child_process';
import vnu from 'vnu-jar';

export function htmlErrors(...files) {
  const run = spawnSync('java', ['-jar', String(vnu), '--errors-only', '--format', 'gnu', ...files], { encoding: 'utf8' });
  if (run.error) throw run.error;
  // It exits 1 when it found errors, and prints them on stderr.
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.trim());
  if (run.status !== 0 && lines.length === 0) throw new Error(`vnu exited ${run.status} without a word`);
  return lines;
}
