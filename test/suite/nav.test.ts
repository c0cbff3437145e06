// Navigation on the samples, through VS Code's own commands: definition, references, outline,
// Ctrl+T, document highlights, next/previous mention, and keybindings that clash with nothing.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { EntityIndex } from '../../src/core/index/types';
import type { DossierApi } from '../../src/extension/extension';
import { dossier, openArticle, positionOf, readyIndex, textAt, where } from './navFixture';

type Def = vscode.Location | vscode.LocationLink;
const asLocation = (d: Def): vscode.Location => ('uri' in d ? d : new vscode.Location(d.targetUri, d.targetRange));

suite('nav: definition, references, symbols, highlights', () => {
  let api: DossierApi;
  let index: EntityIndex;

  suiteSetup(async () => {
    api = await dossier();
    index = await readyIndex(api);
  });

  const definitionCases = [
    { name: 'a later mention goes to the first full-name one', file: 'rail-inquiry.txt', at: 'Leeds', nth: 2, want: { text: 'Leeds', file: 'rail-inquiry.txt', line: 1 } },
    { name: 'a short alias goes to the full name', file: 'rail-inquiry.txt', at: 'Haines knows', nth: 0, want: { text: 'Andrew Haines', file: 'rail-inquiry.txt', line: 7 } },
    { name: 'across documents: the workspace\'s first mention', file: 'water-summit.md', at: 'Danube', nth: 0, want: { text: 'Danube', file: 'flood-relief.md' } },
  ];
  for (const c of definitionCases) {
    test(`F12: ${c.name}`, async () => {
      const editor = await openArticle(api, c.file);
      const defs = await vscode.commands.executeCommand<Def[]>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, c.at, 1, c.nth));
      assert.ok(defs.length >= 1, 'a definition is found');
      const loc = asLocation(defs[0]);
      await openArticle(api, c.want.file);
      assert.strictEqual(textAt(loc), c.want.text);
      assert.strictEqual(where(loc).split(':')[0], c.want.file);
      if (c.want.line) assert.strictEqual(loc.range.start.line + 1, c.want.line);
    });
  }

  test('F12 on plain words finds nothing', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const defs = await vscode.commands.executeCommand<Def[]>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, 'signalling fault'));
    assert.deepStrictEqual(defs, []);
  });

  test('Shift+F12 lists every mention in the workspace', async () => {
    const editor = await openArticle(api, 'water-summit.md');
    await openArticle(api, 'flood-relief.md');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, positionOf(editor.document, 'Danube'));
    const files = new Set(refs.map((r) => where(r).split(':')[0]));
    assert.deepStrictEqual([...files].sort(), ['flood-relief.md', 'water-summit.md']);
    assert.strictEqual(refs.length, index.mentionsOf('place:danube').length);
    for (const r of refs) assert.strictEqual(textAt(r), 'Danube');
  });

  test('the outline groups entities by type, each with its mentions', async () => {
    const editor = await openArticle(api, 'harbour-strike.txt');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const groups = symbols.map((s) => s.name);
    for (const g of ['People', 'Organisations', 'Places', 'Dates']) assert.ok(groups.includes(g), `outline has ${g}: ${groups.join(', ')}`);
    const places = symbols.find((s) => s.name === 'Places');
    const rotterdam = places?.children.find((e) => e.name === 'Rotterdam');
    assert.ok(rotterdam, 'Rotterdam is under Places');
    const inDoc = index.getDocument('harbour-strike.txt')?.mentions.filter((m) => m.entity === 'place:rotterdam' && m.provenance !== 'rejected') ?? [];
    assert.strictEqual(rotterdam.children.length, inDoc.length);
    for (const m of rotterdam.children) assert.match(editor.document.getText(m.range), /^rotterdam$/i);
  });

  const workspaceSymbolCases = [
    { query: 'Lynch', want: 'Mick Lynch', why: 'by a short alias' },
    { query: 'orban', want: 'Viktor Orbán', why: 'accent-folded' },
    { query: 'rotterdam', want: 'Rotterdam', why: 'case-insensitive' },
  ];
  for (const c of workspaceSymbolCases) {
    test(`Ctrl+T finds entities ${c.why} ("${c.query}")`, async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', c.query);
      const names = found.map((s) => s.name.replace(/ \(.*\)$/, ''));
      assert.ok(names.includes(c.want), `${c.want} in [${names.join(', ')}]`);
      const hit = found[names.indexOf(c.want)];
      await vscode.workspace.openTextDocument(hit.location.uri);
      assert.match(textAt(hit.location), new RegExp(c.want.split(' ')[0], 'i'), 'the symbol points at a mention');
    });
  }

  test('Ctrl+T finds entities by an acronym alias (whichever the index holds)', async () => {
    const entity = index.entities().find((e) => e.type === 'ORG' && e.aliases.some((a) => /^[A-Z]{2,6}$/.test(a) && a !== e.canonical));
    assert.ok(entity, 'the samples give at least one organisation with an acronym (WMO, IFRC, UNECE…)');
    const acronym = entity.aliases.find((a) => /^[A-Z]{2,6}$/.test(a))!;
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', acronym);
    const hit = found.find((s) => s.name.startsWith(entity.canonical));
    assert.ok(hit, `${entity.canonical} found by "${acronym}" in [${found.map((s) => s.name).join(', ')}]`);
    // VS Code's own list filters names by fuzzy subsequence: the acronym's letters must be in it, in order.
    let i = 0;
    for (const ch of hit.name.toLowerCase()) if (ch === acronym.toLowerCase()[i]) i++;
    assert.strictEqual(i, acronym.length, `"${acronym}" survives VS Code's filter on "${hit.name}"`);
  });

  test('document highlights mark the other mentions of the entity under the cursor', async () => {
    const editor = await openArticle(api, 'harbour-strike.txt');
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', editor.document.uri, positionOf(editor.document, 'Rotterdam', 2, 1));
    const texts = highlights.map((h) => editor.document.getText(h.range).toLowerCase());
    assert.ok(texts.length >= 2, `several highlights: ${texts.join(', ')}`);
    assert.ok(texts.every((t) => t === 'rotterdam'), texts.join(', '));
  });

  test('next/previous mention walk the entity\'s mentions and wrap around', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const doc = editor.document;
    const leeds = [0, 1, 2].map((n) => positionOf(doc, 'Leeds', 0, n).line);
    editor.selection = new vscode.Selection(positionOf(doc, 'Leeds', 1, 0), positionOf(doc, 'Leeds', 1, 0));
    const lines: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await vscode.commands.executeCommand<vscode.Range>('dossier.nextMention');
      assert.ok(r, 'moved');
      assert.strictEqual(doc.getText(vscode.window.activeTextEditor!.selection), 'Leeds');
      lines.push(r.start.line);
    }
    assert.deepStrictEqual(lines, [leeds[1], leeds[2], leeds[0]]);
    const back = await vscode.commands.executeCommand<vscode.Range>('dossier.previousMention');
    assert.strictEqual(back.start.line, leeds[2], 'previous from the first wraps to the last');
  });

  test('next mention off a name says so and stays put', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const here = positionOf(editor.document, 'signalling fault');
    editor.selection = new vscode.Selection(here, here);
    assert.strictEqual(await vscode.commands.executeCommand('dossier.nextMention'), undefined);
    assert.ok(vscode.window.activeTextEditor!.selection.active.isEqual(here));
  });

  test('the mention keybindings clash with no default keybinding', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.ok(text.includes('"key"'), 'the default keybindings were readable');
    // The file is JSON with comments; each binding starts with its key and command.
    const bindings = [...text.matchAll(/\{\s*"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].map((m) => ({ key: m[1], command: m[2] }));
    assert.ok(bindings.length > 100, `read ${bindings.length} default keybindings`);
    for (const key of ['ctrl+alt+]', 'ctrl+alt+[']) {
      const others = bindings.filter((b) => b.key === key && !b.command.startsWith('dossier.') && !b.command.startsWith('-'));
      assert.deepStrictEqual(others.map((b) => b.command), [], `${key} is free`);
    }
  });
});
