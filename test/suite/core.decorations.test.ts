// Highlights as a researcher sees them: per type and provenance, the toggles, rejected
// mentions, and re-analysis after an edit.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension/extension';
import { activateDossier, decorations, decorationsOf, indexedWorkspace, offsetOf, openArticle, setSetting, waitFor } from './coreFixture';

suite('core: decorations', () => {
  let api: DossierApi;
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    api = await activateDossier();
    editor = await openArticle(api, 'harbour-strike.txt');
  });

  teardown(async () => {
    for (const key of ['highlights.enabled', 'highlights.showRejected', 'types.person.enabled', 'types.place.color']) await setSetting(key, undefined);
  });

  test('every decorated range is an analysed mention of the decorated type', async () => {
    const snapshot = await decorations();
    const mentions = api.services.analysis.get(editor.document.uri)?.analysis.mentions ?? [];
    for (const [key, spans] of Object.entries(snapshot)) {
      const [type, provenance] = key.split('.');
      for (const [start, end] of spans) {
        const m = mentions.find((x) => x.start === start && x.end === end);
        assert.ok(m, `${key} ${start}-${end} is a mention`);
        assert.strictEqual(m.type, type);
        assert.strictEqual(m.provenance ?? 'auto', provenance);
      }
    }
  });

  const expected: [string, string][] = [
    ['PLACE.auto', 'Rotterdam'],
    ['PERSON.auto', 'Mark Rutte'],
  ];
  for (const [key, text] of expected) {
    test(`highlights ${text} as ${key}`, async () => {
      const shown = await decorationsOf(editor);
      assert.ok(shown?.[key]?.includes(text), `${key}: ${JSON.stringify(shown?.[key])}`);
    });
  }

  test('dates are highlighted', async () => {
    const shown = await decorationsOf(editor);
    assert.ok((shown?.['DATE.auto'] ?? []).length > 0, JSON.stringify(shown));
  });

  test('Toggle Highlights hides all highlights, and toggling again restores them', async () => {
    const before = await decorations();
    await vscode.commands.executeCommand('dossier.toggleHighlights');
    await waitFor('highlights to disappear', async () => Object.keys(await decorations()).length === 0);
    assert.strictEqual(api.services.config.current.highlightsEnabled, false);
    await vscode.commands.executeCommand('dossier.toggleHighlights');
    const after = await waitFor('highlights to return', async () => {
      const d = await decorations();
      return Object.keys(d).length ? d : undefined;
    });
    assert.deepStrictEqual(after, before);
  });

  test('Toggle Highlights for a Type hides only that type', async () => {
    await vscode.commands.executeCommand('dossier.toggleType', 'PERSON');
    const without = await waitFor('people to disappear', async () => {
      const d = await decorations();
      return !d['PERSON.auto'] && !d['PERSON.confirmed'] ? d : undefined;
    });
    assert.ok(without['PLACE.auto']?.length, 'places stay highlighted');
    await vscode.commands.executeCommand('dossier.toggleType', 'PERSON');
    await waitFor('people to return', async () => (await decorations())['PERSON.auto']?.length);
  });

  test('a colour setting restyles a type and keeps every highlight', async () => {
    const before = await decorations();
    await setSetting('types.place.color', '#ff000040');
    await waitFor('the colour setting', () => api.services.config.current.colors.PLACE === '#ff000040');
    assert.deepStrictEqual(await decorations(), before);
    await setSetting('types.place.color', 'not a colour');
    await waitFor('a bad value to fall back to the theme', () => api.services.config.current.colors.PLACE === undefined);
    assert.deepStrictEqual(await decorations(), before);
  });

  test('confirmed mentions get their own style; rejected ones are hidden or struck through', async () => {
    const index = await indexedWorkspace(api);
    const rutte = offsetOf(editor, 'Mark Rutte');
    const rotterdam = offsetOf(editor, 'Rotterdam');
    await index.annotate({ kind: 'confirm', path: 'harbour-strike.txt', start: rutte, end: rutte + 'Mark Rutte'.length });
    await index.annotate({ kind: 'reject', path: 'harbour-strike.txt', start: rotterdam, end: rotterdam + 'Rotterdam'.length });
    const has = (spans: [number, number][] | undefined, at: number): boolean => (spans ?? []).some(([s]) => s === at);
    try {
      const shown = await waitFor('the annotations to show', async () => {
        const d = await decorations();
        return has(d['PERSON.confirmed'], rutte) && !has(d['PLACE.auto'], rotterdam) ? d : undefined;
      });
      assert.ok(!has(shown['PLACE.rejected'], rotterdam), 'rejected mentions are hidden by default');
      await vscode.commands.executeCommand('dossier.showRejected');
      await waitFor('the rejected mention to be struck through', async () => has((await decorations())['PLACE.rejected'], rotterdam));
    } finally {
      await index.undo();
      await index.undo();
    }
    await waitFor('the undone annotations to disappear', async () => {
      const d = await decorationsOf(editor);
      return d && !d['PERSON.confirmed'] && !d['PLACE.rejected'];
    });
  });

  test('a large document decorates only around the visible range', async () => {
    await setSetting('highlights.largeFileChars', 5000);
    const paragraph = 'Officials in Rotterdam met Mark Rutte on Tuesday to discuss the port.\n\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: paragraph.repeat(400) });
    const big = await vscode.window.showTextDocument(doc);
    try {
      const spans = await waitFor('the large document to be decorated', async () => {
        await api.services.analysis.whenAnalyzed(doc);
        const d = await decorations();
        return d['PLACE.auto']?.length ? d['PLACE.auto'] : undefined;
      }, 60_000);
      const all = api.services.analysis.get(doc.uri)?.analysis.mentions.filter((m) => m.type === 'PLACE') ?? [];
      assert.ok(spans.length < all.length, `${spans.length} of ${all.length} places decorated`);
      const lastVisible = Math.max(...big.visibleRanges.map((r) => r.end.line));
      for (const [start] of spans) assert.ok(doc.positionAt(start).line <= lastVisible + 60, 'only near the viewport');
      // Scrolling to the end decorates the end.
      big.revealRange(new vscode.Range(doc.lineCount - 1, 0, doc.lineCount - 1, 0));
      await waitFor('decorations at the end after scrolling', async () => {
        const d = await decorations();
        return d['PLACE.auto']?.some(([start]) => doc.positionAt(start).line > doc.lineCount - 10);
      });
    } finally {
      await setSetting('highlights.largeFileChars', undefined);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  const tricky: [string, string][] = [
    ['CRLF line endings', 'Flood warning\r\n\r\nOfficials in Berlin said on Monday that the river was rising.\r\n'],
    ['emoji and other astral characters before the name', '🌊🌊 Flood warning 🚨\n\nOfficials in Berlin said on Monday that the river was rising.\n'],
    ['combining accents before the name', 'Cafe\u0301 owners in Montre\u0301al and officials in Berlin said on Monday that the river was rising.\n'],
  ];
  for (const [what, content] of tricky) {
    test(`highlights land exactly on the names with ${what}`, async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
      const scratch = await vscode.window.showTextDocument(doc);
      try {
        const shown = await waitFor('highlights', async () => {
          await api.services.analysis.whenAnalyzed(doc);
          const d = await decorationsOf(scratch);
          return d?.['PLACE.auto']?.includes('Berlin') ? d : undefined;
        });
        const mentions = api.services.analysis.get(doc.uri)?.analysis.mentions ?? [];
        for (const texts of Object.values(shown)) for (const t of texts) assert.ok(mentions.some((m) => m.text === t), `"${t}" is a mention's exact text`);
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });
  }

  test('an edit is re-analysed and highlighted soon after typing stops', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'Nothing here yet.\n' });
    const scratch = await vscode.window.showTextDocument(doc);
    await api.services.analysis.whenAnalyzed(doc);
    await scratch.edit((b) => b.insert(new vscode.Position(1, 0), 'Angela Merkel met Emmanuel Macron in Berlin on Monday.\n'));
    const shown = await waitFor('the new names to be highlighted', async () => {
      const d = await decorationsOf(scratch);
      return d?.['PLACE.auto']?.includes('Berlin') ? d : undefined;
    });
    assert.ok(shown['PERSON.auto']?.some((t) => t.includes('Merkel')), JSON.stringify(shown));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
