// Hostile input on the team index: a document path, an entity name or a note holding SQL
// fragments, quotes, backslashes or NUL is stored and shown verbatim, never executed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { openServerIndex } from '../../src/cli/teamIndex';
import { cli, corpus, freshDatabase, query } from './db';

const PATH = `it's "quoted"; DROP TABLE dossier_documents; -- \\ {x}.txt`;
const NAME = `Robert'); DROP TABLE dossier_entities;--\u0000 "Bobby" \\`;

describe('team index: hostile input stored and shown verbatim', () => {
  let url: string;
  let dir: string;
  before(async () => {
    url = await freshDatabase();
    dir = corpus({ [PATH]: 'Anna Keller of the Northfield Council met officials in Lisbon on 3 March 2024.\n' });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a path with quotes and SQL is indexed, stored and printed as it is', async () => {
    const r = await cli(['index', dir, '--db', url, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = await query<{ path: string }>(url, 'SELECT path FROM dossier_documents WHERE path = $1', [PATH]);
    assert.equal(rows.length, 1);
    const found = JSON.parse((await cli(['search', 'Anna Keller', '--db', url, '--json'])).stdout) as { locations: { path: string }[] }[];
    assert.ok(found.some((e) => e.locations.some((l) => l.path === PATH)), 'the search shows the path verbatim');
    const [tables] = await query<{ n: string }>(url, "SELECT count(*) AS n FROM pg_tables WHERE tablename IN ('dossier_documents', 'dossier_entities')");
    assert.equal(Number(tables.n), 2, 'nothing was executed');
  });

  it('an entity name and a note with NUL, quotes and SQL come back exactly', async () => {
    const t = await openServerIndex(url, { author: `O'Hara \u0000` });
    let id: string;
    try {
      await t.index.scan();
      const e = t.index.entities().find((x) => x.type === 'PERSON');
      assert.ok(e);
      id = e.id;
      await t.index.annotate({ kind: 'rename', entity: id, name: NAME });
      await t.index.annotate({ kind: 'note', entity: id, note: `${NAME} note` });
      await t.publish();
    } finally {
      await t.close();
    }
    const again = await openServerIndex(url);
    try {
      await again.index.scan();
      const e = again.index.getEntity(id);
      assert.equal(e?.canonical, NAME);
      assert.deepEqual(e?.notes?.map((n) => [n.text, n.author]), [[`${NAME} note`, `O'Hara \u0000`]]);
    } finally {
      await again.close();
    }
    const search = JSON.parse((await cli(['search', 'Robert', '--db', url, '--json'])).stdout) as { canonical: string }[];
    assert.equal(search[0]?.canonical, NAME);
  });
});
