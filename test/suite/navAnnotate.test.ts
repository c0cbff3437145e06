// Annotation commands with the contract's args: each changes the index (and so every open
// editor's analysis), returns its annotation, and Undo Last Annotation puts things back.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { Annotation, EntityIndex } from '../../src/core/index/types';
import type { Mention } from '../../src/core/model';
import type { DossierApi } from '../../src/extension/extension';
import { dossier, folder, offsetsOf, openArticle, positionOf, readyIndex, sleep, until } from './navFixture';

suite('nav: annotation commands', () => {
  let api: DossierApi;
  let index: EntityIndex;

  suiteSetup(async () => {
    api = await dossier();
    index = await readyIndex(api);
  });

  /** The live (editor) mention at `needle` in an open document: what decorations draw. */
  const liveAt = (doc: vscode.TextDocument, needle: string, nth = 0): Mention | undefined => {
    const { start } = offsetsOf(doc, needle, nth);
    return api.services.analysis.get(doc.uri)?.analysis.mentions.find((m) => m.start <= start && start < m.end);
  };
  const undo = async (): Promise<Annotation> => {
    const undone = await vscode.commands.executeCommand<Annotation>('dossier.undoAnnotation');
    assert.ok(undone, 'something was undone');
    return undone;
  };

  const markCases = [
    { command: 'dossier.markPlace', file: 'harbour-strike.txt', text: 'Maasvlakte', type: 'PLACE' },
    { command: 'dossier.markOrg', file: 'harbour-strike.txt', text: 'Social and Economic Council', type: 'ORG' },
    { command: 'dossier.markOrg', file: 'water-summit.md', text: 'Rivers Without Borders', type: 'ORG' },
    { command: 'dossier.markPerson', file: 'rail-inquiry.txt', text: 'Andrew Hall', type: 'PERSON' },
    { command: 'dossier.markDate', file: 'rail-inquiry.txt', text: 'three days', type: 'DATE' },
  ];
  for (const c of markCases) {
    test(`${c.command} marks "${c.text}" as ${c.type}; undo removes it`, async () => {
      const editor = await openArticle(api, c.file);
      const annotation = await vscode.commands.executeCommand<Annotation>(c.command, offsetsOf(editor.document, c.text));
      assert.strictEqual(annotation?.kind, 'add');
      assert.strictEqual(annotation.body.type, c.type);
      const { start } = offsetsOf(editor.document, c.text);
      const m = index.mentionAt(c.file, start + 1);
      assert.deepStrictEqual([m?.text, m?.type, m?.provenance], [c.text, c.type, 'manual']);
      await until('the editor to show the manual mention', () => liveAt(editor.document, c.text)?.provenance === 'manual');
      await undo();
      assert.notStrictEqual(index.mentionAt(c.file, start + 1)?.provenance, 'manual');
    });
  }

  test('a name marked in one document is found in a second open document, until undone', async () => {
    const note = vscode.Uri.joinPath(folder(), 'maersk-note.md');
    await vscode.workspace.fs.writeFile(note, Buffer.from('# Shipping\n\nMaersk chartered extra ships for the week.\n'));
    const second = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(note), { viewColumn: vscode.ViewColumn.Beside });
    const editor = await openArticle(api, 'harbour-strike.txt');
    await vscode.commands.executeCommand('dossier.markOrg', offsetsOf(editor.document, 'Maersk'));
    await until('Maersk to be an organisation in the second document', () => liveAt(second.document, 'Maersk')?.type === 'ORG');
    // What the researcher sees: the second editor draws Maersk with an organisation highlight.
    await vscode.window.showTextDocument(second.document, second.viewColumn);
    const maersk = offsetsOf(second.document, 'Maersk');
    const highlighted = async (): Promise<boolean> => {
      const shown = await vscode.commands.executeCommand<Record<string, [number, number][]>>('dossier._test.decorations');
      return Object.entries(shown ?? {}).some(([key, spans]) => key.startsWith('ORG.') && spans.some(([a, b]) => a === maersk.start && b === maersk.end));
    };
    await until('Maersk to be highlighted as an organisation in the second editor', highlighted);
    await undo();
    await until('Maersk to be no organisation there after undo', () => liveAt(second.document, 'Maersk')?.type !== 'ORG');
    await until('the highlight to go away after undo', async () => !(await highlighted()));
    await vscode.workspace.fs.delete(note);
  });

  test('Confirm sets the provenance to confirmed', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const a = await vscode.commands.executeCommand<Annotation>('dossier.confirm', offsetsOf(editor.document, 'Leeds', 1));
    assert.strictEqual(a?.kind, 'confirm');
    assert.strictEqual(index.mentionAt('rail-inquiry.txt', offsetsOf(editor.document, 'Leeds', 1).start)?.provenance, 'confirmed');
    await undo();
    assert.strictEqual(index.mentionAt('rail-inquiry.txt', offsetsOf(editor.document, 'Leeds', 1).start)?.provenance, 'auto');
  });

  test('Not an Entity hides one mention; Everywhere hides them all', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const second = offsetsOf(editor.document, 'Leeds', 1);
    const third = offsetsOf(editor.document, 'Leeds', 2);
    await vscode.commands.executeCommand('dossier.reject', second);
    assert.strictEqual(index.mentionAt('rail-inquiry.txt', second.start), undefined, 'the rejected mention is gone');
    assert.ok(index.mentionAt('rail-inquiry.txt', third.start), 'the others stay');
    await undo();
    assert.ok(index.mentionAt('rail-inquiry.txt', second.start), 'undo brings it back');

    const a = await vscode.commands.executeCommand<Annotation>('dossier.rejectEverywhere', second);
    assert.strictEqual(a?.body.everywhere, true);
    await until('every Leeds to disappear', () => index.mentionsOf('place:leeds').length === 0);
    await undo();
    await until('Leeds to come back', () => index.mentionsOf('place:leeds').length === 3);
  });

  test('Change Type relabels the mention', async () => {
    const editor = await openArticle(api, 'harbour-strike.txt');
    const at = offsetsOf(editor.document, 'Hutchison Ports');
    const before = index.mentionAt('harbour-strike.txt', at.start);
    assert.ok(before);
    const type = before.type === 'ORG' ? 'PLACE' : 'ORG';
    await vscode.commands.executeCommand('dossier.changeType', { ...at, type });
    assert.strictEqual(index.mentionAt('harbour-strike.txt', at.start)?.type, type);
    await undo();
    assert.strictEqual(index.mentionAt('harbour-strike.txt', at.start)?.type, before.type);
  });

  test('Link to Entity ties a mention to another entity', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const at = offsetsOf(editor.document, 'Hall added');
    at.end = at.start + 'Hall'.length;
    const target = index.mentionAt('rail-inquiry.txt', offsetsOf(editor.document, 'Andrew Haines').start)?.entity;
    assert.ok(target);
    await vscode.commands.executeCommand('dossier.linkToEntity', { ...at, entity: target });
    assert.strictEqual(index.getEntity(index.mentionAt('rail-inquiry.txt', at.start)?.entity ?? '')?.id, index.getEntity(target)?.id);
    await undo();
  });

  test('Merge, Rename, Split and Add Note change the entity registry', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const lynch = index.mentionAt('rail-inquiry.txt', offsetsOf(editor.document, 'Mick Lynch').start)?.entity;
    assert.ok(lynch);

    await vscode.commands.executeCommand('dossier.renameEntity', { entity: lynch, name: 'Michael Lynch' });
    assert.strictEqual(index.getEntity(lynch)?.canonical, 'Michael Lynch');
    await undo();
    assert.strictEqual(index.getEntity(lynch)?.canonical, 'Mick Lynch');

    await vscode.commands.executeCommand('dossier.addNote', { entity: lynch, note: 'RMT general secretary; see [[Andrew Haines]]' });
    assert.ok(index.getEntity(lynch)?.notes.some((n) => n.text.includes('RMT general secretary')));
    await undo();
    assert.ok(!index.getEntity(lynch)?.notes.some((n) => n.text.includes('RMT general secretary')));

    const haines = offsetsOf(editor.document, 'Andrew Haines');
    await vscode.commands.executeCommand('dossier.mergeEntities', { ...haines, entity: lynch });
    assert.strictEqual(index.getEntity(index.mentionAt('rail-inquiry.txt', haines.start)!.entity)?.id, index.getEntity(lynch)?.id, 'merged into Lynch');
    await undo();
    assert.notStrictEqual(index.getEntity(index.mentionAt('rail-inquiry.txt', haines.start)!.entity)?.id, index.getEntity(lynch)?.id);

    const alias = offsetsOf(editor.document, 'Lynch called');
    alias.end = alias.start + 'Lynch'.length;
    const split = await vscode.commands.executeCommand<Annotation>('dossier.splitAlias', { ...alias, name: 'Lynch (unidentified)' });
    assert.strictEqual(split?.kind, 'split');
    assert.strictEqual(split.body.alias, 'Lynch');
    await undo();
  });

  test('without a selection, Mark asks for one and changes nothing', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const here = offsetsOf(editor.document, 'signalling fault');
    const p = editor.document.positionAt(here.start);
    editor.selection = new vscode.Selection(p, p);
    const before = index.annotations().length;
    assert.strictEqual(await vscode.commands.executeCommand('dossier.markPerson'), undefined);
    assert.strictEqual(index.annotations().length, before);
  });

  test('from the editor selection (no args), Mark uses the selection', async () => {
    const editor = await openArticle(api, 'harbour-strike.txt');
    const at = offsetsOf(editor.document, 'Maasvlakte');
    editor.selection = new vscode.Selection(editor.document.positionAt(at.start - 1), editor.document.positionAt(at.end)); // a leading space too
    const a = await vscode.commands.executeCommand<Annotation>('dossier.markPlace');
    assert.strictEqual(a?.target?.selector[0].exact, 'Maasvlakte', 'surrounding spaces are trimmed');
    await undo();
  });

  /** Runs a prompting command with the cursor in `needle`, accepting each prompt's default (after `downs[i]` Downs). */
  const prompted = async (command: string, file: string, needle: string, downs: number[]): Promise<Annotation | undefined> => {
    const editor = await openArticle(api, file);
    const p = positionOf(editor.document, needle, 1);
    editor.selection = new vscode.Selection(p, p);
    const result = vscode.commands.executeCommand<Annotation | undefined>(command);
    for (const n of downs) {
      await sleep(600);
      for (let i = 0; i < n; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    return result;
  };

  test('without args, Change Type asks for the new type (the current one is not offered)', async () => {
    const a = await prompted('dossier.changeType', 'harbour-strike.txt', 'Antwerp', [1]);
    assert.strictEqual(a?.kind, 'relabel');
    assert.strictEqual(a.body.type, 'ORG', 'Place is left out: Person, Organisation, Date; Down picks Organisation');
    await undo();
  });

  test('without args, Rename Entity asks for the name, prefilled with the current one', async () => {
    const a = await prompted('dossier.renameEntity', 'harbour-strike.txt', 'Antwerp', [0]);
    assert.strictEqual(a?.kind, 'rename');
    assert.strictEqual(a.body.name, 'Antwerp');
    await undo();
  });

  test('without args, Link to Entity asks for the entity', async () => {
    const a = await prompted('dossier.linkToEntity', 'harbour-strike.txt', 'Antwerp', [0]);
    assert.strictEqual(a?.kind, 'link');
    assert.ok(a.body.entity && a.body.entity !== 'place:antwerp', 'linked to another entity (the most mentioned)');
    await undo();
  });

  test('an Entities-view node passed as the arg names the entity', async () => {
    const node = { kind: 'entity', id: 'type:PLACE/place:antwerp', entity: 'place:antwerp', type: 'PLACE', canonical: 'Antwerp', aliases: [], count: 1, note: 'Belgian port' };
    const a = await vscode.commands.executeCommand<Annotation>('dossier.addNote', node);
    assert.strictEqual(a?.body.entity, 'place:antwerp');
    assert.ok(index.getEntity('place:antwerp')?.notes.some((n) => n.text === 'Belgian port'));
    await undo();
  });

  test('Undo with nothing left to undo says so and returns nothing', async () => {
    // Every test above undid its own annotation.
    while (index.annotations().length && (await vscode.commands.executeCommand('dossier.undoAnnotation'))) {
      // drain anything a failed test left behind
    }
    assert.strictEqual(await vscode.commands.executeCommand('dossier.undoAnnotation'), undefined);
  });

  test('bad args are refused with a message, never a crash', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const before = index.annotations().length;
    const missing = vscode.Uri.joinPath(folder(), 'no-such-article.txt').toString();
    assert.strictEqual(await vscode.commands.executeCommand('dossier.confirm', { uri: missing, start: 0, end: 4 }), undefined);
    // An unknown type falls back to asking; closing the question cancels.
    const asking = vscode.commands.executeCommand('dossier.changeType', { ...offsetsOf(editor.document, 'Leeds'), type: 'SPACESHIP' });
    await sleep(600);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await asking, undefined);
    assert.strictEqual(index.annotations().length, before, 'nothing was written');
  });

  test('in an untrusted workspace annotations are refused, and nothing is written', async () => {
    const editor = await openArticle(api, 'harbour-strike.txt');
    await vscode.commands.executeCommand('dossier._test.simulateUntrusted', true);
    try {
      const readOnly = await until('a read-only index', async () => ((await api.services.index)?.readOnly ? api.services.index : undefined));
      const before = (await readOnly)!.annotations().length;
      assert.strictEqual(await vscode.commands.executeCommand('dossier.markPlace', offsetsOf(editor.document, 'Maasvlakte')), undefined);
      assert.strictEqual((await readOnly)!.annotations().length, before);
    } finally {
      await vscode.commands.executeCommand('dossier._test.simulateUntrusted', false);
    }
    index = await until('a writable index again', async () => {
      const i = await api.services.index;
      return i && !i.readOnly ? readyIndex(api) : undefined;
    });
  });
});
