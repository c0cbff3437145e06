// The team index in a real window: the extension connects to the test cluster ($DOSSIER_TEST_DB,
// started by `node scripts/test.mjs --host`), a colleague's annotation (a second client: a core
// PgIndexStore) arrives in the window through LISTEN/NOTIFY and shows in the index and the hover,
// and an annotation made in the window reaches the server with its author.
import * as assert from 'node:assert';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { PgIndexStore } from '../../src/core/index/pg/pgStore';
import { TeamDb } from '../../src/core/index/pg/teamDb';
import type { Annotation, EntityIndex } from '../../src/core/index/types';
import type { DossierApi } from '../../src/extension/extension';
import { createDatabase } from '../server/pgDatabase';
import { activateDossier, indexedWorkspace, sampleUri, waitFor } from './coreFixture';

interface TeamProbe {
  enabled: boolean;
  state: string;
  queued: number;
  text: string;
}
const probe = async (): Promise<TeamProbe> => (await vscode.commands.executeCommand('dossier._test.team')) as TeamProbe;

suite('team index: the window on PostgreSQL', function () {
  this.timeout(120_000);
  let api: DossierApi;
  let url: string;
  let colleague: TeamDb;

  suiteSetup(async () => {
    const admin = process.env.DOSSIER_TEST_DB;
    assert.ok(admin, 'DOSSIER_TEST_DB is not set: run the in-host suite with `node scripts/test.mjs --host`, which starts a PostgreSQL cluster');
    api = await activateDossier();
    url = await createDatabase(admin, `dossier_host_${process.pid}_${Date.now()}`);
    colleague = await TeamDb.open(url);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('dossier.team.disconnect');
    await vscode.workspace.getConfiguration('dossier.server').update('url', undefined, vscode.ConfigurationTarget.Workspace);
    await colleague?.close();
  });

  const connectedIndex = async (): Promise<EntityIndex> => {
    await waitFor('the status bar to say connected', async () => (await probe()).state === 'connected', 60_000);
    return indexedWorkspace(api);
  };

  test('Connect to Team Index switches the workspace to the server: the status bar says so', async () => {
    const u = new URL(url);
    const ok = await vscode.commands.executeCommand('dossier.team.connect', { url: `postgres://${u.host}${u.pathname}`, user: u.username || 'postgres', password: '' });
    assert.strictEqual(ok, true);
    assert.ok(!vscode.workspace.getConfiguration('dossier.server').get<string>('url')?.includes(':@'), 'no password in the settings');
    await connectedIndex();
    const p = await probe();
    assert.ok(p.enabled);
    assert.match(p.text, /Team index/);
  });

  test("a colleague's note arrives through NOTIFY: in the index and in the hover, without a reload", async () => {
    const index = await connectedIndex();
    const entity = index.entities().find((e) => e.type === 'PERSON' && e.counts.mentions > 0);
    assert.ok(entity, 'the samples name a person');
    const text = `checked with the registry office ${randomUUID().slice(0, 8)}`;
    const note: Annotation = {
      id: `urn:uuid:${randomUUID()}`, kind: 'note', author: 'colleague', created: new Date().toISOString(), body: { entity: entity.id, note: text },
    } as Annotation;
    await new PgIndexStore(colleague).saveAnnotations((stored) => ({ items: [...stored.items, note], unreadable: stored.unreadable }));
    const arrived = await waitFor('the note in the window', async () => {
      const i = await api.services.index;
      return i?.getEntity(entity.id)?.notes?.find((n) => n.text === text);
    }, 10_000);
    assert.strictEqual(arrived.author, 'colleague');
    // What the researcher sees: the hover over the entity's mention shows the colleague's note.
    const at = (await api.services.index)?.mentionsOf(entity.id)[0];
    assert.ok(at, 'the entity has a mention');
    const doc = await vscode.workspace.openTextDocument(sampleUri(at.path));
    await vscode.window.showTextDocument(doc, { preview: false });
    const hoverText = await waitFor('the hover to show the note', async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(at.line, at.character + 1))) ?? [];
      const all = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return all.includes(text) ? all : undefined;
    }, 10_000);
    assert.ok(hoverText.includes(text));
  });

  test('an annotation made in the window reaches the server with its author', async () => {
    const index = await connectedIndex();
    const entity = index.entities().find((e) => e.type === 'ORG') ?? index.entities()[0];
    const text = `from the window ${randomUUID().slice(0, 8)}`;
    const made = await index.annotate({ kind: 'note', entity: entity.id, note: text });
    assert.ok(made.author, 'the window has an author');
    const row = await waitFor('the note on the server', async () => {
      const r = await colleague.pool.query<{ author: string; annotation: Annotation }>("SELECT author, annotation FROM dossier_annotations WHERE project = 'default' AND id = $1", [made.id]);
      return r.rows[0];
    }, 15_000);
    assert.strictEqual(row.author, made.author);
    assert.strictEqual(row.annotation.body.note, text);
    assert.ok(!(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(sampleUri('.dossier'), 'annotations.json')).then((b) => Buffer.from(b).toString(), () => '')).includes(text),
      'the note went to the server, not to .dossier/annotations.json');
  });

  test('Disconnect returns the workspace to its .dossier/ files', async () => {
    await vscode.commands.executeCommand('dossier.team.disconnect');
    await waitFor('the team status to go', async () => !(await probe()).enabled);
    const index = await indexedWorkspace(api);
    assert.ok(index.documents().length > 0);
  });
});
