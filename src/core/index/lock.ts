// A lock file under .dossier/ so two windows or processes never interleave read-merge-write.
// A lock older than STALE_MS is from a crashed writer and is broken (and reported).
import type { WorkspacePort } from '../ports';

const STALE_MS = 10_000;
const WAIT_MS = 15_000;

export interface LockOwner {
  pid: number;
  time: number;
  token: string;
}

/** Runs `body` holding `path`; `onStale` hears about a broken stale lock. */
export async function withLock<T>(port: WorkspacePort, path: string, body: () => Promise<T>, onStale?: (owner: string) => void): Promise<T> {
  const token = Math.random().toString(36).slice(2);
  const pid = typeof process !== 'undefined' ? process.pid : 0;
  const deadline = Date.now() + WAIT_MS;
  let delay = 5;
  for (;;) {
    const owner: LockOwner = { pid, time: Date.now(), token };
    if (await port.createExclusive(path, JSON.stringify(owner))) break;
    const held = await port.readFile(path);
    const heldBy = parseOwner(held);
    // An unreadable lock may be one being written right now: judge it by its mtime instead.
    const mtime = heldBy ? heldBy.time : held === undefined ? Date.now() : ((await port.stat(path))?.mtime ?? Date.now());
    const age = Date.now() - mtime;
    if (age > STALE_MS || Date.now() > deadline) {
      onStale?.(held ?? '');
      // Only break it if it is still the same stale lock (another waiter may have broken it).
      if ((await port.readFile(path)) === held) await port.delete(path);
      continue;
    }
    await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await body();
  } finally {
    const held = parseOwner(await port.readFile(path));
    if (held?.token === token) await port.delete(path);
  }
}

function parseOwner(text: string | undefined): LockOwner | undefined {
  if (!text) return undefined;
  try {
    const o = JSON.parse(text) as LockOwner;
    return typeof o.time === 'number' ? o : undefined;
  } catch {
    return undefined; // being written, or half-written by a crashed writer
  }
}
