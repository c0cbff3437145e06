// PDF, HTML and DOCX documents in the real extension host: opened from the Explorer they land on
// their read-only text, highlighted, with hover pages, F12/Shift+F12 across kinds, annotations
// that survive a new version of the file, and the scanned PDF listed as skipped.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import type { EntityIndex } from '../../src/core/index/types';
import type { DossierApi } from '../../src/extension/extension';
import { activateDossier, decorationsOf, indexedWorkspace, sampleUri, tree, waitFor } from './coreFixture';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/sources');
const FOLDER = 'sources-test';
const FILES = ['two-column.pdf', 'header-footer.pdf', 'scanned.pdf', 'article.html', 'interview.docx'];
/** A text file naming the PDF's inspector, sorted after the PDF: F12 leads into the PDF. */
const NOTE = `${FOLDER}/z-note.txt`;

type Def = vscode.Location | vscode.LocationLink;
const uriOfDef = (d: Def): vscode.Uri => ('uri' in d ? d.uri : d.targetUri);

async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) as vscode.Hover[];
  return hovers.flatMap((h) => h.contents.map((c) => (c instanceof vscode.MarkdownString ? c.value : ''))).join('\n');
}

/** Opens the text of a workspace document and waits for its highlights. */
async function openText(api: DossierApi, rel: string): Promise<vscode.TextEditor> {
  const uri = api.services.workspaceIndex.uriOf(rel);
  assert.ok(uri);
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await waitFor(`analysis of ${rel}`, () => api.services.analysis.whenAnalyzed(editor.document));
  await waitFor(`highlights of ${rel}`, () => decorationsOf(editor));
  return editor;
}

suite('sources: PDF, HTML and DOCX in the editor', () => {
  let api: DossierApi;
  let index: EntityIndex;

  suiteSetup(async () => {
    api = await activateDossier();
    await indexedWorkspace(api);
    await vscode.workspace.fs.createDirectory(sampleUri(FOLDER));
    for (const f of FILES) await vscode.workspace.fs.writeFile(sampleUri(`${FOLDER}/${f}`), fs.readFileSync(path.join(FIXTURES, f)));
    await vscode.workspace.fs.writeFile(sampleUri(NOTE), Buffer.from('Marguerite Okonkwo told the harbour board in Rotterdam that the audit would go on.\n'));
    index = await waitFor('the index to hold the four readable documents and the note', async () => {
      const i = await api.services.index;
      const docs = new Set(i?.documents());
      const want = [...FILES.filter((f) => f !== 'scanned.pdf').map((f) => `${FOLDER}/${f}`), NOTE];
      return i && want.every((p) => docs.has(p) && (i.getDocument(p)?.mentions.length ?? 0) > 0) ? i : undefined;
    }, 90_000);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(sampleUri(FOLDER), { recursive: true, useTrash: false });
    await waitFor('the test documents to leave the index', async () => !(await api.services.index)?.documents().some((p) => p.startsWith(`${FOLDER}/`)), 30_000);
  });

  test('a PDF opened from the Explorer lands on its read-only text, highlighted', async () => {
    await vscode.commands.executeCommand('vscode.open', sampleUri(`${FOLDER}/two-column.pdf`));
    const editor = await waitFor('the PDF text editor', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'dossier-source' && e.document.uri.path.endsWith('/two-column.pdf.txt') ? e : undefined;
    });
    assert.strictEqual(editor.document.languageId, 'plaintext');
    await waitFor('the PDF analysed', () => api.services.analysis.whenAnalyzed(editor.document));
    const highlights = await waitFor('PDF highlights', () => decorationsOf(editor));
    assert.ok(Object.entries(highlights).some(([k, v]) => k.startsWith('PERSON') && v.includes('Marguerite Okonkwo')), JSON.stringify(highlights));
    assert.ok(Object.entries(highlights).some(([k, v]) => k.startsWith('PLACE') && v.includes('Rotterdam')), JSON.stringify(highlights));
    // Read-only: an edit is refused and the text stays what was extracted.
    const before = editor.document.getText();
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x')).then(undefined, () => false);
    assert.strictEqual(editor.document.getText(), before);
  });

  test('HTML and DOCX texts are highlighted and outlined like articles', async () => {
    const cases: [string, string, string][] = [['article.html', 'PERSON', 'Tomasz Wierzbicki'], ['interview.docx', 'PERSON', 'Anselm Drechsler']];
    for (const [file, type, name] of cases) {
      const editor = await openText(api, `${FOLDER}/${file}`);
      const highlights = await waitFor(`${name} highlighted`, async () => {
        const h = await decorationsOf(editor);
        return h && Object.entries(h).some(([k, v]) => k.startsWith(type) && v.includes(name)) ? h : undefined;
      });
      assert.ok(highlights);
      assert.ok(!editor.document.getText().includes('<'), `${file}: no markup in the text`);
      // The outline lists the document's entities, as for a .txt.
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
      const names = symbols.flatMap((sym) => [sym.name, ...sym.children.map((c) => c.name)]);
      assert.ok(names.includes(name), `${file} outline: ${names.join(', ')}`);
    }
  });

  test('hovering a name in a PDF shows its page and a link to the original', async () => {
    const editor = await openText(api, `${FOLDER}/header-footer.pdf`);
    const text = editor.document.getText();
    const first = await hoverText(editor.document, text.indexOf('Henrietta Vasquez') + 2);
    assert.match(first, /p\. 1/);
    assert.match(first, /command:dossier\.openOriginal\?/);
    // The last "Brennan" is on the third page of the PDF.
    const last = await hoverText(editor.document, text.lastIndexOf('Brennan') + 2);
    assert.match(last, /\*\*Oskar Brennan\*\*/);
    assert.match(last, /p\. 3/);
    // Clicking "Open original at p. 3" runs the link's own command with its own arguments.
    const link = /command:dossier\.openOriginal\?([^\s)]+)/.exec(last);
    assert.ok(link, 'the hover links to the original');
    const opened = await vscode.commands.executeCommand<string>('dossier.openOriginal', JSON.parse(decodeURIComponent(link[1])));
    assert.ok(opened?.startsWith('file:'), `opened ${opened}`);
    const target = vscode.Uri.parse(opened);
    assert.match(target.path, /header-footer\.pdf$/, 'the original PDF');
    assert.strictEqual(target.fragment, 'page=3', 'at the page of the mention');
  });

  test('the Entities view and the Documents view name pages and kinds', async () => {
    const docs = await waitFor('the Documents view to list the PDF', async () => {
      const nodes = await tree('dossier.documents', 1);
      return nodes.some((n) => n.label === 'two-column.pdf') ? nodes : undefined;
    });
    const kinds = Object.fromEntries(docs.map((n) => [n.label, n.description ?? '']));
    assert.match(kinds['two-column.pdf'] ?? '', /^PDF · \d+ entities/);
    assert.match(kinds['article.html'] ?? '', /^HTML · /);
    assert.match(kinds['interview.docx'] ?? '', /^Word · /);
    const record = index.getDocument(`${FOLDER}/header-footer.pdf`);
    const brennan = record?.mentions.find((m) => m.text === 'Oskar Brennan');
    assert.ok(brennan);
    assert.strictEqual(api.services.sources.pageAt(sampleUri(`${FOLDER}/header-footer.pdf`), brennan.start), 2);
  });

  test('F12 and Shift+F12 cross from a text file into a PDF and back', async () => {
    const note = await openText(api, NOTE);
    const defs = await vscode.commands.executeCommand<Def[]>('vscode.executeDefinitionProvider', note.document.uri, note.document.positionAt(2));
    assert.ok(defs.length >= 1, 'a definition');
    const target = uriOfDef(defs[0]!);
    assert.strictEqual(target.scheme, 'dossier-source');
    assert.ok(target.path.endsWith('/two-column.pdf.txt'), target.toString());
    const pdf = await openText(api, `${FOLDER}/two-column.pdf`);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', pdf.document.uri, pdf.document.positionAt(pdf.document.getText().indexOf('Okonkwo') + 2));
    const files = new Set(refs.map((r) => r.uri.toString()));
    assert.ok(files.has(pdf.document.uri.toString()), 'references in the PDF text');
    assert.ok(files.has(sampleUri(NOTE).toString()), `references in the note: ${[...files].join(', ')}`);
  });

  test('an annotation on a DOCX survives a new version of the file', async () => {
    const rel = `${FOLDER}/interview.docx`;
    const editor = await openText(api, rel);
    const start = editor.document.getText().indexOf('Valdoria');
    const annotation = (await vscode.commands.executeCommand('dossier.markPlace', { uri: editor.document.uri.toString(), start, end: start + 'Valdoria'.length })) as { id: string; target?: { source?: string } };
    assert.strictEqual(annotation.target?.source, rel, 'anchored to the original file');
    try {
      // The new version has a paragraph before everything else: every offset moves.
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(FIXTURES, 'interview.docx')));
      const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const revised = xml.replace(/<w:body>/, '<w:body><w:p><w:r><w:t>Revised after a second meeting with the consortium.</w:t></w:r></w:p>');
      assert.notStrictEqual(revised, xml);
      zip.file('word/document.xml', revised);
      await vscode.workspace.fs.writeFile(sampleUri(rel), await zip.generateAsync({ type: 'uint8array' }));
      const moved = await waitFor('the annotation re-anchored in the new version', () => {
        const text = index.getText(rel) ?? '';
        if (!text.startsWith('Revised')) return undefined;
        return index.getDocument(rel)?.mentions.find((m) => m.text === 'Valdoria' && m.type === 'PLACE' && m.provenance === 'manual' && m.start === text.indexOf('Valdoria'));
      }, 30_000);
      assert.ok(moved.start > start);
      assert.ok(!index.orphans().some((o) => o.annotation.id === annotation.id), 'not an orphan');
      await waitFor('the open text to follow the new file', () => editor.document.getText().startsWith('Revised'));
    } finally {
      await vscode.commands.executeCommand('dossier.undoAnnotation');
    }
  });

  test('the scanned PDF is listed as skipped with its reason, and opening it says why', async () => {
    const docs = await waitFor('the scanned PDF in the Documents view', async () => {
      const nodes = await tree('dossier.documents', 1);
      return nodes.find((n) => n.label === 'scanned.pdf');
    });
    assert.strictEqual(docs.description, 'skipped · no text layer: run OCR first');
    assert.ok(!index.documents().includes(`${FOLDER}/scanned.pdf`));
    await vscode.commands.executeCommand('vscode.open', sampleUri(`${FOLDER}/scanned.pdf`));
    const tab = await waitFor('the scanned PDF tab', () => {
      const t = vscode.window.tabGroups.activeTabGroup.activeTab;
      return t?.input instanceof vscode.TabInputCustom && t.input.uri.path.endsWith('/scanned.pdf') ? t : undefined;
    });
    assert.strictEqual((tab.input as vscode.TabInputCustom).viewType, 'dossier.sourceText');
  });
});
