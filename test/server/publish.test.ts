// A window's re-indexed documents reach the server (DocumentPublisher, as the extension runs it):
// a new or edited file's text and mentions are stored, the live counts the server search ranks
// by follow, and another client hears of it through NOTIFY; an unchanged index writes nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFolderTeamIndex, type TeamIndex } from '../../src/cli/teamIndex';
import { TeamListener } from '../../src/core/index/pg/listener';
import { DocumentPublisher } from '../../src/core/index/pg/publisher';
import { searchServer } from '../../src/core/index/pg/search';
import { corpus, freshDatabase, query } from './db';

describe('team index: a window publishes its re-indexed documents', () => {
  let url: string;
  let dir: string;
  let alice: TeamIndex;
  let listener: TeamListener;
  let heard: (tables: Set<string>) => void = () => undefined;

  before(async () => {
    url = await freshDatabase();
    dir = corpus();
    alice = await openFolderTeamIndex(url, dir);
    await alice.index.scan();
    const up = new Promise<void>((resolve) => {
      listener = new TeamListener({ url, project: 'default', onChange: (t) => heard(t), onState: (s) => s === 'connected' && resolve() });
    });
    listener.start();
    await up;
  });
  after(async () => {
    await listener.dispose();
    await alice.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes every document once, then only what a re-index changed, and the other client hears of it', async () => {
    const publisher = new DocumentPublisher({ db: () => alice.db, index: async () => alice.index, delayMs: 10 });
    assert.equal(await publisher.publish(), alice.index.documents().length);
    assert.equal(await publisher.publish(), 0, 'nothing changed: nothing written');
    const [top] = await query<{ entity: string; documents: number }>(url, "SELECT entity, documents FROM dossier_entity_counts WHERE project = 'default' ORDER BY mentions DESC, entity LIMIT 1");
    const record = alice.index.getEntity(top.entity);
    assert.ok(record, `${top.entity} is in the window's registry`);
    const source = alice.index.mentionsOf(top.entity)[0].path;

    // The window re-indexes: a colleague's new file naming the same entity appears in the folder.
    fs.copyFileSync(path.join(dir, source), path.join(dir, 'zz-new-report.txt'));
    await alice.index.scan();
    const notified = new Promise<Set<string>>((resolve) => (heard = resolve));
    publisher.schedule();
    assert.ok((await notified).has('documents'), 'the listener hears of the documents');
    await publisher.publish();
    const stored = await query<{ path: string }>(url, "SELECT path FROM dossier_documents WHERE path = 'zz-new-report.txt'");
    assert.equal(stored.length, 1);
    const [after] = await query<{ documents: number }>(url, 'SELECT documents FROM dossier_entity_counts WHERE entity = $1', [top.entity]);
    assert.equal(after.documents, top.documents + 1, 'the live counts follow');
    const hit = (await searchServer(alice.db, record.canonical, { limit: 1 }))[0];
    assert.equal(hit.entity.id, top.entity);
    assert.equal(hit.entity.counts.documents, alice.index.getEntity(top.entity)?.counts.documents);

    // Removed from the folder: removed from the server, and its counts with it.
    fs.rmSync(path.join(dir, 'zz-new-report.txt'));
    await alice.index.scan();
    await publisher.publish();
    const [back] = await query<{ documents: number }>(url, 'SELECT documents FROM dossier_entity_counts WHERE entity = $1', [top.entity]);
    assert.equal(back.documents, top.documents);
    publisher.dispose();
  });
});
