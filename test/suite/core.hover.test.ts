// Hover cards through VS Code's own hover command: content, the trusted command list, other
// documents, notes, and what untrusted workspaces and hostile text get.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension/extension';
import { activateDossier, indexedWorkspace, offsetOf, openArticle, waitFor } from './coreFixture';

async function hoverAt(editor: vscode.TextEditor, offset: number): Promise<{ value: string; trusted: vscode.MarkdownString['isTrusted'] } | undefined> {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset))) as vscode.Hover[];
  for (const h of hovers) {
    for (const c of h.contents) {
      if (c instanceof vscode.MarkdownString && c.value.includes('·')) return { value: c.value, trusted: c.isTrusted };
    }
  }
  return undefined;
}

suite('core: hover', () => {
  let api: DossierApi;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    api = await activateDossier();
    await indexedWorkspace(api);
    editor = await openArticle(api, 'water-summit.md');
  });

  teardown(() => vscode.commands.executeCommand('dossier._test.simulateUntrusted', false));

  const cases: [string, string, RegExp[]][] = [
    ['a place', 'Mekong', [/\*\*Mekong\*\* · Place/]],
    ['a country', 'Germany', [/Place: country · Germany \(DE\) · 51° N, 9° E/]],
    ['a person', 'Amina Diallo', [/Amina Diallo\*\* · Person/, /mentions? in this document/]],
    ['a relative date', 'yesterday', [/· Date/, /2023-06-08/, /Thursday/, /1 day before the document date/]],
  ];
  for (const [what, text, patterns] of cases) {
    test(`hovering ${what} shows its card`, async () => {
      const card = await hoverAt(editor, offsetOf(editor, text) + 1);
      assert.ok(card, `a Dossier hover on "${text}"`);
      for (const p of patterns) assert.match(card.value, p);
    });
  }

  test('no card off a mention', async () => {
    const card = await hoverAt(editor, offsetOf(editor, 'agreement covers') + 2);
    assert.strictEqual(card, undefined);
  });

  test('actions are command links to Dossier commands only', async () => {
    const card = await hoverAt(editor, offsetOf(editor, 'Amina Diallo') + 1);
    assert.ok(card);
    for (const id of ['dossier.confirm', 'dossier.reject', 'dossier.changeType', 'dossier.addNote', 'dossier.showAllMentions']) {
      assert.ok(card.value.includes(`command:${id}?`), `${id} link`);
    }
    const commands = [...card.value.matchAll(/command:([\w.]+)/g)].map((m) => m[1]);
    assert.ok(commands.every((c) => c.startsWith('dossier.')), commands.join(', '));
    assert.ok(typeof card.trusted === 'object' && card.trusted.enabledCommands.every((c) => c.startsWith('dossier.')));
  });

  test('a name found in other documents links to them', async () => {
    // The Danube also floods in flood-relief.md.
    const card = await waitFor('the card to list another document', async () => {
      const c = await hoverAt(editor, offsetOf(editor, 'Danube') + 1);
      return c?.value.includes('flood\\-relief') ? c : undefined;
    });
    assert.match(card.value, /Also in:/);
    assert.match(card.value, /command:dossier\.openMention\?/);
  });

  test('untrusted workspaces get no command links at all', async () => {
    await vscode.commands.executeCommand('dossier._test.simulateUntrusted', true);
    const card = await hoverAt(editor, offsetOf(editor, 'Amina Diallo') + 1);
    assert.ok(card);
    assert.doesNotMatch(card.value, /command:/);
    assert.strictEqual(card.trusted, false);
  });

  test('hostile note text stays inert', async () => {
    const index = await indexedWorkspace(api);
    const at = offsetOf(editor, 'Amina Diallo');
    const mention = index.mentionAt('water-summit.md', at);
    assert.ok(mention, 'Amina Diallo is indexed');
    const hostile = '[click me](command:workbench.action.closeWindow) <img src=x onerror=alert(1)> **bold**';
    await index.annotate({ kind: 'note', entity: mention.entity, note: hostile });
    try {
      const card = await waitFor('the note to show', async () => {
        const c = await hoverAt(editor, at + 1);
        return c?.value.includes('click me') ? c : undefined;
      });
      assert.doesNotMatch(card.value, /\]\(command:workbench/);
      assert.doesNotMatch(card.value, /(?<!\\)<img/);
      assert.doesNotMatch(card.value, /\*\*bold\*\*/);
    } finally {
      await index.undo();
    }
  });
});
