// Opening a PDF or DOCX (Explorer, Quick Open, search results) lands on its text: this read-only
// custom editor hands over to the dossier-source: text view, or, when the file has no text,
// stays and says why. Nothing from the document reaches the webview but the escaped reason.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SourceService } from './sourceService';
import { textUriOf } from './sourceUri';

/** PDF and DOCX open here by default; HTML only through Open With… (it is also source code). */
export const SOURCE_EDITORS = ['dossier.sourceText', 'dossier.sourceTextHtml'];

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string, link?: vscode.Uri): string {
  const open = link ? `<p><a href="command:dossier.openOriginal?${encodeURIComponent(JSON.stringify([{ uri: link.toString() }]))}">Open the original</a></p>` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:2em;max-width:40em}</style></head>
<body><h2>${escapeHtml(title)}</h2><p>${escapeHtml(body)}</p>${open}</body></html>`;
}

export class SourceEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly sources: SourceService) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const name = path.posix.basename(document.uri.path);
    let closed = false;
    panel.onDidDispose(() => (closed = true));
    panel.webview.options = { enableScripts: false, enableCommandUris: ['dossier.openOriginal'] };
    panel.webview.html = page(name, 'Dossier is reading the text of this document…');
    try {
      await this.sources.extract(document.uri);
    } catch (err) {
      panel.webview.html = page(`Dossier cannot read ${name}`, err instanceof Error ? err.message : String(err), document.uri);
      return;
    }
    if (closed) return; // closed while reading
    await vscode.window.showTextDocument(textUriOf(document.uri), { viewColumn: panel.viewColumn, preview: false });
    panel.dispose();
  }
}
