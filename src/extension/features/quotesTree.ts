// The Quotes tree's data: speaker -> quote (with file:line), over the workspace index or the
// active document's analysis, filtered by speaker name or quoted words like the Entities view.
import * as vscode from 'vscode';
import { LineMap } from '../../core/index/locations';
import { corpusQuotes } from '../../core/index/quotes';
import type { EntityIndex, QuoteWithProvenance } from '../../core/index/types';
import { type EntityType, foldKey, type Quote } from '../../core/model';
import { TYPE_SLUG } from './decorations';
import type { ScopedDocument, ViewScope } from './scopedView';
import { TYPE_ICON } from './entitiesTree';

export type QuotesScope = ViewScope;

export interface QuotesSource {
  scope: QuotesScope;
  filter: string;
  index: EntityIndex | undefined;
  document: ScopedDocument | undefined;
  uriOf(path: string): vscode.Uri | undefined;
}

/** One quote where a user can open it. */
export interface QuotePlace {
  uri: string;
  path: string;
  /** 0-based. */
  line: number;
  /** Corrected or added by the user when the index says so (Change Speaker…). */
  quote: Quote & { provenance?: QuoteWithProvenance['provenance'] };
  speaker: string | null;
  speakerName: string;
  speakerType: EntityType | undefined;
}

export type QuotesNode =
  | { kind: 'speaker'; id: string; speaker: string | null; name: string; type: EntityType | undefined; places: QuotePlace[] }
  | { kind: 'quote'; id: string; parent: QuotesNode; place: QuotePlace; uri: string; start: number; end: number };

export const UNATTRIBUTED = 'Unattributed';

function typeOf(id: string | null, fallback?: EntityType): EntityType | undefined {
  if (fallback) return fallback;
  const prefix = id?.split(':')[0];
  return prefix === 'person' ? 'PERSON' : prefix === 'org' ? 'ORG' : undefined;
}

/** Every quote of the scope, in document order. */
export function quotePlaces(src: QuotesSource): QuotePlace[] {
  if (src.scope === 'document') {
    const doc = src.document;
    if (!doc) return [];
    const lines = new LineMap(doc.text);
    const entities = doc.analysis.analysis.entities;
    return (doc.analysis.analysis.quotes ?? [])
      .filter((q) => q.end <= doc.text.length)
      .map((quote) => {
        const entity = quote.speaker ? entities.find((e) => e.id === quote.speaker) : undefined;
        const record = quote.speaker ? src.index?.getEntity(quote.speaker) : undefined;
        const speakerName = quote.speaker ? (record?.canonical ?? entity?.canonical ?? quote.speaker) : UNATTRIBUTED;
        const speakerType = typeOf(quote.speaker, record?.type ?? entity?.type);
        return { uri: doc.uri.toString(), path: doc.path, line: lines.lineOf(quote.start), quote, speaker: quote.speaker, speakerName, speakerType };
      });
  }
  if (!src.index) return [];
  const index = src.index;
  return corpusQuotes(index).flatMap((q) => {
    const uri = src.uriOf(q.path);
    if (!uri) return [];
    const speakerType = typeOf(q.quote.speaker, q.quote.speaker ? index.getEntity(q.quote.speaker)?.type : undefined);
    return [{ uri: uri.toString(), path: q.path, line: q.line, quote: q.quote, speaker: q.quote.speaker, speakerName: q.speakerName ?? UNATTRIBUTED, speakerType }];
  });
}

/** Speakers with their quotes, most quoted first; "Unattributed" last. */
export function speakerNodes(src: QuotesSource): QuotesNode[] {
  const needle = foldKey(src.filter);
  const groups = new Map<string, Extract<QuotesNode, { kind: 'speaker' }>>();
  for (const place of quotePlaces(src)) {
    if (needle && !foldKey(place.speakerName).includes(needle) && !foldKey(place.quote.text).includes(needle)) continue;
    const key = place.speaker ?? '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { kind: 'speaker', id: `speaker:${key}`, speaker: place.speaker, name: place.speakerName, type: place.speakerType, places: [] }));
    group.places.push(place);
  }
  return [...groups.values()].sort(
    (a, b) => Number(a.speaker === null) - Number(b.speaker === null) || b.places.length - a.places.length || a.name.localeCompare(b.name),
  );
}

export function quoteNodes(parent: Extract<QuotesNode, { kind: 'speaker' }>): QuotesNode[] {
  return parent.places.map((place) => ({
    kind: 'quote',
    id: `${parent.id}/${place.path}@${place.quote.start}`,
    parent,
    place,
    uri: place.uri,
    start: place.quote.start,
    end: place.quote.end,
  }));
}

/** One line of the quote, shortened: the tree shows the gist, the tooltip the whole text. */
export function quoteGist(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function toTreeItem(node: QuotesNode): vscode.TreeItem {
  if (node.kind === 'speaker') {
    const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = String(node.places.length);
    item.tooltip = `${node.name}: ${node.places.length} quote${node.places.length === 1 ? '' : 's'}`;
    item.iconPath = node.type
      ? new vscode.ThemeIcon(TYPE_ICON[node.type], new vscode.ThemeColor(`dossier.${TYPE_SLUG[node.type]}.border`))
      : new vscode.ThemeIcon('question');
    item.id = node.id;
    item.contextValue = node.speaker ? 'quoteSpeaker' : 'quoteUnattributed';
    return item;
  }
  const { place } = node;
  const item = new vscode.TreeItem(`“${quoteGist(place.quote.text)}”`, vscode.TreeItemCollapsibleState.None);
  const corrected = place.quote.provenance === 'corrected' ? ' · corrected' : place.quote.provenance === 'manual' ? ' · added by you' : '';
  item.description = `${place.path}:${place.line + 1}${corrected}`;
  item.tooltip = new vscode.MarkdownString().appendText(`${place.speakerName} (${place.quote.kind}):\n\n${place.quote.text}`);
  item.iconPath = new vscode.ThemeIcon('quote');
  item.command = { command: 'dossier.openMention', title: 'Open Quote', arguments: [place.uri, place.quote.start, place.quote.end] };
  item.id = node.id;
  item.contextValue = 'quote';
  return item;
}
