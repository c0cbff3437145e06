// Show All Mentions also fills VS Code's References panel (the built-in references-view), so
// the mentions stay listed by file after the picker closes. The list is our own input to the
// panel's API (a tree of documents and their mentions), not a new "Find All References" at the
// cursor: that one reveals its first result with focus a moment later, which closed the next
// picker a user opened. The editor keeps the focus; the panel is there to browse.
import * as vscode from 'vscode';
import { documentLabel, type MentionPlace } from './entityLocations';

/** The part of the references-view API (`vscode.references-view`) that Dossier uses. */
interface SymbolTreeApi {
  setInput(input: SymbolTreeInput): void;
}
interface SymbolTreeInput {
  readonly contextValue: string;
  readonly title: string;
  readonly location: vscode.Location;
  resolve(): vscode.ProviderResult<SymbolTreeModel>;
  with(location: vscode.Location): SymbolTreeInput;
}
interface SymbolTreeModel {
  provider: vscode.TreeDataProvider<Node>;
  message: string | undefined;
  navigation?: {
    nearest(uri: vscode.Uri, position: vscode.Position): Node | undefined;
    next(from: Node): Node;
    previous(from: Node): Node;
    location(item: Node): vscode.Location | undefined;
  };
}

type Node = { kind: 'file'; uri: vscode.Uri; places: MentionPlace[] } | { kind: 'mention'; place: MentionPlace; file: Node & { kind: 'file' } };

/** A tree of the entity's documents, each with its mentions, in index order. */
export function mentionsModel(places: readonly MentionPlace[]): SymbolTreeModel {
  const files = new Map<string, Node & { kind: 'file' }>();
  for (const place of places) {
    const key = place.uri.toString();
    const file = files.get(key) ?? { kind: 'file' as const, uri: place.uri, places: [] };
    file.places.push(place);
    files.set(key, file);
  }
  const roots = [...files.values()];
  const mentions: Node[] = roots.flatMap((file) => file.places.map((place) => ({ kind: 'mention' as const, place, file })));
  const step = (from: Node, by: number): Node => {
    const at = from.kind === 'mention' ? mentions.indexOf(from) : mentions.findIndex((m) => m.kind === 'mention' && m.file === from);
    return mentions[(at + by + mentions.length) % mentions.length];
  };
  const provider: vscode.TreeDataProvider<Node> = {
    getChildren: (node) => (!node ? roots : node.kind === 'file' ? mentions.filter((m) => m.kind === 'mention' && m.file === node) : []),
    getParent: (node) => (node.kind === 'mention' ? node.file : undefined),
    getTreeItem: (node) => (node.kind === 'file' ? fileItem(node) : mentionItem(node.place)),
  };
  return {
    provider,
    message: `${places.length} mention${places.length === 1 ? '' : 's'} in ${roots.length} document${roots.length === 1 ? '' : 's'}`,
    // No nearest item: the panel would reveal it with focus, taking it from the editor.
    navigation: { nearest: () => undefined, next: (n) => step(n, 1), previous: (n) => step(n, -1), location: (n) => (n.kind === 'mention' ? new vscode.Location(n.place.uri, n.place.range) : undefined) },
  };
}

function fileItem(node: { uri: vscode.Uri; places: MentionPlace[] }): vscode.TreeItem {
  const item = new vscode.TreeItem(documentLabel(node.uri), vscode.TreeItemCollapsibleState.Expanded);
  item.resourceUri = node.uri;
  item.description = String(node.places.length);
  return item;
}

function mentionItem(place: MentionPlace): vscode.TreeItem {
  const item = new vscode.TreeItem(place.context || place.text, vscode.TreeItemCollapsibleState.None);
  item.description = place.page ? `p. ${place.page}` : `:${place.range.start.line + 1}`;
  item.tooltip = `${place.text} · ${documentLabel(place.uri)}${item.description.startsWith(':') ? item.description : ` ${item.description}`}`;
  item.command = { command: 'vscode.open', title: 'Open Mention', arguments: [place.uri, { selection: place.range, preserveFocus: false }] };
  return item;
}

function input(title: string, location: vscode.Location, places: readonly MentionPlace[], resolved: () => void): SymbolTreeInput {
  return {
    contextValue: 'dossierMentions',
    title,
    location,
    resolve: () => {
      resolved();
      return mentionsModel(places);
    },
    with: (to) => input(title, to, places, () => undefined),
  };
}

/** Fills the References panel with `places`, titled by the entity's name; the editor keeps the focus. */
export async function showInReferencesPanel(places: readonly MentionPlace[], name: string): Promise<void> {
  if (places.length === 0) return;
  const ext = vscode.extensions.getExtension<SymbolTreeApi>('vscode.references-view');
  const api = ext && (await Promise.resolve(ext.activate()).catch(() => undefined));
  const editor = vscode.window.activeTextEditor;
  const anchor = places.find((p) => p.uri.toString() === editor?.document.uri.toString()) ?? places[0];
  const location = new vscode.Location(anchor.uri, anchor.range.start);
  if (!api?.setInput) {
    // A trimmed-down editor without the references-view: the references peek shows the same list.
    await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.range.start, places.map((p) => new vscode.Location(p.uri, p.range)));
    return;
  }
  // The panel focuses itself before it asks for the list: once asked, give the focus back.
  let asked!: () => void;
  const wasAsked = new Promise<void>((resolve) => (asked = resolve));
  api.setInput(input(`${name}: mentions`, location, places, asked));
  await Promise.race([wasAsked, new Promise((r) => setTimeout(r, 3000))]);
  if (editor && !editor.document.isClosed) await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: editor.selection, preserveFocus: false });
}
