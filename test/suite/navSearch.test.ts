// Command-palette search driven like a user would: the quick pick is filled, then the
// workbench's own quick-open commands move and accept, and the editor lands on the mention.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension/extension';
import { dossier, openArticle, readyIndex, sleep } from './navFixture';

interface Place {
  uri: vscode.Uri;
  range: vscode.Range;
  text: string;
}

/** Runs a picking command, then presses Down `downs[i]` times and Enter in each pick that opens. */
async function drive(command: string, arg: unknown, downs: number[]): Promise<Place | undefined> {
  const result = vscode.commands.executeCommand<Place | undefined>(command, arg);
  for (const n of downs) {
    await sleep(600); // the pick opens and its first results arrive
    for (let i = 0; i < n; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

function landed(): { file: string; text: string } {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'an editor is active');
  return { file: vscode.workspace.asRelativePath(editor.document.uri, false), text: editor.document.getText(editor.selection) };
}

suite('nav: search quick picks', () => {
  let api: DossierApi;

  suiteSetup(async () => {
    api = await dossier();
    await readyIndex(api);
    await openArticle(api, 'harbour-strike.txt');
  });

  const searchCases = [
    { name: 'an alias finds the entity, Enter twice opens its first mention', query: 'lynch', want: { file: 'rail-inquiry.txt', text: /^(Mick )?Lynch$/ } },
    { name: 'accents are optional', query: 'orban', want: { file: 'flood-relief.md', text: /^Viktor Orbán$/ } },
    { name: 'the l: prefix keeps places', query: 'l:danube', want: { file: 'flood-relief.md', text: /^Danube$/ } },
  ];
  for (const c of searchCases) {
    test(`Search Entities: ${c.name}`, async () => {
      const place = await drive('dossier.searchEntities', { query: c.query }, [0, 0]);
      assert.ok(place, 'a mention was chosen');
      const at = landed();
      assert.strictEqual(at.file, c.want.file);
      assert.match(at.text, c.want.text);
    });
  }

  test('Search Entities: a type prefix excludes other types', async () => {
    // Danube is a place: among people there is nothing to accept.
    assert.strictEqual(await drive('dossier.searchEntities', { query: 'p:danube' }, [0]), undefined);
  });

  test('Search Entities: the second pick lists every mention; Down picks the next one', async () => {
    const first = await drive('dossier.searchEntities', { query: 'l:danube' }, [0, 0]);
    const second = await drive('dossier.searchEntities', { query: 'l:danube' }, [0, 1]);
    assert.ok(first && second);
    assert.notDeepStrictEqual([second.uri.toString(), second.range.start.line, second.range.start.character], [first.uri.toString(), first.range.start.line, first.range.start.character]);
    assert.strictEqual(landed().text, 'Danube');
  });

  test('Escape cancels without moving', async () => {
    const editor = await openArticle(api, 'harbour-strike.txt');
    const before = editor.selection;
    const result = vscode.commands.executeCommand('dossier.searchEntities', { query: 'rotterdam' });
    await sleep(600);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await result, undefined);
    assert.ok(vscode.window.activeTextEditor?.selection.isEqual(before));
  });

  test('Go to Entity in This Document stays in the document', async () => {
    const editor = await openArticle(api, 'harbour-strike.txt');
    const place = await drive('dossier.goToEntityInDocument', { query: 'rotterdam' }, [0, 1]);
    assert.ok(place);
    assert.strictEqual(place.uri.toString(), editor.document.uri.toString());
    const at = landed();
    assert.strictEqual(at.file, 'harbour-strike.txt');
    assert.match(at.text, /^rotterdam$/i);
    assert.ok(place.range.start.line > 0, 'Down chose the second mention, after the headline');
  });

  test('Show All Mentions takes an entity id (as hovers pass it)', async () => {
    await openArticle(api, 'rail-inquiry.txt');
    const place = await drive('dossier.showAllMentions', 'place:geneva', [0]);
    assert.ok(place);
    assert.match(landed().text, /^geneva$/i);
  });

  test('Show All Mentions without args uses the entity under the cursor', async () => {
    const editor = await openArticle(api, 'rail-inquiry.txt');
    const at = editor.document.positionAt(editor.document.getText().indexOf('Haines knows') + 1);
    editor.selection = new vscode.Selection(at, at);
    const entity = api.services.analysis.get(editor.document.uri)?.analysis.mentions.find((m) => m.text === 'Haines')?.entity;
    assert.ok(entity, 'precondition: "Haines" is a mention');
    const place = await drive('dossier.showAllMentions', undefined, [1]);
    assert.ok(place);
    assert.match(landed().text, /Haines$/);
    assert.strictEqual(place.range.start.line, at.line, 'Down chose the second mention: the short alias');
  });
});
