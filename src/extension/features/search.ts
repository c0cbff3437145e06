// Command-palette search: `Dossier: Search Entities` (live fuse.js results over the index),
// `Go to Entity in This Document`, and `Show All Mentions`; each ends in a pick of the
// entity's mentions with context, and choosing one opens the document at the mention.
import Fuse from 'fuse.js';
import * as vscode from 'vscode';
import { showInReferencesPanel } from './referencesPanel';
import type { EntityRecord } from '../../core/index/types';
import { type EntityType, foldKey, type Mention } from '../../core/model';
import type { DossierServices } from '../services';
import {
  documentLabel,
  entityAt,
  entityIdOfArg,
  liveMentions,
  type MentionPlace,
  placesInDocument,
  revealPlace,
  workspacePlaces,
} from './entityLocations';

export const TYPE_ICON: Record<EntityType, string> = { PERSON: '$(person)', ORG: '$(organization)', PLACE: '$(location)', DATE: '$(calendar)' };
const PREFIX_TYPE: Record<string, EntityType> = { p: 'PERSON', o: 'ORG', l: 'PLACE', d: 'DATE' };
/** Keystrokes closer together than this are one search. */
const TYPING_PAUSE_MS = 60;
/** Index updates arrive in bursts while scanning: refresh the results at most this often. */
const REFRESH_PAUSE_MS = 250;
const RESULTS = 30;
const DETAILED_ROWS = 10;

interface EntityItem extends vscode.QuickPickItem {
  entity: string;
}
interface PlaceItem extends vscode.QuickPickItem {
  place: MentionPlace;
}
/** What a search source returns for a query (already without its type prefix). */
type EntitySource = (query: string, types: EntityType[] | undefined) => EntityItem[];

export function registerSearch(services: DossierServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('dossier.searchEntities', (args?: { query?: string }) => searchWorkspace(services, args?.query)),
    vscode.commands.registerCommand('dossier.goToEntityInDocument', (args?: { query?: string }) => searchDocument(services, args?.query)),
    vscode.commands.registerCommand('dossier.showAllMentions', async (arg?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const entity = entityIdOfArg(arg) ?? (editor && (await entityAt(services, editor.document, editor.selection.active))?.entity);
      if (!entity) {
        void vscode.window.showInformationMessage('Dossier: put the cursor on a highlighted name, or pick one with "Dossier: Search Entities".');
        return undefined;
      }
      const places = await workspacePlaces(services, entity);
      const chosen = await pickPlace(services, entity, places, 'in the workspace');
      // After the pick, so the panel never takes focus from it: the list stays for browsing.
      const name = (await services.index)?.getEntity(entity)?.canonical ?? places[0]?.text ?? entity;
      await showInReferencesPanel(places, name);
      return chosen;
    }),
  );
}

async function searchWorkspace(services: DossierServices, query = ''): Promise<MentionPlace | undefined> {
  let index = await services.index;
  if (!index) {
    void vscode.window.showInformationMessage('Dossier: the entity index needs an open folder (and is still loading right after start).');
    return undefined;
  }
  const source: EntitySource = (q, types) => {
    if (!index) return [];
    const from = index;
    const found = q
      ? from.search(q, { types, limit: RESULTS }).map((r) => r.entity)
      : from.entities().filter((e) => !types || types.includes(e.type)).sort((a, b) => b.counts.mentions - a.counts.mentions).slice(0, RESULTS);
    // Top documents cost a walk over the entity's mentions: only for the rows a user sees first.
    return found.map((e, i) => entityItem(e, i < DETAILED_ROWS ? topDocuments(from.mentionsOf(e.id).map((l) => l.path)) : []));
  };
  const wi = services.workspaceIndex;
  // Reopened (trust granted, coverage settings changed): search the new index.
  const reopened = wi.onDidChange(async (e) => {
    if (e.all) index = await services.index;
  });
  let entity: string | undefined;
  try {
    // Results fill in while the workspace is still being indexed (right after start).
    entity = await pickEntity(source, 'Dossier: Search Entities', query, { changes: [wi.onDidChange, wi.onDidChangeProgress], indexing: () => wi.progress });
  } finally {
    reopened.dispose();
  }
  return entity ? pickPlace(services, entity, await workspacePlaces(services, entity), 'in the workspace') : undefined;
}

async function searchDocument(services: DossierServices, query = ''): Promise<MentionPlace | undefined> {
  const editor = vscode.window.activeTextEditor;
  const mentions = editor ? liveMentions(services, editor.document) : [];
  if (!editor || mentions.length === 0) {
    void vscode.window.showInformationMessage('Dossier: no entities found in this document (yet).');
    return undefined;
  }
  const index = await services.index;
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const id = index?.getEntity(m.entity)?.id ?? m.entity;
    groups.set(id, [...(groups.get(id) ?? []), m]);
  }
  const live = services.analysis.get(editor.document.uri)?.analysis;
  const rows = [...groups].map(([id, ms]) => {
    const record = index?.getEntity(id);
    const canonical = record?.canonical ?? live?.entities.find((e) => e.id === id)?.canonical ?? ms[0].text;
    const aliases = [...new Set(ms.map((m) => m.text))].filter((t) => t !== canonical);
    return { id, type: ms[0].type, canonical, aliases, folded: [canonical, ...aliases].map(foldKey), count: ms.length, first: ms[0].start };
  });
  const fuse = new Fuse(rows, { keys: ['folded'], threshold: 0.35, ignoreLocation: true, includeScore: true });
  const source: EntitySource = (q, types) => {
    const ranked = q ? fuse.search(foldKey(q)).map((r) => r.item) : [...rows].sort((a, b) => a.first - b.first);
    return ranked
      .filter((r) => !types || types.includes(r.type))
      .map((r) => ({
        label: `${TYPE_ICON[r.type]} ${r.canonical}`,
        description: r.aliases.join(', '),
        detail: `${r.count} mention${r.count === 1 ? '' : 's'} in this document`,
        alwaysShow: true,
        entity: r.id,
      }));
  };
  const entity = await pickEntity(source, 'Dossier: Go to Entity in This Document', query);
  return entity ? pickPlace(services, entity, placesInDocument(services, index, editor.document, entity), 'in this document') : undefined;
}

/** `p:` `o:` `l:` `d:` restrict the search to one type. */
export function parseQuery(value: string): { query: string; types: EntityType[] | undefined } {
  const m = /^\s*([pold]):\s*(.*)$/i.exec(value);
  return m ? { query: m[2].trim(), types: [PREFIX_TYPE[m[1].toLowerCase()]] } : { query: value.trim(), types: undefined };
}

/** What makes a pick's results go stale besides typing, and whether indexing is under way. */
interface LiveSource {
  changes: vscode.Event<unknown>[];
  indexing?: () => { done: number; total: number } | undefined;
}

/** A live QuickPick over `source`: busy while searching, stale searches dropped, disposed on hide. */
function pickEntity(source: EntitySource, title: string, initial: string, live?: LiveSource): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<EntityItem>();
  pick.title = title;
  pick.placeholder = 'Name or alias (accents optional); prefix p: o: l: d: for people, organisations, places, dates';
  pick.matchOnDescription = true;
  pick.value = initial;
  let generation = 0;
  let timer: NodeJS.Timeout | undefined;
  let pending = false;
  const run = (delay: number): void => {
    const mine = ++generation;
    pick.busy = true;
    clearTimeout(timer);
    pending = true;
    timer = setTimeout(() => {
      pending = false;
      if (mine !== generation) return; // a newer keystroke superseded this search
      const progress = live?.indexing?.();
      try {
        const { query, types } = parseQuery(pick.value);
        const items = source(query, types);
        if (mine !== generation) return;
        pick.items = items;
        // The title is the one status line a user sees while typing (the placeholder hides).
        pick.title = progress
          ? `${title}: indexing ${progress.done}/${progress.total || '…'} documents`
          : items.length || !query ? title : `${title}: nothing matches "${query}"`;
      } catch (err) {
        pick.items = [];
        pick.title = `${title}: search failed: ${err instanceof Error ? err.message : String(err)}`;
      } finally {
        if (mine === generation) pick.busy = !!progress;
      }
    }, delay);
  };
  return new Promise((resolve) => {
    const subscriptions = [
      pick.onDidChangeValue(() => run(TYPING_PAUSE_MS)),
      // Throttled, not debounced: a steady stream of index events must not starve the results.
      ...(live?.changes ?? []).map((event) => event(() => pending || run(REFRESH_PAUSE_MS))),
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]?.entity ?? pick.activeItems[0]?.entity);
        pick.hide();
      }),
      pick.onDidHide(() => {
        generation++;
        clearTimeout(timer);
        resolve(undefined);
        for (const s of subscriptions) s.dispose();
        pick.dispose();
      }),
    ];
    run(0);
    pick.show();
  });
}

/** Second step: the entity's mentions with their lines; the chosen one is opened and selected. */
async function pickPlace(services: DossierServices, entity: string, places: MentionPlace[], where: string): Promise<MentionPlace | undefined> {
  const index = await services.index;
  const name = index?.getEntity(entity)?.canonical ?? places[0]?.text ?? entity;
  if (places.length === 0) {
    void vscode.window.showInformationMessage(`Dossier: no mentions of ${name} ${where}.`);
    return undefined;
  }
  const items: PlaceItem[] = places.map((place) => ({
    label: `$(file) ${documentLabel(place.uri)}${place.page ? ` p. ${place.page}` : `:${place.range.start.line + 1}`}`,
    description: place.text + (place.provenance === 'auto' ? '' : ` · ${place.provenance}`),
    detail: place.context,
    place,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: `${name}: ${places.length} mention${places.length === 1 ? '' : 's'} ${where}`,
    placeHolder: 'Choose a mention to open it',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen) return undefined;
  await revealPlace(chosen.place);
  return chosen.place;
}

function entityItem(e: EntityRecord, top: string[]): EntityItem {
  const aliases = e.aliases.filter((a) => a !== e.canonical);
  const counts = `${e.counts.mentions} mention${e.counts.mentions === 1 ? '' : 's'} in ${e.counts.documents} document${e.counts.documents === 1 ? '' : 's'}`;
  return {
    label: `${TYPE_ICON[e.type]} ${e.canonical}`,
    description: aliases.join(', ') + (e.value && e.value !== e.canonical ? `  ${e.value}` : ''),
    detail: top.length ? `${counts} · ${top.join(', ')}` : counts,
    // Results come from our own fuzzy search (aliases, accents): the pick must not refilter them.
    alwaysShow: true,
    entity: e.id,
  };
}

/** The three documents with the most mentions, as "file.md (3)". */
function topDocuments(paths: string[]): string[] {
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([p, n]) => `${p.split('/').pop()} (${n})`);
}
