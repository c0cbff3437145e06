// In-host tests of who said what: the Quotes view (speakers, file:line, scope, filter, click),
// the quote decoration and its setting, hovers on quotes and speakers, and Search Quotes.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { QuoteTimelineModel } from '../../src/core/corpus/quoteTimeline';
import type { DossierApi } from '../../src/extension/extension';
import type { PanelSnapshot } from '../../src/extension/features/corpusPanel';
import type { TreeSnapshotNode } from '../../src/extension/features/treeSnapshot';
import { activateDossier, indexedWorkspace, offsetOf, openArticle, setSetting, tree, waitFor } from './coreFixture';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function hoverText(editor: vscode.TextEditor, offset: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset))) as vscode.Hover[];
  return hovers.flatMap((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : ''))).join('\n---\n');
}

function speaker(nodes: TreeSnapshotNode[], name: string): TreeSnapshotNode | undefined {
  return nodes.find((n) => n.label === name);
}

suite('Quotes: view, decoration, hover, search', () => {
  let api: DossierApi;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    api = await activateDossier();
    await indexedWorkspace(api);
    editor = await openArticle(api, 'water-summit.md');
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('dossier.quotes.scope', 'workspace');
    await vscode.commands.executeCommand('dossier.quotes.filter', '');
    await setSetting('quotes.highlight', undefined);
  });

  test('the Quotes view lists speakers across the workspace, each quote with file:line, and a click opens it', async () => {
    await vscode.commands.executeCommand('dossier.quotes.scope', 'workspace');
    const nodes = await waitFor('the Quotes view to list Amina Diallo', async () => {
      const t = await tree('dossier.quotes', 2);
      return speaker(t, 'Amina Diallo') ? t : undefined;
    });
    const diallo = speaker(nodes, 'Amina Diallo')!;
    const quote = diallo.children?.find((c) => /ends the era of guessing/.test(c.label));
    assert.ok(quote, JSON.stringify(diallo.children?.map((c) => c.label)));
    const line = editor.document.positionAt(offsetOf(editor, 'the deal "ends the era')).line + 1;
    assert.strictEqual(quote.description, `water-summit.md:${line}`);
    assert.strictEqual(quote.command?.command, 'dossier.openMention');
    await vscode.commands.executeCommand(quote.command.command, ...(quote.command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.match(active.document.getText(active.selection), /^the deal "ends the era of guessing/);
    const files = new Set(nodes.flatMap((n) => n.children ?? []).map((c) => c.description?.split(':')[0]));
    assert.ok(files.size >= 2, `quotes from several articles: ${[...files].join(', ')}`);
  });

  test('the filter keeps matching speakers or words; document scope shows only this article', async () => {
    await vscode.commands.executeCommand('dossier.quotes.filter', 'diallo');
    const filtered = await tree('dossier.quotes', 1);
    assert.deepStrictEqual(filtered.map((n) => n.label), ['Amina Diallo']);
    await vscode.commands.executeCommand('dossier.quotes.filter', 'era of guessing');
    assert.deepStrictEqual((await tree('dossier.quotes', 1)).map((n) => n.label), ['Amina Diallo']);
    await vscode.commands.executeCommand('dossier.quotes.filter', '');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('dossier.quotes.scope', 'document');
    const here = await tree('dossier.quotes', 2);
    const files = new Set(here.flatMap((n) => n.children ?? []).map((c) => c.description?.split(':')[0]));
    assert.deepStrictEqual([...files], ['water-summit.md']);
    assert.ok(speaker(here, 'Amina Diallo'));
    await vscode.commands.executeCommand('dossier.quotes.scope', 'workspace');
  });

  test('quotes are decorated, and dossier.quotes.highlight turns it off', async () => {
    editor = await vscode.window.showTextDocument(editor.document);
    const spans = await waitFor('quote decorations', async () => {
      const s = (await vscode.commands.executeCommand('dossier._test.quoteDecorations')) as [number, number][];
      return s.length ? s : undefined;
    });
    const text = editor.document.getText();
    assert.ok(spans.some(([s, e]) => /ends the era of guessing/.test(text.slice(s, e))));
    await setSetting('quotes.highlight', false);
    await waitFor('no quote decorations', async () => ((await vscode.commands.executeCommand('dossier._test.quoteDecorations')) as unknown[]).length === 0 || undefined);
    await setSetting('quotes.highlight', undefined);
  });

  test('hovering a quote shows its speaker’s card; hovering the speaker shows "Quotes: N" with the first one', async () => {
    const onQuote = await hoverText(editor, offsetOf(editor, 'ends the era of guessing') + 3);
    assert.match(onQuote, /\*\*Amina Diallo\*\* · Person/);
    assert.match(onQuote, /mixed quote/);
    const onName = await hoverText(editor, offsetOf(editor, 'Amina Diallo') + 2);
    assert.match(onName, /\*\*Amina Diallo\*\* · Person/);
    assert.match(onName, /Quotes: [1-9]\d* · “/);
  });

  test('Search Quotes: fuzzy words find the quote, Enter opens it', async () => {
    const result = vscode.commands.executeCommand<{ path: string } | undefined>('dossier.searchQuotes', { query: 'era of gessing' });
    await sleep(600); // the pick opens with its results
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const place = await result;
    assert.strictEqual(place?.path, 'water-summit.md');
    const active = vscode.window.activeTextEditor!;
    assert.match(active.document.getText(active.selection), /ends the era of guessing/);
  });

  test('Search Quotes: a speaker’s name finds their quotes', async () => {
    const result = vscode.commands.executeCommand<{ speakerName: string } | undefined>('dossier.searchQuotes', { query: 'amina dialo' });
    await sleep(600);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.strictEqual((await result)?.speakerName, 'Amina Diallo');
  });

  test('the timeline shows quotes as events with its toggle: dated by their sentence, else the document date', async () => {
    const shot = async (): Promise<PanelSnapshot | undefined> => (await vscode.commands.executeCommand('dossier._test.corpusView', 'timeline')) as PanelSnapshot | undefined;
    const model = async (): Promise<QuoteTimelineModel | undefined> => (await shot())?.posted?.model as QuoteTimelineModel | undefined;
    await vscode.commands.executeCommand('dossier.showTimeline');
    const off = await waitFor('the timeline without quotes', async () => ((await shot())?.rendered && (await model())?.quoteCount ? model() : undefined));
    assert.deepStrictEqual([off.showQuotes, off.quotes.length], [false, 0]);
    const dates = off.events.length;
    // The webview's "quotes" checkbox posts this message.
    await vscode.commands.executeCommand('dossier._test.corpusViewMessage', 'timeline', { type: 'options', options: { quotes: true } });
    const on = await waitFor('quotes on the timeline', async () => ((await model())?.showQuotes ? model() : undefined));
    const diallo = on.quotes.find((q) => /ends the era of guessing/.test(q.text));
    assert.ok(diallo, JSON.stringify(on.quotes.map((q) => q.text)));
    assert.deepStrictEqual([diallo.speakerName, diallo.at.path, diallo.dateFrom, diallo.value], ['Amina Diallo', 'water-summit.md', 'document', '2023-06-09']);
    assert.ok(on.quotes.some((q) => q.dateFrom === 'sentence'), 'a quote whose sentence names a day is placed on that day');
    await waitFor('the webview to draw the quotes', async () => (await shot())?.rendered?.marks === dates + on.quotes.length || undefined);
    await vscode.commands.executeCommand('dossier._test.corpusViewMessage', 'timeline', { type: 'options', options: { quotes: false } });
    await waitFor('the quotes to go again', async () => ((await model())?.showQuotes === false && (await shot())?.rendered?.marks === dates) || undefined);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
