import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/** Writes a file atomically: a temporary file beside it, then a rename. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** A text file written piece by piece, in place only when closed. */
export interface TextWriter {
  write(text: string): Promise<void>;
  /** Finishes the file: renames it into place. */
  close(): Promise<void>;
  /** Gives up: removes the temporary file. */
  abort(): Promise<void>;
}

/**
 * Opens a file to be written atomically in pieces (for files too large to hold as one
 * string, like a million families' star.csv): a temporary file beside it, renamed into
 * place on `close`.
 */
export async function openAtomicWriter(path: string): Promise<TextWriter> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(tmp, 'w');
  let open_ = true;
  return {
    async write(text) {
      // writeFile writes from the current position and loops until every byte is written
      // (a single write may write only part, e.g. as the disk fills).
      await handle.writeFile(text);
    },
    async close() {
      if (!open_) return;
      open_ = false;
      try {
        await handle.close();
        await rename(tmp, path);
      } catch (e) {
        await rm(tmp, { force: true });
        throw e;
      }
    },
    async abort() {
      if (!open_) return;
      open_ = false;
      await handle.close();
      await rm(tmp, { force: true });
    },
  };
}

/**
 * Writes a set of files as one folder atomically: into a temporary sibling folder, then
 * the old folder (if any) is moved aside and the new one renamed into place, so a failed
 * run leaves no half-written output.
 */
export async function writeFolderAtomic(dir: string, files: { path: string; content: string | Uint8Array }[]): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.${process.pid}.tmp`);
  const old = join(parent, `.${basename(dir)}.${process.pid}.old`);
  await rm(tmp, { recursive: true, force: true });
  try {
    for (const f of files) {
      const target = join(tmp, f.path);
      if (!target.startsWith(tmp)) throw new Error(`refusing to write outside the output folder: ${f.path}`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, f.content);
    }
    let moved = false;
    try {
      await rename(dir, old);
      moved = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    await rename(tmp, dir);
    if (moved) await rm(old, { recursive: true, force: true });
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
