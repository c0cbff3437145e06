// dossier push / pull: a workspace index moves to the team index and back, nothing lost on
// either side, nothing analysed twice, hostile names kept verbatim and hostile paths refused.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openFolderIndex } from '../../src/cli/nodeWorkspace';
import { cli, corpus, freshDatabase, query } from './db';

const HOSTILE = `O'Brien"; DROP TABLE dossier_annotations; -- \\ {a,b}`;

describe('team index: dossier push and pull', () => {
  let url: string;
  let dir: string;
  const temp: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pull-'));
    temp.push(d);
    return d;
  };

  before(async () => {
    url = await freshDatabase();
    dir = corpus();
    temp.push(dir);
    assert.equal((await cli(['index', dir])).code, 0);
    const { index } = await openFolderIndex(dir);
    await index.scan();
    const person = index.entities().find((e) => e.type === 'PERSON');
    assert.ok(person, 'the samples name a person');
    await index.annotate({ kind: 'rename', entity: person.id, name: HOSTILE });
    await index.flush();
    index.dispose();
  });
  after(() => temp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('push copies documents, annotations and analyses: the server analyses nothing again', async () => {
    const r = await cli(['push', dir, '--db', url, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(s.documents, 4);
    assert.equal(s.analysed, 0, 'the analyses came from the folder cache');
    assert.equal(s.annotationsAdded, 1);
    const [docs] = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM dossier_documents');
    assert.equal(Number(docs.n), 4);
    const names = await query<{ canonical: string }>(url, 'SELECT canonical FROM dossier_entities WHERE canonical = $1', [HOSTILE]);
    assert.equal(names.length, 1, 'the hostile name is stored verbatim');
    const again = JSON.parse((await cli(['push', dir, '--db', url, '--json'])).stdout);
    assert.equal(again.annotationsAdded, 0, 'a second push duplicates nothing');
    assert.equal(again.annotationsOnServer, 1);
  });

  it('pull into an empty folder recreates the documents and the same index', async () => {
    const into = tmp();
    const r = await cli(['pull', into, '--db', url, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.equal(s.written, 4);
    assert.equal(s.analysed, 0, 'the analyses came from the server');
    assert.equal(s.annotations, 1);
    assert.equal(s.orphans, 0);
    for (const f of fs.readdirSync(dir).filter((f) => !f.startsWith('.'))) {
      assert.equal(fs.readFileSync(path.join(into, f), 'utf8'), fs.readFileSync(path.join(dir, f), 'utf8'), f);
    }
    const here = await cli(['export', into, '-f', 'csv']);
    const there = await cli(['export', dir, '-f', 'csv']);
    assert.equal(here.stdout, there.stdout);
    assert.ok(here.stdout.includes('O\'Brien""; DROP TABLE'), 'the renamed entity, verbatim');
  });

  it('pull unites the annotations with the folder\'s own, and push brings them back', async () => {
    const { index } = await openFolderIndex(dir);
    await index.scan();
    const place = index.entities().find((e) => e.type === 'PLACE');
    assert.ok(place);
    await index.annotate({ kind: 'note', entity: place.id, note: 'local note \u0000 with NUL' });
    await index.flush();
    index.dispose();
    // Meanwhile a colleague annotated on the server (another folder pulled from it, then pushed).
    const other = tmp();
    await cli(['pull', other, '--db', url]);
    const { index: theirs } = await openFolderIndex(other);
    await theirs.scan();
    await theirs.annotate({ kind: 'note', entity: place.id, note: 'server note' });
    await theirs.flush();
    theirs.dispose();
    assert.equal((await cli(['push', other, '--db', url])).code, 0);
    const r = JSON.parse((await cli(['pull', dir, '--db', url, '--json'])).stdout);
    assert.equal(r.annotationsAdded, 1);
    assert.equal(r.annotations, 3);
    const back = JSON.parse((await cli(['push', dir, '--db', url, '--json'])).stdout);
    assert.equal(back.annotationsOnServer, 3);
    const notes = await query<{ a: string }>(url, "SELECT annotation::text AS a FROM dossier_annotations WHERE kind = 'note' ORDER BY created");
    assert.deepEqual(notes.map((n) => JSON.parse(n.a).body.note).sort(), ['local note \u0000 with NUL', 'server note']);
  });

  it('pull refuses a stored path outside the folder and says so', async () => {
    await query(url, `INSERT INTO dossier_documents (project, path, hash, kind, mtime, size, text, mentions_digest)
      VALUES ('default', '../escaped.txt', 'h', 'plaintext', 0, 1, 'x', 'd')`);
    const into = tmp();
    const r = await cli(['pull', into, '--db', url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Skipped "\.\.\/escaped\.txt": .*outside the workspace/);
    assert.equal(fs.existsSync(path.join(into, '..', 'escaped.txt')), false);
    await query(url, "DELETE FROM dossier_documents WHERE path = '../escaped.txt'");
  });

  it('push and pull without a server say what is missing', async () => {
    const r = await cli(['push', dir], { DOSSIER_DB: '' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /push needs the team index: --db/);
  });
});
