// The index under a random sequence of reopenings (trust flips), renames, deletes and edits in
// the real extension, none waited for: afterwards the index must equal a fresh scan (a reopened
// index built from the files), and hold exactly the files on disk with their current text.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension/extension';
import type { EntityIndex } from '../../src/core/index/types';
import { seeded } from '../../src/core/engine/tagger/train';
import { activateDossier, indexedWorkspace, sampleUri, waitFor } from './coreFixture';

const FOLDER = 'stress';
const SENTENCES = [
  'Ingrid Halvorsen met the Nordic Shipping Council in Bergen on Tuesday.',
  'Tomasz Wielgosz of the Baltic Grain Authority spoke in Gdansk.',
  'The committee adjourned without a vote.',
  'Agnieszka Rutkowska, mayor of Gdansk, opened the terminal in March.',
];

function snapshot(index: EntityIndex): string {
  const docs = index.documents().filter((p) => p.startsWith(`${FOLDER}/`));
  return JSON.stringify(docs.map((p) => {
    const d = index.getDocument(p);
    return { p, error: d?.analysisError, mentions: d?.mentions.map((m) => `${m.start}-${m.end}:${m.entity}:${m.provenance}`) };
  }));
}

function onDisk(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) out.set(`${FOLDER}/${n}`, fs.readFileSync(path.join(dir, n), 'utf8'));
  return out;
}

suite('stress: random reopen, trust, rename, delete and edit in the editor', () => {
  let api: DossierApi;
  const dir = () => sampleUri(FOLDER).fsPath;

  suiteSetup(async () => {
    api = await activateDossier();
    await indexedWorkspace(api);
  });

  suiteTeardown(async () => {
    api.services.trust.simulateUntrusted(false);
    fs.rmSync(dir(), { recursive: true, force: true });
    await waitFor('the stress folder to leave the index', async () => {
      const index = await api.services.index;
      return index && !api.services.workspaceIndex.progress && !index.documents().some((p) => p.startsWith(`${FOLDER}/`)) ? true : undefined;
    }, 60_000);
  });

  test('after 16 random steps the index equals a fresh scan of the files', async function () {
    this.timeout(240_000);
    const rnd = seeded(20261202);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const text = () => `${pick(SENTENCES)}\n\n${pick(SENTENCES)}\n`;
    fs.mkdirSync(dir(), { recursive: true });
    for (const n of ['a.txt', 'b.txt', 'c.md']) fs.writeFileSync(path.join(dir(), n), text());
    await waitFor('the stress files indexed', async () => (await api.services.index)?.documents().filter((p) => p.startsWith(`${FOLDER}/`)).length === 3, 60_000);
    let fresh = 0;
    const steps: string[] = [];
    for (let k = 0; k < 16; k++) {
      const files = [...onDisk(dir()).keys()].map((p) => p.slice(FOLDER.length + 1));
      const op = files.length ? pick(['edit', 'edit', 'rename', 'delete', 'trust', 'create']) : 'create';
      steps.push(op);
      if (op === 'edit') fs.writeFileSync(path.join(dir(), pick(files)), text());
      else if (op === 'create') fs.writeFileSync(path.join(dir(), `new-${++fresh}.txt`), text());
      else if (op === 'delete') await vscode.workspace.fs.delete(vscode.Uri.file(path.join(dir(), pick(files))));
      else if (op === 'rename') {
        const edit = new vscode.WorkspaceEdit();
        edit.renameFile(vscode.Uri.file(path.join(dir(), pick(files))), vscode.Uri.file(path.join(dir(), `renamed-${++fresh}.md`)));
        await vscode.workspace.applyEdit(edit);
      } else api.services.trust.simulateUntrusted(rnd() < 0.5); // each flip reopens the index
      await new Promise((r) => setTimeout(r, Math.floor(rnd() * 300)));
    }
    api.services.trust.simulateUntrusted(false);
    const files = onDisk(dir());
    // The index settles on exactly the files on disk, each with its current text…
    const live = await waitFor(`the index to hold the files on disk after ${steps.join(', ')}`, async () => {
      const index = await api.services.index;
      if (!index || api.services.workspaceIndex.progress) return undefined;
      const docs = index.documents().filter((p) => p.startsWith(`${FOLDER}/`));
      const same = docs.length === files.size && docs.every((p) => files.get(p) === index.getText(p) && index.getDocument(p)?.analysisError === undefined);
      return same ? snapshot(index) : undefined;
    }, 90_000);
    // …and equals a fresh scan: the index reopened (two trust flips) and rebuilt from the files.
    const before = await api.services.index;
    api.services.trust.simulateUntrusted(true);
    api.services.trust.simulateUntrusted(false);
    const rebuilt = await waitFor('the reopened index to scan the stress files', async () => {
      const index = await api.services.index;
      if (!index || index === before || api.services.workspaceIndex.progress) return undefined;
      return index.documents().filter((p) => p.startsWith(`${FOLDER}/`)).length === files.size ? snapshot(index) : undefined;
    }, 90_000);
    assert.strictEqual(live, rebuilt, `after ${steps.join(', ')}`);
  });
});
