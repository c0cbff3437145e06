// Concurrent writers on one team index: 16 × 500 annotations through the store's merge-on-write
// lose and duplicate nothing, and equal the replay of the annotation log; two people merging the
// same pair, or merging while another renames, end in one state every client agrees on.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { openServerIndex, type TeamIndex } from '../../src/cli/teamIndex';
import { makeAnnotation } from '../../src/core/index/annotationInput';
import { AnnotationLog } from '../../src/core/index/annotationLog';
import { PgIndexStore } from '../../src/core/index/pg/pgStore';
import { TeamDb } from '../../src/core/index/pg/teamDb';
import type { Annotation, EntityIndex } from '../../src/core/index/types';
import { cli, corpus, freshDatabase, query } from './db';

const WRITERS = 16;
const EACH = 500;

/** Annotations per write: the index coalesces what a researcher does within its write delay. */
const PER_WRITE = 10;

/** One writer as an index writes: its own log, merged with what is stored at every write. */
async function writer(url: string, made: Annotation[]): Promise<void> {
  const db = await TeamDb.open(url, { max: 1 });
  try {
    const store = new PgIndexStore(db);
    const log = new AnnotationLog((await store.loadAnnotations()).items);
    for (let i = 0; i < made.length; i += PER_WRITE) {
      for (const a of made.slice(i, i + PER_WRITE)) log.put(a, true);
      const pending = log.snapshot();
      const stored = await store.saveAnnotations((disk) => ({ items: log.mergedWith(disk.items), unreadable: disk.unreadable }));
      log.written(pending);
      log.adopt(stored);
    }
  } finally {
    await db.close();
  }
}

const registry = (index: EntityIndex) => index.entities().map(({ created: _c, updated: _u, ...e }) => e);

describe('team index: concurrent writers', () => {
  let url: string;
  let dir: string;
  const open: TeamIndex[] = [];
  const client = async (author: string) => {
    const t = await openServerIndex(url, { author, writeDelayMs: 0 });
    await t.index.scan();
    open.push(t);
    return t.index;
  };

  before(async () => {
    url = await freshDatabase();
    dir = corpus();
    const r = await cli(['index', dir, '--db', url]);
    assert.equal(r.code, 0, r.stderr);
  });
  after(async () => {
    for (const t of open) await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`${WRITERS} writers × ${EACH} annotations: 0 lost, 0 duplicated, every one with its author, equal to the log's replay`, async function () {
    this.timeout(900_000); // 8,000 annotations through 800 serialised writes on a shared 2-core machine
    const index = await client('setup');
    const mentions = index.documents().flatMap((p) => (index.getDocument(p)?.mentions ?? []).filter((m) => m.provenance !== 'rejected').map((m) => ({ p, m })));
    assert.ok(mentions.length > 20);
    const batches: Annotation[][] = [];
    for (let w = 0; w < WRITERS; w++) {
      const batch: Annotation[] = [];
      for (let i = 0; i < EACH; i++) {
        const { p, m } = mentions[(w * EACH + i) % mentions.length];
        batch.push(makeAnnotation({ kind: 'confirm', path: p, start: m.start, end: m.end }, {
          text: (x) => index.getText(x), mentions: (x) => index.getDocument(x)?.mentions ?? [], quotes: (x) => index.getDocument(x)?.quotes ?? [], entity: (id) => index.getEntity(id),
          author: `writer ${w} '; DROP TABLE dossier_annotations; --`, now: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, w * EACH + i)).toISOString(),
        }));
      }
      batches.push(batch);
    }
    await Promise.all(batches.map((b) => writer(url, b)));

    const rows = await query<{ id: string; author: string; a: string }>(url, 'SELECT id, author, annotation::text AS a FROM dossier_annotations');
    assert.equal(rows.length, WRITERS * EACH, 'none lost, none duplicated');
    const stored = new Map(rows.map((r) => [r.id, r.a]));
    for (const [w, b] of batches.entries()) {
      for (const a of b) {
        assert.ok(stored.has(a.id), `writer ${w}: ${a.id} lost`);
        assert.equal(JSON.parse(stored.get(a.id) as string).author, `writer ${w} '; DROP TABLE dossier_annotations; --`);
      }
    }
    assert.deepEqual(rows.filter((r) => !r.author), [], 'every annotation has its author');
    // Replaying the log in commit order gives exactly the table.
    const log = await query<{ op: string; id: string; a: string | null }>(url, 'SELECT op, id, annotation::text AS a FROM dossier_annotation_log ORDER BY seq');
    const replay = new Map<string, string>();
    for (const e of log) {
      if (e.op === 'delete') replay.delete(e.id);
      else replay.set(e.id, e.a as string);
    }
    assert.deepEqual(new Map([...replay].sort()), new Map([...stored].sort()));
    // And a client opening the index now sees all of them.
    const fresh = await client('reader');
    assert.equal(fresh.annotations().length, WRITERS * EACH);
  });

  it('two people merging the same pair at once end in one merged entity that both see', async () => {
    const a = await client('alice');
    const b = await client('bob');
    const people = a.entities().filter((e) => e.type === 'PERSON' || e.type === 'ORG');
    assert.ok(people.length >= 4);
    const [x, y] = people;
    await Promise.all([a.annotate({ kind: 'merge', from: x.id, into: y.id }), b.annotate({ kind: 'merge', from: x.id, into: y.id })]);
    await Promise.all([a.flush(), b.flush()]);
    await Promise.all([a.reload(), b.reload()]);
    await Promise.all([a.flush(), b.flush()]);
    assert.deepEqual(registry(a), registry(b));
    assert.equal(a.getEntity(x.id)?.id, y.id, 'the merged-away id resolves to the kept entity');
    assert.equal(a.entities().some((e) => e.id === x.id), false);
    const fresh = await client('carol');
    assert.deepEqual(registry(fresh), registry(a));
  });

  it('one merging while another renames: every client ends in the same state', async () => {
    const a = await client('dora');
    const b = await client('emil');
    const people = a.entities().filter((e) => e.type === 'PERSON' || e.type === 'ORG');
    const [, , x, y] = people;
    await Promise.all([a.annotate({ kind: 'merge', from: x.id, into: y.id }), b.annotate({ kind: 'rename', entity: x.id, name: 'Renamed "Entity"' })]);
    await Promise.all([a.flush(), b.flush()]);
    await Promise.all([a.reload(), b.reload()]);
    await Promise.all([a.flush(), b.flush()]);
    assert.deepEqual(registry(a), registry(b));
    const fresh = await client('fay');
    assert.deepEqual(registry(fresh), registry(a));
    const [entities] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM dossier_entities');
    assert.equal(Number(entities.n), a.entities().length, 'the stored registry is that state too');
  });
});
