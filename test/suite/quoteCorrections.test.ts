// In-host tests of quote corrections: Change Speaker… and Not a Quote reach the editor, the hover,
// the light bulb and the Quotes view at once, a correction survives an edit above the quote,
// and Undo Last Annotation takes each back.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { Annotation, EntityIndex } from '../../src/core/index/types';
import type { Quote } from '../../src/core/model';
import type { DossierApi } from '../../src/extension/extension';
import { activateDossier, indexedWorkspace, offsetOf, openArticle, tree, waitFor } from './coreFixture';

const FILE = 'harbour-strike.txt';
const QUOTE = 'We asked for a written promise';

async function hoverText(editor: vscode.TextEditor, offset: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset))) as vscode.Hover[];
  return hovers.flatMap((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : ''))).join('\n---\n');
}

suite('Quotes: corrections (Change Speaker, Not a Quote)', () => {
  let api: DossierApi;
  let index: EntityIndex;
  let editor: vscode.TextEditor;
  /** The editor's live quote containing `words`: what decorations, hover and the view read. */
  const live = (words: string): Quote | undefined => {
    const at = offsetOf(editor, words);
    return api.services.analysis.get(editor.document.uri)?.analysis.quotes?.find((q) => q.start <= at && at < q.end);
  };

  suiteSetup(async function () {
    // The first suite to run waits for the first scan of the workspace: slow on a busy machine.
    this.timeout(180_000);
    api = await activateDossier();
    index = await indexedWorkspace(api);
    editor = await openArticle(api, FILE);
  });
  suiteTeardown(async () => {
    if (!editor) return;
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the light bulb and the hover on a quote offer both corrections', async () => {
    const at = offsetOf(editor, QUOTE) + 5;
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at)))) as vscode.CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Dossier: Change the speaker of this quote…'), titles.join('\n'));
    assert.ok(titles.includes('Dossier: This is not a quote'), titles.join('\n'));
    const hover = await hoverText(editor, at);
    assert.match(hover, /\[Change speaker\]\(command:dossier\.changeSpeaker\?/);
    assert.match(hover, /\[Not a quote\]\(command:dossier\.notQuote\?/);
  });

  test('Change Speaker applies at once (editor, hover, Quotes view) and survives an edit above the quote; undo takes it back', async () => {
    assert.strictEqual(live(QUOTE)?.speaker, 'person:marieke-de-vries');
    const at = offsetOf(editor, QUOTE) + 5;
    const a = await vscode.commands.executeCommand<Annotation>('dossier.changeSpeaker', { uri: editor.document.uri.toString(), start: at, end: at, speaker: 'org:hutchison-ports' });
    assert.strictEqual(a?.kind, 'speaker');
    await waitFor('the editor to attribute the quote to Hutchison Ports', () => live(QUOTE)?.speaker === 'org:hutchison-ports');
    assert.match(await hoverText(editor, offsetOf(editor, QUOTE) + 5), /\*\*Hutchison Ports\*\* · Organisation/);
    await waitFor('the Quotes view to list the quote under Hutchison Ports, marked corrected', async () => {
      const nodes = await tree('dossier.quotes', 2);
      return nodes.find((n) => n.label === 'Hutchison Ports')?.children?.some((c) => c.label.includes(QUOTE) && c.description?.endsWith(' · corrected'));
    });

    // An edit above the quote: the correction follows the text.
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'UPDATE: talks resume on Thursday.\n\n'));
    await waitFor('re-analysis after the edit', async () => {
      const current = await api.services.analysis.whenAnalyzed(editor.document);
      return current && !current.stale && current.version === editor.document.version;
    });
    await waitFor('the moved quote to keep its corrected speaker', () => live(QUOTE)?.speaker === 'org:hutchison-ports');
    const start = offsetOf(editor, QUOTE) - 1;
    assert.strictEqual(index.quoteAt(FILE, start + 5)?.speaker, 'org:hutchison-ports');
    const stored = index.annotations().find((x) => x.id === a.id);
    assert.strictEqual(stored?.target?.selector[1].start, start, 'the stored anchor moved with the quote');
    assert.deepStrictEqual(index.orphans(), []);

    const undone = await vscode.commands.executeCommand<Annotation>('dossier.undoAnnotation');
    assert.strictEqual(undone?.id, a.id);
    await waitFor('the engine’s speaker to come back', () => live(QUOTE)?.speaker === 'person:marieke-de-vries');
  });

  test('Not a Quote removes the quote from the editor and the Quotes view; undo brings it back', async () => {
    const words = 'remained open to mediation';
    const at = offsetOf(editor, words);
    assert.ok(live(words), 'the engine finds the reported speech');
    const a = await vscode.commands.executeCommand<Annotation>('dossier.notQuote', { uri: editor.document.uri.toString(), start: at, end: at });
    assert.strictEqual(a?.kind, 'notQuote');
    await waitFor('the quote to leave the editor', () => !live(words));
    await waitFor('the quote to leave the Quotes view', async () => {
      const nodes = await tree('dossier.quotes', 2);
      return nodes.length > 0 && !nodes.some((n) => n.children?.some((c) => c.label.includes(words)));
    });
    await vscode.commands.executeCommand('dossier.undoAnnotation');
    await waitFor('the quote to come back', () => live(words));
  });
});
