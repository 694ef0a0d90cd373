/**
 * The line of `file` that a call came from, read from an Error's stack: the outermost
 * frame in that file (so a call made inside a helper function of the notebook is placed
 * where the helper was called from the top level). Frames may name the file as a path or
 * a `file://` URL, with or without a query; `null` when no frame is in the file.
 * Cost: O(stack length).
 * @example callerLine('Error\n    at show (/x/display.ts:3:9)\n    at /x/nb.ts:12:5', '/x/nb.ts') // 12
 */
export function callerLine(stack: string, file: string): number | null {
  const target = normalisePath(file);
  let line: number | null = null;
  for (const frame of stack.split('\n')) {
    const m = /(?:\(|\bat\s+)((?:file:\/\/)?[^\s()]+?):(\d+):\d+\)?\s*$/.exec(frame);
    if (!m) continue;
    if (normalisePath(m[1]!) === target) line = Number(m[2]);
  }
  return line;
}

/** A path or file URL without the scheme, query and hash, percent-decoded. */
function normalisePath(path: string): string {
  let p = path.replace(/^file:\/\//, '');
  p = p.replace(/[?#].*$/, '');
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep as is
  }
  return p.replace(/\\/g, '/');
}
