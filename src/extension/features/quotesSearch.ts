// `Dossier: Search Quotes`: a fuzzy search (fuse.js) over the quoted words and the speakers'
// names across the workspace; choosing a result opens the document at the quote.
import Fuse from 'fuse.js';
import * as vscode from 'vscode';
import { foldKey } from '../../core/model';
import type { DossierServices } from '../services';
import { openMention } from './indexCommands';
import { quoteGist, quotePlaces, type QuotePlace, type QuotesSource } from './quotesTree';

/** Keystrokes closer together than this are one search. */
const TYPING_PAUSE_MS = 60;
const RESULTS = 50;

interface QuoteItem extends vscode.QuickPickItem {
  place: QuotePlace;
}

/** The workspace's quotes; without an index (no folder), the active document's. */
async function allQuotes(services: DossierServices): Promise<QuotePlace[]> {
  const index = await services.index;
  const editor = vscode.window.activeTextEditor;
  const current = editor && services.analysis.get(editor.document.uri);
  const source: QuotesSource = {
    scope: index ? 'workspace' : 'document',
    filter: '',
    index,
    document: editor && current ? { uri: editor.document.uri, path: vscode.workspace.asRelativePath(editor.document.uri, false), text: editor.document.getText(), analysis: current } : undefined,
    uriOf: (path) => services.workspaceIndex.uriOf(path),
  };
  return quotePlaces(source);
}

function toItem(place: QuotePlace): QuoteItem {
  return {
    label: `$(quote) ${quoteGist(place.quote.text, 120)}`,
    description: place.speakerName,
    detail: `${place.path}:${place.line + 1} · ${place.quote.kind}`,
    // Results come from our own fuzzy search (accents, typos): the pick must not refilter them.
    alwaysShow: true,
    place,
  };
}

export async function searchQuotes(services: DossierServices, query = ''): Promise<QuotePlace | undefined> {
  const places = await allQuotes(services);
  if (!places.length) {
    void vscode.window.showInformationMessage('Dossier: no quotes found yet. Open an article, or wait for the workspace index.');
    return undefined;
  }
  const rows = places.map((place) => ({ place, text: foldKey(place.quote.text), speaker: foldKey(place.speakerName) }));
  const fuse = new Fuse(rows, { keys: [{ name: 'speaker', weight: 2 }, 'text'], threshold: 0.35, ignoreLocation: true });
  const pick = vscode.window.createQuickPick<QuoteItem>();
  pick.title = 'Dossier: Search Quotes';
  pick.placeholder = 'Words of a quote, or a speaker’s name';
  pick.matchOnDescription = false;
  pick.value = query;
  const show = (): void => {
    const q = foldKey(pick.value.trim());
    const found = q ? fuse.search(q, { limit: RESULTS }).map((r) => r.item.place) : places.slice(0, RESULTS);
    pick.items = found.map(toItem);
    pick.title = found.length || !q ? 'Dossier: Search Quotes' : `Dossier: Search Quotes: nothing matches "${pick.value.trim()}"`;
  };
  let timer: NodeJS.Timeout | undefined;
  const chosen = await new Promise<QuotePlace | undefined>((resolve) => {
    const subscriptions = [
      pick.onDidChangeValue(() => {
        clearTimeout(timer);
        timer = setTimeout(show, TYPING_PAUSE_MS);
      }),
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]?.place ?? pick.activeItems[0]?.place);
        pick.hide();
      }),
      pick.onDidHide(() => {
        clearTimeout(timer);
        resolve(undefined);
        for (const s of subscriptions) s.dispose();
        pick.dispose();
      }),
    ];
    show();
    pick.show();
  });
  if (chosen) await openMention(chosen.uri, chosen.quote.start, chosen.quote.end);
  return chosen;
}

export function registerQuotesSearch(services: DossierServices): vscode.Disposable {
  return vscode.commands.registerCommand('dossier.searchQuotes', (args?: { query?: string }) => searchQuotes(services, args?.query));
}
