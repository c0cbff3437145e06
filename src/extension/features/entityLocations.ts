// Where an entity's mentions are, in editor terms: the mention under the cursor, every mention
// in the workspace, the defining one. Open documents answer from their live analysis (so
// unsaved edits are honoured); the rest from the index. Shared by ext-nav's features.
import * as vscode from 'vscode';
import type { EntityIndex, EntityRecord, MentionLocation } from '../../core/index/types';
import type { Mention, Provenance } from '../../core/model';
import { spanAt, TextLineMap, toRange } from '../convert';
import type { DossierServices } from '../services';
import { originalUriOf } from '../sources/sourceUri';

/** A mention as the editor shows it. */
export interface MentionPlace {
  uri: vscode.Uri;
  range: vscode.Range;
  text: string;
  entity: string;
  provenance: Provenance;
  /** The mention's line, trimmed, for pickers and reference lists. */
  context: string;
  /** PDF documents: the 1-based page of the mention. */
  page?: number;
}

/** The open document, if any, for `uri`. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** Non-rejected mentions of an open document, sorted by start. */
export function liveMentions(services: DossierServices, document: vscode.TextDocument): Mention[] {
  const live = services.analysis.get(document.uri);
  return live ? live.analysis.mentions.filter((m) => m.provenance !== 'rejected') : [];
}

/** Longest a provider waits for the worker before answering from what it has. */
const ANALYSIS_WAIT_MS = 5_000;

/**
 * Waits (bounded) for the document's analysis: always for the current version when `current`,
 * else only when there is none at all yet (a just-opened file). Edits in flight are covered by
 * the analysis service's shifted mentions, so providers need not wait for them.
 */
export async function settledAnalysis(services: DossierServices, document: vscode.TextDocument, current = false): Promise<void> {
  const live = services.analysis.get(document.uri);
  if (live && (!current || (!live.stale && live.version === document.version))) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    services.analysis.whenAnalyzed(document),
    new Promise((resolve) => (timer = setTimeout(resolve, ANALYSIS_WAIT_MS))),
  ]);
  clearTimeout(timer);
}

/** The live mention covering `position` (a cursor right after a name still counts). */
export function mentionAt(services: DossierServices, document: vscode.TextDocument, position: vscode.Position): Mention | undefined {
  return spanAt(liveMentions(services, document), document.offsetAt(position));
}

/** The mention under the cursor and its entity (merges followed), from the live analysis. */
export async function entityAt(
  services: DossierServices,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<{ mention: Mention; entity: string; record: EntityRecord | undefined } | undefined> {
  await settledAnalysis(services, document);
  const mention = mentionAt(services, document, position);
  if (!mention) return undefined;
  const index = await services.index;
  const record = index?.getEntity(mention.entity);
  return { mention, entity: record?.id ?? mention.entity, record };
}

/** Same entity after merges: mention ids may predate a merge the index already knows. */
export function sameEntity(index: EntityIndex | undefined, a: string, b: string): boolean {
  if (a === b) return true;
  if (!index) return false;
  const ra = index.getEntity(a)?.id;
  return ra !== undefined && ra === index.getEntity(b)?.id;
}

function contextOf(line: string): string {
  const t = line.trim();
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

/** Mentions of `entity` in one open document, from its live analysis. */
export function placesInDocument(
  services: DossierServices,
  index: EntityIndex | undefined,
  document: vscode.TextDocument,
  entity: string,
): MentionPlace[] {
  return liveMentions(services, document)
    .filter((m) => sameEntity(index, m.entity, entity))
    .map((m) => {
      const range = toRange(document, m);
      const page = services.sources.pageAt(originalUriOf(document.uri), m.start);
      return {
        ...(page ? { page } : {}),
        uri: document.uri,
        range,
        text: m.text,
        entity,
        provenance: m.provenance ?? 'auto',
        context: contextOf(document.lineAt(range.start.line).text),
      };
    });
}

/** Every non-rejected mention of `entity` in the workspace, by document then offset. */
export async function workspacePlaces(services: DossierServices, entity: string): Promise<MentionPlace[]> {
  const index = await services.index;
  const places: MentionPlace[] = [];
  const liveDocs = new Set<string>();
  // Open, analysed documents first: their text may be ahead of what the index last saw.
  for (const document of vscode.workspace.textDocuments) {
    if (!services.analysis.get(document.uri)) continue;
    liveDocs.add(document.uri.toString());
    places.push(...placesInDocument(services, index, document, entity));
  }
  if (index) {
    const maps = new Map<string, TextLineMap | undefined>();
    for (const loc of index.mentionsOf(entity)) {
      const uri = services.workspaceIndex.uriOf(loc.path);
      if (!uri || liveDocs.has(uri.toString())) continue;
      const place = placeFromIndex(services, index, uri, loc, maps);
      if (place) places.push({ ...place, entity });
    }
  }
  return places.sort(comparePlaces);
}

/** The entity's defining mention: its first full-name mention in the workspace. */
export async function definitionPlace(services: DossierServices, entity: string): Promise<MentionPlace | undefined> {
  const index = await services.index;
  const loc = index?.definitionOf(entity);
  if (index && loc) {
    const uri = services.workspaceIndex.uriOf(loc.path);
    const document = uri && openDocument(uri);
    if (uri && document && services.analysis.get(uri)) {
      // Prefer the live twin of the index's mention (same text, nearest offset).
      const live = placesInDocument(services, index, document, entity).filter((p) => p.text === loc.mention.text);
      const best = live.sort((a, b) => Math.abs(a.range.start.line - loc.line) - Math.abs(b.range.start.line - loc.line))[0];
      if (best) return best;
    }
    if (uri) return placeFromIndex(services, index, uri, loc, new Map());
  }
  // No index (no folder, untrusted and still loading): the first full-name mention among open documents.
  const places = await workspacePlaces(services, entity);
  const canonical = index?.getEntity(entity)?.canonical;
  return places.find((p) => p.text === canonical) ?? places.sort((a, b) => b.text.length - a.text.length)[0];
}

function placeFromIndex(
  services: DossierServices,
  index: EntityIndex,
  uri: vscode.Uri,
  loc: MentionLocation,
  maps: Map<string, TextLineMap | undefined>,
): MentionPlace | undefined {
  if (!maps.has(loc.path)) {
    const text = index.getText(loc.path);
    maps.set(loc.path, text === undefined ? undefined : new TextLineMap(text));
  }
  const map = maps.get(loc.path);
  const range = map
    ? toRange(map, loc.mention)
    : new vscode.Range(loc.line, loc.character, loc.line, loc.character + loc.mention.text.length);
  const page = services.sources.pageAt(originalUriOf(uri), loc.mention.start);
  return { uri, range, text: loc.mention.text, entity: loc.mention.entity, provenance: loc.mention.provenance, context: loc.context, ...(page ? { page } : {}) };
}

function comparePlaces(a: MentionPlace, b: MentionPlace): number {
  const byUri = a.uri.toString().localeCompare(b.uri.toString());
  return byUri || a.range.start.compareTo(b.range.start);
}

/** Opens the document and selects the mention, as Go to Definition would. */
export async function revealPlace(place: Pick<MentionPlace, 'uri' | 'range'>): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(place.uri, { selection: place.range, preserveFocus: false });
  editor.revealRange(place.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Workspace-relative label for a uri ("articles/paris.txt"). */
export function documentLabel(uri: vscode.Uri): string {
  // The text of a PDF, HTML or DOCX document is labelled by the original's path.
  return vscode.workspace.asRelativePath(originalUriOf(uri), false);
}

/**
 * Registers providers for the enabled languages (`dossier.languages`), and again whenever the
 * setting changes, so a language added in settings works without a reload.
 */
export function forDossierLanguages(
  services: DossierServices,
  register: (selector: vscode.DocumentSelector) => vscode.Disposable,
): vscode.Disposable {
  const selectorOf = (languages: string[]): vscode.DocumentFilter[] => languages.map((language) => ({ language }));
  let languages = services.config.current.languages.join('\n');
  let current = register(selectorOf(services.config.current.languages));
  const listener = services.config.onDidChange((c) => {
    if (c.languages.join('\n') === languages) return;
    languages = c.languages.join('\n');
    current.dispose();
    current = register(selectorOf(c.languages));
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    current.dispose();
  });
}

/**
 * The entity id a command was invoked with: a plain id (hover links), `{ entity }` (the
 * contract's args, code actions) or a tree element carrying `entity`/`id` (view menus).
 */
export function entityIdOfArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg || undefined;
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as { entity?: unknown; entityId?: unknown; id?: unknown };
  if (typeof o.entity === 'string') return o.entity;
  if (o.entity && typeof o.entity === 'object' && typeof (o.entity as { id?: unknown }).id === 'string') return (o.entity as { id: string }).id;
  if (typeof o.entityId === 'string') return o.entityId;
  return typeof o.id === 'string' && /^[a-z]+:/.test(o.id) ? o.id : undefined;
}
