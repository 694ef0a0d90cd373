import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs the real `earlyhelp` executable. */
export function earlyhelp(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/earlyhelp.js'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
