// `[[Entity]]` links in a researcher's own note, and the lightbulb's code actions: through
// executeCompletionItemProvider, executeHoverProvider, executeDefinitionProvider,
// executeReferenceProvider and executeCodeActionProvider.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { Annotation, EntityIndex } from '../../src/core/index/types';
import type { DossierApi } from '../../src/extension/extension';
import { dossier, folder, offsetsOf, openArticle, positionOf, readyIndex, textAt, until, where } from './navFixture';

const NOTE = [
  '# Research notes',
  '',
  'Floods on the [[Danube]] and the [[place:Geneva|summit city]].',
  'Ask [[person:Mick Lynch]] about [[nobody we know]].',
  'Lower case works too: [[danube]].',
  '',
  'Next: [[Rot',
  'Typed: [[person:',
  '',
].join('\n');

suite('nav: entity links and code actions', () => {
  let api: DossierApi;
  let index: EntityIndex;
  let note: vscode.TextDocument;

  suiteSetup(async () => {
    api = await dossier();
    index = await readyIndex(api);
    const uri = vscode.Uri.joinPath(folder(), 'research-notes.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(NOTE));
    note = (await openArticle(api, 'research-notes.md')).document;
    await until('the note to be indexed', () => index.getText('research-notes.md') === NOTE);
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'research-notes.md'));
  });

  const complete = async (after: string): Promise<string[]> => {
    const line = note.getText().split('\n').findIndex((l) => l.startsWith(after));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', note.uri, new vscode.Position(line, after.length));
    return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  };

  test('completion after [[ offers entity names from the index', async () => {
    const labels = await complete('Next: [[Rot');
    assert.ok(labels.includes('Rotterdam'), labels.slice(0, 20).join(', '));
  });

  test('completion after [[person: offers people only', async () => {
    const labels = await complete('Typed: [[person:');
    assert.ok(labels.includes('Mick Lynch'));
    assert.ok(!labels.includes('Rotterdam') && !labels.includes('Danube'), 'no places among people');
  });

  const hover = async (needle: string): Promise<string> => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note.uri, positionOf(note, needle, 2));
    return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  };

  test('hovering a link shows the entity card', async () => {
    const text = await hover('[[danube]]');
    assert.match(text, /\*\*Danube\*\* · Places/);
    assert.match(text, /\d+ mentions in \d+ documents/);
  });

  test('hovering a link whose name is also a mention shows one card, not two', async () => {
    const text = await hover('[[Danube]]');
    assert.strictEqual(text.match(/Danube\*\*/g)?.length, 1, text);
  });

  test('hovering a link to an unknown name says so', async () => {
    assert.match(await hover('[[nobody we know]]'), /no entity of that name/);
  });

  test('F12 on a link goes to the entity\'s defining mention', async () => {
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', note.uri, positionOf(note, '[[danube]]', 4));
    const targets = defs.map((d) => ('uri' in d ? new vscode.Location(d.uri, d.range) : new vscode.Location(d.targetUri, d.targetRange)));
    const first = targets.find((t) => !t.uri.path.endsWith('research-notes.md'));
    assert.ok(first, `a definition outside the note: ${targets.map(where).join(', ')}`);
    await vscode.workspace.openTextDocument(first.uri);
    assert.strictEqual(textAt(first), 'Danube');
  });

  test('references on a link list the mentions and the links', async () => {
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', note.uri, positionOf(note, '[[person:Mick Lynch', 12));
    const files = refs.map(where);
    assert.ok(files.some((f) => f.startsWith('rail-inquiry.txt')), files.join(', '));
    assert.ok(files.some((f) => f.startsWith('research-notes.md:4')), 'the link itself is a reference');
  });

  test('the lightbulb on a mention offers confirm, reject and change type', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const at = positionOf(editor.document, 'Leeds', 2, 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at));
    const titles = actions.map((a) => a.title).filter((t) => t.startsWith('Dossier'));
    for (const want of ['Confirm "Leeds" as Place', '"Leeds" is not an entity', 'Change "Leeds" to Person', 'Rename entity "Leeds"…']) {
      assert.ok(titles.some((t) => t.includes(want)), `${want} in ${titles.join(' | ')}`);
    }
    const quickFixes = actions.filter((a) => a.kind?.value === 'quickfix' && a.title.startsWith('Dossier'));
    assert.ok(quickFixes.length >= 5);
  });

  test('the lightbulb on a plain selection offers Mark as…, and running it annotates', async () => {
    const editor = await openArticle(api, 'harbour-strike.txt');
    const span = offsetsOf(editor.document, 'Maasvlakte');
    const range = new vscode.Range(editor.document.positionAt(span.start), editor.document.positionAt(span.end));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range);
    const mark = actions.find((a) => a.title === 'Dossier: Mark "Maasvlakte" as Place');
    assert.ok(mark?.command, actions.map((a) => a.title).join(' | '));
    const annotation = await vscode.commands.executeCommand<Annotation>(mark.command.command, ...(mark.command.arguments ?? []));
    assert.strictEqual(annotation?.kind, 'add');
    assert.strictEqual(index.mentionAt('harbour-strike.txt', span.start)?.type, 'PLACE');
    await vscode.commands.executeCommand('dossier.undoAnnotation');
    assert.notStrictEqual(index.mentionAt('harbour-strike.txt', span.start)?.provenance, 'manual');
  });
});
