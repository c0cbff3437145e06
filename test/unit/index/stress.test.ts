// The index under random interleavings: reopen, trust flips, renames, deletes, edits and a
// flaky analyzer, none awaited in order. Afterwards the index must equal a fresh scan.
import { strict as assert } from 'node:assert';
import { openEntityIndex } from '../../../src/core/index/entityIndex';
import type { EntityIndex } from '../../../src/core/index/types';
import { IndexLifecycle } from '../../../src/extension/analysis/indexLifecycle';
import type { Timers } from '../../../src/extension/analysis/retryScheduler';
import { MemoryWorkspace, dictionaryAnalyzer, openTestIndex } from './fakes';
import { seeded } from '../../../src/core/engine/tagger/train';

// A seeded generator (mulberry32), so a failing sequence can be replayed from its seed.
const random = seeded;

const SENTENCES = ['Marieke de Vries met FNV in Rotterdam on Monday.', 'Andrew Hall of Network Rail went to Leeds.', 'The DGSI questioned Bruno Dupont.', 'Nothing to see.'];

/** Timers the test fires by hand: back-off delays pass instantly. */
class ManualTimers implements Timers {
  private readonly queue = new Map<number, () => void>();
  private next = 0;
  now = () => 0;
  setTimeout = (fn: () => void) => {
    this.queue.set(++this.next, fn);
    return this.next;
  };
  clearTimeout = (h: unknown) => void this.queue.delete(h as number);
  fireAll(): boolean {
    const due = [...this.queue.values()];
    this.queue.clear();
    for (const fn of due) fn();
    return due.length > 0;
  }
}

function snapshot(index: EntityIndex): unknown {
  return index.documents().map((path) => {
    const d = index.getDocument(path);
    return { path, error: d?.analysisError, mentions: d?.mentions.map((m) => `${m.start}-${m.end}:${m.entity}`) };
  });
}

async function runSequence(seed: number, steps: number): Promise<void> {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const text = () => `${pick(SENTENCES)}\n\n${pick(SENTENCES)}\n`;
  const ws = new MemoryWorkspace({ 'a.md': text(), 'b.txt': text(), 'notes/c.md': text() });
  const engine = dictionaryAnalyzer();
  let flaky = true;
  let readOnly = false;
  const timers = new ManualTimers();
  const lifecycle = new IndexLifecycle({
    open: () =>
      openEntityIndex(ws, {
        analyze: async (t, o) => {
          await new Promise((r) => setImmediate(r));
          if (flaky && rnd() < 0.2) throw new Error('worker restarted');
          return engine(t, o);
        },
        engineVersion: 'dict-1',
        author: 'Tester',
        writeDelayMs: 0,
        readOnly,
      }),
    timers,
  });
  const docs = () => [...ws.files.keys()].filter((p) => !p.startsWith('.dossier/'));
  const ops: Promise<unknown>[] = [];
  // What IndexFileSync does: apply the file event to whichever index is current.
  const sync = (fn: (i: EntityIndex) => Promise<unknown>) => ops.push(lifecycle.index.then((i) => i && fn(i)).catch(() => undefined));
  for (let n = 0; n < steps; n++) {
    const op = pick(['reopen', 'trust', 'rename', 'delete', 'edit', 'create', 'rescan', 'wait']);
    const files = docs();
    if (op === 'reopen') ops.push(lifecycle.reopen());
    else if (op === 'trust') {
      readOnly = !readOnly;
      ops.push(lifecycle.reopen());
    } else if (op === 'rescan') ops.push(lifecycle.rescan());
    else if (op === 'wait') await new Promise((r) => setImmediate(r));
    else if (op === 'create' || (op === 'edit' && files.length)) {
      const path = op === 'create' ? `new${n}.md` : pick(files);
      const t = text() + n;
      await ws.writeFileAtomic(path, t);
      sync((i) => i.updateDocument(path, t));
    } else if (op === 'rename' && files.length) {
      const from = pick(files);
      const to = `moved${n}-${from.split('/').pop()}`;
      await ws.rename(from, to);
      sync((i) => i.renameDocument(from, to));
    } else if (op === 'delete' && files.length) {
      const path = pick(files);
      await ws.delete(path);
      sync((i) => i.removeDocument(path));
    }
  }
  await Promise.all(ops);
  flaky = false;
  await lifecycle.settled();
  while (timers.fireAll()) await lifecycle.settled();
  const live = await lifecycle.index;
  assert.ok(live, `seed ${seed}: the index is open`);
  assert.deepEqual(lifecycle.pendingRetries(), [], `seed ${seed}: every failed analysis was retried until it succeeded`);
  const fresh = await openTestIndex({}, { workspace: new MemoryWorkspace(Object.fromEntries(docs().map((p) => [p, ws.files.get(p)?.data ?? '']))) });
  assert.deepEqual(snapshot(live), snapshot(fresh.index), `seed ${seed}: the index equals a fresh scan`);
  fresh.index.dispose();
  await lifecycle.dispose();
}

describe('index under random interleavings', () => {
  it('equals a fresh scan after 200 seeded random sequences of reopen, trust, rename, delete and edit', async function () {
    this.timeout(120_000);
    for (let seed = 1; seed <= 200; seed++) await runSequence(seed, 25);
  });
});
