// The Documents view: every indexed document with its entity counts per type.
import * as vscode from 'vscode';
import type { EntityIndex } from '../../core/index/types';
import { ENTITY_TYPES, type EntityType } from '../../core/model';
import type { DossierServices } from '../services';
import { TYPE_ICON } from './entitiesTree';
import { TYPE_LABEL, TYPE_SLUG } from './decorations';
import { exposeTreeForTests } from './treeSnapshot';
import { sourceKindOf, type SourceKind } from '../../core/sources/types';

type DocumentsNode =
  | { kind: 'document'; path: string; uri: string; counts: Record<EntityType, number>; entities: number; failure?: Failure }
  /** A PDF, HTML or DOCX file with no text Dossier could read, and why. */
  | { kind: 'skipped'; path: string; uri: string; reason: string }
  | { kind: 'typeCount'; path: string; uri: string; type: EntityType; count: number; start: number; end: number };

/** A failed analysis waiting for its next retry. */
interface Failure {
  error: string;
  attempts: number;
  dueAt: number;
}

class DocumentsProvider implements vscode.TreeDataProvider<DocumentsNode> {
  private readonly emitter = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  index: EntityIndex | undefined;

  constructor(
    private readonly uriOf: (path: string) => vscode.Uri | undefined,
    private readonly retries: () => { path: string; error: string; attempts: number; dueAt: number }[],
    private readonly skipped: () => { path: string; uri: vscode.Uri; reason: string }[],
    /** The workspace folder of a path, when there are several (its name is the path's first segment). */
    private readonly folderOf: (path: string) => string | undefined = () => undefined,
  ) {}

  refresh(index: EntityIndex | undefined): void {
    this.index = index;
    this.emitter.fire(undefined);
  }

  getTreeItem(node: DocumentsNode): vscode.TreeItem {
    if (node.kind === 'skipped') return skippedItem(node);
    if (node.kind === 'document') {
      const item = new vscode.TreeItem(vscode.Uri.parse(node.uri), vscode.TreeItemCollapsibleState.Collapsed);
      item.label = node.path.split('/').pop() ?? node.path;
      const parts = ENTITY_TYPES.filter((t) => node.counts[t] > 0).map((t) => `${node.counts[t]} ${TYPE_LABEL[t].toLowerCase()}`);
      item.description = `${node.entities} entities${node.path.includes('/') ? ` · ${node.path.slice(0, node.path.lastIndexOf('/'))}` : ''}`;
      item.tooltip = `${node.path}\n${parts.join(', ') || 'no entities'}`;
      const folder = this.folderOf(node.path);
      if (folder) item.tooltip += `\nWorkspace folder: ${folder}`;
      item.iconPath = vscode.ThemeIcon.File;
      const kind = sourceKindOf(node.path);
      if (kind) {
        // The kind shows first: the text Dossier reads came out of a PDF, a web page or a Word file.
        item.description = `${KIND_LABEL[kind]} · ${item.description}`;
        item.tooltip = `${node.path} (${KIND_LABEL[kind]}, read as its extracted text)\n${parts.join(', ') || 'no entities'}`;
        item.iconPath = new vscode.ThemeIcon(KIND_ICON[kind]);
      }
      if (node.failure) {
        // Shown until a retry succeeds, so a document is never silently without mentions.
        const seconds = Math.max(0, Math.round((node.failure.dueAt - Date.now()) / 1000));
        item.description = `analysis failed · retry ${node.failure.attempts + 1} in ${seconds} s`;
        item.tooltip = `${node.path}\nAnalysis failed: ${node.failure.error}\nDossier retries with back-off until it succeeds.`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      }
      item.contextValue = 'document';
      item.id = `doc:${node.path}`;
      item.command = { command: 'dossier.openMention', title: 'Open', arguments: [node.uri, 0, 0] };
      return item;
    }
    const item = new vscode.TreeItem(TYPE_LABEL[node.type], vscode.TreeItemCollapsibleState.None);
    item.description = `${node.count} entit${node.count === 1 ? 'y' : 'ies'}`;
    item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type], new vscode.ThemeColor(`dossier.${TYPE_SLUG[node.type]}.border`));
    item.id = `doc:${node.path}:${node.type}`;
    item.contextValue = 'documentType';
    item.command = { command: 'dossier.openMention', title: 'Open First Mention', arguments: [node.uri, node.start, node.end] };
    return item;
  }

  getChildren(node?: DocumentsNode): DocumentsNode[] {
    const index = this.index;
    if (!index) return [];
    if (!node) {
      const failures = new Map(this.retries().map((r) => [r.path, r]));
      const docs: DocumentsNode[] = index.documents().flatMap((path) => {
        const uri = this.uriOf(path);
        const record = index.getDocument(path);
        if (!uri || !record) return [];
        const counts = { PERSON: 0, ORG: 0, PLACE: 0, DATE: 0 } as Record<EntityType, number>;
        const seen = new Set<string>();
        for (const m of record.mentions) {
          if (m.provenance === 'rejected' || seen.has(m.entity)) continue;
          seen.add(m.entity);
          counts[m.type]++;
        }
        const failure = failures.get(path) ?? (record.analysisError !== undefined ? { error: record.analysisError, attempts: 0, dueAt: Date.now() } : undefined);
        return [{ kind: 'document' as const, path, uri: uri.toString(), counts, entities: seen.size, ...(failure ? { failure } : {}) }];
      });
      const listed = new Set(index.documents());
      const skipped = this.skipped()
        .filter((s) => !listed.has(s.path))
        .map((s) => ({ kind: 'skipped' as const, path: s.path, uri: s.uri.toString(), reason: s.reason }));
      return [...docs, ...skipped].sort((a, b) => a.path.localeCompare(b.path));
    }
    if (node.kind !== 'document') return [];
    const mentions = index.getDocument(node.path)?.mentions.filter((m) => m.provenance !== 'rejected') ?? [];
    return ENTITY_TYPES.filter((t) => node.counts[t] > 0).map((type) => {
      const first = mentions.find((m) => m.type === type);
      return { kind: 'typeCount' as const, path: node.path, uri: node.uri, type, count: node.counts[type], start: first?.start ?? 0, end: first?.end ?? 0 };
    });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

const KIND_LABEL: Record<SourceKind, string> = { pdf: 'PDF', html: 'HTML', docx: 'Word' };
const KIND_ICON: Record<SourceKind, string> = { pdf: 'file-pdf', html: 'globe', docx: 'book' };

function skippedItem(node: Extract<DocumentsNode, { kind: 'skipped' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.path.split('/').pop() ?? node.path, vscode.TreeItemCollapsibleState.None);
  item.description = `skipped · ${node.reason}`;
  item.tooltip = `${node.path}\nNot indexed: ${node.reason}`;
  item.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.contextValue = 'skippedDocument';
  item.id = `skipped:${node.path}`;
  item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(node.uri)] };
  return item;
}

export function registerDocumentsView(services: DossierServices): vscode.Disposable {
  const provider = new DocumentsProvider(
    (path) => services.workspaceIndex.uriOf(path),
    () => services.workspaceIndex.pendingRetries(),
    () =>
      services.sources.failures().flatMap((f) => {
        const path = services.workspaceIndex.pathOf(f.uri);
        return path === undefined ? [] : [{ path, uri: f.uri, reason: f.message }];
      }),
    (path) => services.workspaceIndex.folderOf(path),
  );
  const view = vscode.window.createTreeView('dossier.documents', { treeDataProvider: provider });
  let timer: NodeJS.Timeout | undefined;
  const refresh = async (): Promise<void> => {
    const index = await services.index;
    provider.refresh(index);
    const skipped = services.sources.failures().length;
    const folders = services.workspaceIndex.folders.folders.length;
    view.description = index ? `${index.documents().length} documents${folders > 1 ? ` in ${folders} folders` : ''}${skipped ? ` · ${skipped} skipped` : ''}` : undefined;
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 250);
  };
  void refresh();
  return vscode.Disposable.from(
    view,
    provider,
    services.workspaceIndex.onDidChange((e) => {
      if (e.documents.length || e.all) later();
    }),
    services.sources.onDidChange(later),
    exposeTreeForTests('dossier.documents', provider),
    new vscode.Disposable(() => clearTimeout(timer)),
  );
}
