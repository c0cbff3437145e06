// The Entities tree's data: type -> entity (count) -> document -> mention lines with a
// keyword-in-context snippet, over the workspace index or the active document's analysis.
import * as vscode from 'vscode';
import type { EntityIndex } from '../../core/index/types';
import { LineMap } from '../../core/index/locations';
import { ENTITY_TYPES, foldKey, type EntityType } from '../../core/model';
import type { DocumentAnalysis } from '../analysis/analysisService';
import { TYPE_LABEL, TYPE_SLUG } from './decorations';

export type EntitiesScope = 'document' | 'workspace';
export type EntitiesSort = 'count' | 'name';

/** Nodes carry `entity`, and mentions `uri`/`start`/`end`, so annotation commands accept them as args. */
export type EntitiesNode =
  | { kind: 'type'; id: string; type: EntityType; count: number }
  | { kind: 'entity'; id: string; parent: EntitiesNode; entity: string; type: EntityType; canonical: string; aliases: string[]; count: number }
  | { kind: 'entityDocument'; id: string; parent: EntitiesNode; entity: string; path: string; uri: string; count: number }
  | { kind: 'mention'; id: string; parent: EntitiesNode; entity: string; uri: string; start: number; end: number; line: number; text: string; context: string; page?: number };

export const TYPE_ICON: Record<EntityType, string> = { PERSON: 'person', ORG: 'organization', PLACE: 'location', DATE: 'calendar' };
const TYPE_PLURAL: Record<EntityType, string> = { PERSON: 'People', ORG: 'Organisations', PLACE: 'Places', DATE: 'Dates' };

export interface EntitiesSource {
  scope: EntitiesScope;
  sort: EntitiesSort;
  filter: string;
  index: EntityIndex | undefined;
  /** The document shown in document scope. */
  document: { uri: vscode.Uri; text: string; analysis: DocumentAnalysis } | undefined;
  uriOf(path: string): vscode.Uri | undefined;
  /** The PDF page of an offset into a document's text (undefined for other kinds). */
  pageOf?(uri: string, offset: number): number | undefined;
}

interface EntityRow {
  entity: string;
  type: EntityType;
  canonical: string;
  aliases: string[];
  count: number;
}

/** Builds the top two levels; deeper levels are computed on expansion. */
export function entityRows(src: EntitiesSource): EntityRow[] {
  let rows: EntityRow[] = [];
  if (src.scope === 'workspace') {
    rows = (src.index?.entities() ?? [])
      .filter((e) => e.counts.mentions > 0)
      .map((e) => ({ entity: e.id, type: e.type, canonical: e.canonical, aliases: e.aliases, count: e.counts.mentions }));
  } else if (src.document) {
    const counts = new Map<string, number>();
    for (const m of src.document.analysis.analysis.mentions) {
      if (m.provenance !== 'rejected') counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    }
    rows = src.document.analysis.analysis.entities
      .filter((e) => counts.has(e.id))
      .map((e) => ({ entity: e.id, type: e.type, canonical: e.canonical, aliases: e.aliases, count: counts.get(e.id) ?? 0 }));
  }
  // Tree ids must be unique; an analysis may list one id twice (two groups, one canonical).
  const unique = new Map<string, EntityRow>();
  for (const r of rows) {
    const seen = unique.get(r.entity);
    if (!seen) unique.set(r.entity, r);
    else seen.aliases = [...new Set([...seen.aliases, ...r.aliases])];
  }
  rows = [...unique.values()];
  const needle = foldKey(src.filter);
  if (needle) rows = rows.filter((r) => [r.canonical, ...r.aliases].some((n) => foldKey(n).includes(needle)));
  const byName = (a: EntityRow, b: EntityRow): number => a.canonical.localeCompare(b.canonical);
  return rows.sort(src.sort === 'name' ? byName : (a, b) => b.count - a.count || byName(a, b));
}

export function typeNodes(rows: EntityRow[]): EntitiesNode[] {
  return ENTITY_TYPES.map((type) => ({ kind: 'type' as const, id: `type:${type}`, type, count: rows.filter((r) => r.type === type).length })).filter(
    (n) => n.count > 0,
  );
}

export function entityNodes(parent: Extract<EntitiesNode, { kind: 'type' }>, rows: EntityRow[]): EntitiesNode[] {
  return rows.filter((r) => r.type === parent.type).map((r) => ({ kind: 'entity', id: `${parent.id}/${r.entity}`, parent, ...r }));
}

/** Workspace scope: the documents mentioning an entity. Document scope: its mention lines. */
export function entityChildren(node: Extract<EntitiesNode, { kind: 'entity' }>, src: EntitiesSource): EntitiesNode[] {
  if (src.scope === 'document') {
    const doc = src.document;
    if (!doc) return [];
    const lines = new LineMap(doc.text);
    return doc.analysis.analysis.mentions
      .filter((m) => m.entity === node.entity && m.provenance !== 'rejected' && m.end <= doc.text.length)
      .map((m) => mentionNode(node, doc.uri.toString(), m.start, m.end, lines.lineOf(m.start), m.text, lines.context(m.start, m.end, 90), src));
  }
  const byPath = new Map<string, number>();
  for (const loc of src.index?.mentionsOf(node.entity) ?? []) byPath.set(loc.path, (byPath.get(loc.path) ?? 0) + 1);
  return [...byPath].flatMap(([path, count]) => {
    const uri = src.uriOf(path);
    return uri ? [{ kind: 'entityDocument' as const, id: `${node.id}/${path}`, parent: node, entity: node.entity, path, uri: uri.toString(), count }] : [];
  });
}

export function documentMentions(node: Extract<EntitiesNode, { kind: 'entityDocument' }>, src: EntitiesSource): EntitiesNode[] {
  return (src.index?.mentionsOf(node.entity) ?? [])
    .filter((loc) => loc.path === node.path)
    .map((loc) => mentionNode(node, node.uri, loc.mention.start, loc.mention.end, loc.line, loc.mention.text, loc.context, src));
}

function mentionNode(parent: EntitiesNode, uri: string, start: number, end: number, line: number, text: string, context: string, src: EntitiesSource): EntitiesNode {
  const page = src.pageOf?.(uri, start);
  return { kind: 'mention', id: `${parent.id}@${start}`, parent, entity: parent.kind === 'type' ? '' : parent.entity, uri, start, end, line, text, context, ...(page ? { page } : {}) };
}

export function toTreeItem(node: EntitiesNode): vscode.TreeItem {
  const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
  switch (node.kind) {
    case 'type': {
      const item = new vscode.TreeItem(TYPE_PLURAL[node.type], collapsed);
      item.description = String(node.count);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type], new vscode.ThemeColor(`dossier.${TYPE_SLUG[node.type]}.border`));
      return finish(item, node, 'type');
    }
    case 'entity': {
      const item = new vscode.TreeItem(node.canonical, collapsed);
      const aliases = node.aliases.filter((a) => a !== node.canonical);
      item.description = `${node.count}${aliases.length ? ` · ${aliases.slice(0, 3).join(', ')}` : ''}`;
      item.tooltip = `${TYPE_LABEL[node.type]}: ${node.canonical}\n${node.count} mention${node.count === 1 ? '' : 's'}${aliases.length ? `\nAlso: ${aliases.join(', ')}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type], new vscode.ThemeColor(`dossier.${TYPE_SLUG[node.type]}.border`));
      return finish(item, node, 'entity');
    }
    case 'entityDocument': {
      const item = new vscode.TreeItem(vscode.Uri.parse(node.uri), collapsed);
      item.label = node.path.split('/').pop() ?? node.path;
      // The folder helps only when the document is not at the workspace root.
      item.description = node.path.includes('/') ? `${node.count} · ${node.path.slice(0, node.path.lastIndexOf('/'))}` : String(node.count);
      item.iconPath = vscode.ThemeIcon.File;
      return finish(item, node, 'entityDocument');
    }
    case 'mention': {
      // Keyword in context: the line with the mention itself highlighted.
      const at = node.context.indexOf(node.text.replace(/\s+/g, ' '));
      const label: vscode.TreeItemLabel = { label: node.context || node.text, highlights: at >= 0 ? [[at, at + node.text.length]] : [] };
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
      item.description = node.page ? `p. ${node.page}` : `line ${node.line + 1}`;
      item.command = { command: 'dossier.openMention', title: 'Open Mention', arguments: [node.uri, node.start, node.end] };
      return finish(item, node, 'mention');
    }
  }
}

function finish(item: vscode.TreeItem, node: EntitiesNode, contextValue: string): vscode.TreeItem {
  item.id = node.id;
  item.contextValue = contextValue;
  return item;
}
