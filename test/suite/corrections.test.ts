// Learning from corrections in the editor: relabelling a mistyped organisation in one article
// retypes a similar name the researcher never touched in another, and the hover card says why.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { Annotation, EntityIndex } from '../../src/core/index/types';
import type { Mention } from '../../src/core/model';
import type { DossierApi } from '../../src/extension/extension';
import { dossier, folder, offsetsOf, openArticle, readyIndex, until } from './navFixture';

const SEEN = 'corrections-seen.txt';
const UNSEEN = 'corrections-unseen.txt';
const FILES: Record<string, string> = {
  [SEEN]: 'The contract went to Marlow Aerospace, and Marlow Aerospace will build the jets.\n',
  [UNSEEN]: 'The contract went to Pennick Aerospace last year.\n',
};

suite('learn: corrections loop', () => {
  let api: DossierApi;
  let index: EntityIndex;
  let relabel: Annotation | undefined;

  const liveAt = (doc: vscode.TextDocument, needle: string): Mention | undefined => {
    const { start } = offsetsOf(doc, needle);
    return api.services.analysis.get(doc.uri)?.analysis.mentions.find((m) => m.start <= start && start < m.end);
  };

  suiteSetup(async () => {
    api = await dossier();
    index = await readyIndex(api);
    for (const [name, text] of Object.entries(FILES)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), name), Buffer.from(text));
    await until('the index to pick up the new articles', () => Object.keys(FILES).every((f) => index.getDocument(f)));
  });

  suiteTeardown(async function () {
    this.timeout(120_000);
    if (relabel) await vscode.commands.executeCommand('dossier.undoAnnotation');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of Object.keys(FILES)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), name));
    // Back to the shipped tagger once the undo has been learned from.
    await until('the tagger to drop the corrections', () => api.services.workspaceIndex.correctionsKey === '', 60_000);
  });

  test('relabelling an organisation in one article retypes a similar unseen one in another', async function () {
    // Adapting, then re-analysing the open articles and rescanning the workspace.
    this.timeout(120_000);
    const unseen = (await openArticle(api, UNSEEN)).document;
    const before = liveAt(unseen, 'Pennick Aerospace');
    assert.equal(before?.text, 'Pennick Aerospace');
    assert.notEqual(before?.type, 'ORG', 'precondition: the shipped engine mistypes the unseen name');

    const seen = (await openArticle(api, SEEN)).document;
    relabel = await vscode.commands.executeCommand<Annotation>('dossier.changeType', { ...offsetsOf(seen, 'Marlow Aerospace'), type: 'ORG' });
    assert.equal(relabel?.kind, 'relabel');

    const after = await until('the unseen article to be retyped', () => {
      const m = liveAt(unseen, 'Pennick Aerospace');
      return m?.type === 'ORG' ? m : undefined;
    }, 60_000);
    assert.deepEqual([after.text, after.source], ['Pennick Aerospace', 'corrections']);
    // The index records it too (what the Entities view and exports read).
    await until('the index to record the retyped mention', () => index.getDocument(UNSEEN)?.mentions.some((m) => m.text === 'Pennick Aerospace' && m.type === 'ORG'));

    await vscode.window.showTextDocument(unseen);
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', unseen.uri, unseen.positionAt(after.start + 1))) as vscode.Hover[];
    const card = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : '')).find((v) => v.includes('Pennick Aerospace'));
    assert.match(card ?? '', /Organisation · \*type from your corrections\*/);

    const cached = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder(), '.dossier', 'cache', 'corrections'));
    assert.equal(cached.filter(([name]) => name === `${api.services.workspaceIndex.correctionsKey}.json`).length, 1, 'the adapted tagger is cached under its key');
  });
});
