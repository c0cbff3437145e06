// Atomic file replacement on a local disk, shared by the CLI's and the extension's
// WorkspacePort adapters: a reader sees the old file or the new one, never half of either.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Writes to a unique temp file beside the target, fsyncs it, then renames it over the target. */
export async function writeFileAtomic(target: string, data: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}
