// PDF, HTML and DOCX documents in the editor: the dossier-source: text views, the editor that
// redirects a .pdf/.docx to its text, and Dossier: Open Original (at the page, for PDF).
import * as vscode from 'vscode';
import type { DossierServices } from '../services';
import { SOURCE_EDITORS, SourceEditorProvider } from '../sources/sourceEditor';
import { SourceTextFileSystem } from '../sources/sourceTextFileSystem';
import { originalUriOf, SOURCE_SCHEME, sourceKindOfUri } from '../sources/sourceUri';

export interface OpenOriginalArgs {
  /** The document: its text view or the original file. */
  uri?: string;
  /** Offset into the text: a PDF opens at that offset's page. */
  offset?: number;
}

export function registerSourceDocuments(services: DossierServices): vscode.Disposable {
  const { sources } = services;
  const fileSystem = new SourceTextFileSystem(sources);
  const editor = new SourceEditorProvider(sources);
  // Deleted originals leave the Documents view's list of unreadable files.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{pdf,html,htm,docx}', true, true, false);

  const openOriginal = async (args?: OpenOriginalArgs | vscode.Uri): Promise<string | undefined> => {
    let uri: vscode.Uri | undefined;
    let offset: number | undefined;
    if (args instanceof vscode.Uri) uri = args;
    else if (args?.uri) ({ uri, offset } = { uri: vscode.Uri.parse(args.uri), offset: args.offset });
    else {
      const editor = vscode.window.activeTextEditor;
      uri = editor?.document.uri;
      offset = editor && editor.document.offsetAt(editor.selection.active);
    }
    const original = uri && originalUriOf(uri);
    if (!original || !sourceKindOfUri(original)) {
      void vscode.window.showInformationMessage('Dossier: Open Original works on the text of a PDF, HTML or Word document.');
      return undefined;
    }
    const page = offset === undefined ? undefined : sources.pageAt(original, offset);
    // PDF viewers (browsers, pdf.js, most desktop readers) honour #page=N.
    const target = page ? original.with({ fragment: `page=${page}` }) : original;
    await vscode.env.openExternal(target);
    return target.toString();
  };

  return vscode.Disposable.from(
    fileSystem,
    watcher,
    vscode.workspace.registerFileSystemProvider(SOURCE_SCHEME, fileSystem, { isCaseSensitive: true, isReadonly: true }),
    ...SOURCE_EDITORS.map((viewType) => vscode.window.registerCustomEditorProvider(viewType, editor, { supportsMultipleEditorsPerDocument: true })),
    vscode.commands.registerCommand('dossier.openOriginal', openOriginal),
    watcher.onDidDelete((uri) => sources.forget(uri)),
  );
}
