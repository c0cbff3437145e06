// In-host tests of the corpus views: each command opens its webview panel, the webview really
// renders (it reports what it drew), the model posted matches the samples and the index, a
// click opens the article at the mention, filters round-trip and index changes reach the view.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { buildLinkChart } from '../../src/core/corpus/linkChart';
import { buildPlaceMap } from '../../src/core/corpus/placeMap';
import { buildQuoteTimeline } from '../../src/core/corpus/quoteTimeline';
import type { EntityIndex } from '../../src/core/index/types';
import type { DossierApi } from '../../src/extension/extension';
import type { PanelSnapshot } from '../../src/extension/features/corpusPanel';
import type { CorpusModels, CorpusViewKind } from '../../src/webview/protocol';
import { activateDossier, indexedWorkspace, sampleUri, waitFor } from './coreFixture';

async function snapshot(kind: CorpusViewKind): Promise<PanelSnapshot | undefined> {
  return (await vscode.commands.executeCommand('dossier._test.corpusView', kind)) as PanelSnapshot | undefined;
}

/** Runs the command and waits until the webview has drawn the model the host posted. */
async function openView<K extends CorpusViewKind>(command: string, kind: K, expected: () => CorpusModels[K]): Promise<{ model: CorpusModels[K]; shot: PanelSnapshot }> {
  await vscode.commands.executeCommand(command);
  const shot = await waitFor(`the ${kind} panel to post a model the webview rendered`, async () => {
    const s = await snapshot(kind);
    return s?.posted?.model && s.rendered && JSON.stringify(s.posted.model) === JSON.stringify(expected()) ? s : undefined;
  });
  return { model: shot.posted!.model as CorpusModels[K], shot };
}

async function send(kind: CorpusViewKind, message: unknown): Promise<void> {
  assert.ok(await vscode.commands.executeCommand('dossier._test.corpusViewMessage', kind, message), `the ${kind} panel is open`);
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('views: timeline, link chart, map', () => {
  let api: DossierApi;
  let index: EntityIndex;

  suiteSetup(async () => {
    api = await activateDossier();
    index = await indexedWorkspace(api);
  });
  suiteTeardown(closeEditors);

  test('every panel has a strict CSP: no inline script, a nonce, no unsafe-inline', async () => {
    await vscode.commands.executeCommand('dossier.showTimeline');
    const shot = await waitFor('the timeline panel', () => snapshot('timeline'));
    assert.match(shot.html, /default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(shot.html)?.[1];
    assert.ok(nonce, 'the script source is a nonce');
    assert.doesNotMatch(shot.html, /unsafe-inline|unsafe-eval|\son\w+=/);
    assert.deepStrictEqual([...shot.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0].includes(`nonce="${nonce}"`) && / src="/.test(m[0])), [true]);
    await closeEditors();
  });

  test('Show Timeline: dated events of the samples, in order, with sentence and related entities', async () => {
    const { model, shot } = await openView('dossier.showTimeline', 'timeline', () => buildQuoteTimeline(index));
    assert.strictEqual(shot.rendered?.marks, model.events.length, 'one mark per event');
    const dateline = model.events.find((e) => e.at.path === 'harbour-strike.txt' && e.value === '2023-03-14');
    assert.ok(dateline, 'the Rotterdam dateline date is on the timeline');
    assert.strictEqual(dateline.precision, 'day');
    assert.match(dateline.sentence, /ROTTERDAM/);
    assert.ok(dateline.related.some((r) => r.label === 'Rotterdam'), JSON.stringify(dateline.related));
    const starts = model.events.map((e) => e.start);
    assert.deepStrictEqual(starts, [...starts].sort(), 'sorted by date');
    assert.ok(new Set(model.events.map((e) => e.at.path)).size >= 3, 'events from several articles');
    await closeEditors();
  });

  test('Show Link Chart: who appears with whom, with evidence; filters round-trip', async () => {
    const { model, shot } = await openView('dossier.showLinkChart', 'linkChart', () => buildLinkChart(index, {}));
    assert.strictEqual(shot.rendered?.marks, model.nodes.length, 'one circle per node');
    const id = (label: string): string | undefined => model.nodes.find((n) => n.label === label)?.id;
    const diallo = id('Amina Diallo');
    const wmo = id('World Meteorological Organization');
    assert.ok(diallo && wmo, `nodes: ${model.nodes.map((n) => n.label).join(', ')}`);
    const edge = model.edges.find((e) => [e.source, e.target].sort().join() === [diallo, wmo].sort().join());
    assert.ok(edge, 'Amina Diallo and the WMO are named together');
    assert.ok(edge.documents.includes('water-summit.md') && edge.evidence.every((l) => edge.documents.includes(l.path)));
    assert.ok(model.nodes.every((n) => n.type !== 'DATE'));

    await send('linkChart', { type: 'options', options: { types: ['PLACE'], scope: 'paragraph' } });
    const places = await waitFor('the places-only chart', async () => {
      const s = await snapshot('linkChart');
      const m = s?.posted?.model as CorpusModels['linkChart'] | undefined;
      return m?.options.scope === 'paragraph' ? m : undefined;
    });
    assert.deepStrictEqual(places.options.types, ['PLACE']);
    assert.ok(places.nodes.length > 0 && places.nodes.every((n) => n.type === 'PLACE'));
    await closeEditors();
  });

  test('Show Map of Places: places with coordinates and their documents', async () => {
    const { model, shot } = await openView('dossier.showMap', 'placeMap', () => buildPlaceMap(index));
    assert.strictEqual(shot.rendered?.marks, model.places.length, 'one circle per place');
    const rotterdam = model.places.find((p) => p.label === 'Rotterdam');
    assert.ok(rotterdam, `places: ${model.places.map((p) => p.label).join(', ')}`);
    assert.ok(Math.abs(rotterdam.lat - 51.92) < 0.5 && Math.abs(rotterdam.lon - 4.48) < 0.5, `${rotterdam.lat}, ${rotterdam.lon}`);
    assert.deepStrictEqual(rotterdam.documents.map((d) => d.path), ['harbour-strike.txt']);
    const budapest = model.places.find((p) => p.label === 'Budapest');
    assert.deepStrictEqual(budapest?.documents.map((d) => d.path), ['flood-relief.md']);
    assert.strictEqual(shot.rendered?.items, model.places.length + model.unlocated.length, 'places without coordinates are listed too');
  });

  test('clicking an item opens the article with the mention selected', async () => {
    const s = await snapshot('placeMap');
    const at = (s?.posted?.model as CorpusModels['placeMap']).places.find((p) => p.label === 'Rotterdam')!.documents[0].at;
    await send('placeMap', { type: 'open', ...at });
    const editor = await waitFor('the article to open', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === sampleUri('harbour-strike.txt').toString() ? e : undefined;
    });
    assert.strictEqual(editor.document.getText(editor.selection), 'Rotterdam');
    assert.strictEqual(editor.selection.start.line, at.line);
    // Bad input from a webview is refused, not obeyed: nothing outside the workspace opens.
    await send('placeMap', { type: 'open', path: '../../etc/passwd', start: 0, end: 4 });
    await send('placeMap', { type: 'open', path: 42 });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), sampleUri('harbour-strike.txt').toString());
    await closeEditors();
  });

  test('from the Entities view: a timeline and a link chart narrowed to one entity', async () => {
    const rotterdam = index.entities().find((e) => e.type === 'PLACE' && e.canonical === 'Rotterdam');
    assert.ok(rotterdam);
    // The Entities view passes its tree node, which carries the entity id.
    await vscode.commands.executeCommand('dossier.showTimeline', { kind: 'entity', entity: rotterdam.id });
    const timeline = await waitFor('the focused timeline', async () => {
      const m = (await snapshot('timeline'))?.posted?.model as CorpusModels['timeline'] | undefined;
      return m?.focus ? m : undefined;
    });
    assert.strictEqual(timeline.focus?.label, 'Rotterdam');
    assert.ok(timeline.events.length > 0 && timeline.events.every((e) => e.related.some((r) => r.id === rotterdam.id)));
    await vscode.commands.executeCommand('dossier.showLinkChart', rotterdam.id);
    const chart = await waitFor('the focused link chart', async () => {
      const m = (await snapshot('linkChart'))?.posted?.model as CorpusModels['linkChart'] | undefined;
      return m?.options.focus ? m : undefined;
    });
    assert.strictEqual(chart.nodes[0].id, rotterdam.id, 'the focused entity comes first');
    assert.ok(chart.edges.some((e) => e.source === rotterdam.id || e.target === rotterdam.id));
    assert.ok(chart.nodes.length < buildLinkChart(index).nodes.length, 'fewer entities than the whole chart');
    // "Show all" in the view clears the focus (the timeline is behind the chart: bring it back).
    await vscode.commands.executeCommand('dossier.showTimeline');
    await send('timeline', { type: 'options', options: {} });
    await waitFor('the whole timeline again', async () => {
      const m = (await snapshot('timeline'))?.posted?.model as CorpusModels['timeline'] | undefined;
      return m && !m.focus && m.events.length === buildQuoteTimeline(index).events.length;
    });
    await closeEditors();
  });

  test('after a window reload: a restored panel comes back with the options its webview saved', async () => {
    await closeEditors();
    const rotterdam = index.entities().find((e) => e.type === 'PLACE' && e.canonical === 'Rotterdam');
    assert.ok(rotterdam);
    // What VS Code hands the serializer: the state the webview saved with setState, or junk.
    const cases: { kind: CorpusViewKind; viewType: string; state: unknown; options: unknown; expected: () => unknown }[] = [
      { kind: 'timeline', viewType: 'dossier.timeline', state: { hostOptions: { entity: rotterdam.id }, hidden: ['month'] }, options: { entity: rotterdam.id }, expected: () => buildQuoteTimeline(index, { entity: rotterdam.id }) },
      { kind: 'linkChart', viewType: 'dossier.linkChart', state: { hostOptions: { types: ['PLACE'], scope: 'paragraph' } }, options: { types: ['PLACE'], scope: 'paragraph' }, expected: () => buildLinkChart(index, { types: ['PLACE'], scope: 'paragraph' }) },
      { kind: 'placeMap', viewType: 'dossier.placeMap', state: 'not an object', options: undefined, expected: () => buildPlaceMap(index) },
      { kind: 'timeline', viewType: 'dossier.timeline', state: { hostOptions: 42 }, options: undefined, expected: () => buildQuoteTimeline(index) },
    ];
    for (const c of cases) {
      // A bare panel, as VS Code recreates it: no scripts, no HTML until the serializer runs.
      const panel = vscode.window.createWebviewPanel(c.viewType, 'restored', vscode.ViewColumn.One, {});
      assert.ok(await vscode.commands.executeCommand('dossier._test.corpusViewRestore', c.kind, panel, c.state), `the ${c.kind} serializer ran`);
      const shot = await waitFor(`the restored ${c.kind} panel to render`, async () => {
        const s = await snapshot(c.kind);
        return s?.rendered && s.posted?.model && JSON.stringify(s.posted.model) === JSON.stringify(c.expected()) ? s : undefined;
      });
      assert.deepStrictEqual(shot.options, c.options, `${c.kind}: the saved options`);
      assert.deepStrictEqual(shot.posted?.options, c.options, `${c.kind}: the options go back to the webview to be saved again`);
      assert.strictEqual(panel.title, shot.html.match(/<title>([^<]+)<\/title>/)?.[1], 'the view’s own title, not the stale one');
      // The same strict CSP as a panel opened by its command.
      assert.match(shot.html, /default-src 'none'/);
      assert.match(shot.html, /script-src 'nonce-[^']+'/);
      assert.doesNotMatch(shot.html, /unsafe-inline|unsafe-eval/);
      await closeEditors();
      await waitFor(`the restored ${c.kind} panel to close`, async () => ((await snapshot(c.kind)) ? undefined : true));
    }
  });

  test('a restored panel follows the index and opens articles like a new one', async () => {
    await closeEditors();
    const panel = vscode.window.createWebviewPanel('dossier.timeline', 'restored', vscode.ViewColumn.One, {});
    assert.ok(await vscode.commands.executeCommand('dossier._test.corpusViewRestore', 'timeline', panel, {}));
    await waitFor('the restored timeline to render', async () => (await snapshot('timeline'))?.rendered);
    const uri = sampleUri('views-restored.txt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('On 3 March 2001 the port of Narvik reopened.\n'));
    try {
      const event = await waitFor('the new date on the restored timeline', async () => {
        const m = (await snapshot('timeline'))?.posted?.model as CorpusModels['timeline'] | undefined;
        return m?.events.find((e) => e.at.path === 'views-restored.txt' && e.value === '2001-03-03');
      });
      await send('timeline', { type: 'open', ...event.at });
      await waitFor('the article to open from the restored panel', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString());
    } finally {
      await closeEditors();
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('the index to drop the deleted article', async () => !(await api.services.index)?.getDocument('views-restored.txt'));
  });

  test('the timeline follows the index: a new article appears, a deleted one goes', async () => {
    await openView('dossier.showTimeline', 'timeline', () => buildQuoteTimeline(index));
    const uri = sampleUri('views-live.txt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('On 2 February 1999 the council of Tromsø met in Bodø.\n'));
    try {
      await waitFor('the new date on the timeline', async () => {
        const m = (await snapshot('timeline'))?.posted?.model as CorpusModels['timeline'] | undefined;
        return m?.events.some((e) => e.at.path === 'views-live.txt' && e.value === '1999-02-02');
      });
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('the deleted article to leave the timeline', async () => {
      const m = (await snapshot('timeline'))?.posted?.model as CorpusModels['timeline'] | undefined;
      return m && !m.events.some((e) => e.at.path === 'views-live.txt');
    });
    await closeEditors();
  });
});
