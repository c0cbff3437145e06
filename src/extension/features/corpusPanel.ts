// One corpus-view webview panel (timeline, link chart or map): a strict CSP with a nonce, the
// model rebuilt from the index and posted on open and (debounced) on every index change, and
// clicks sent back as "open this mention". The webview keeps its own UI state (getState), and
// the host's options too, so a panel VS Code restores after a reload comes back as it was.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { EntityIndex } from '../../core/index/types';
import type { CorpusModels, CorpusViewKind, ModelMessage, RenderedSummary, ViewMessage } from '../../webview/protocol';
import type { DossierServices } from '../services';

export interface CorpusViewSpec<K extends CorpusViewKind> {
  kind: K;
  viewType: string;
  title: string;
  /** Bundle under dist/webview/. */
  script: string;
  build(index: EntityIndex, options: unknown): CorpusModels[K];
}

/** What the panel last did: read back by the in-host tests. */
export interface PanelSnapshot {
  visible: boolean;
  posted: ModelMessage | undefined;
  options: unknown;
  rendered: RenderedSummary | undefined;
  html: string;
}

const REFRESH_DELAY_MS = 400;

function webviewOptions(services: DossierServices): vscode.WebviewOptions {
  // Scripts only from the bundled webview folder (and the CSP below narrows it to one nonce).
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'webview')] };
}

export class CorpusPanel<K extends CorpusViewKind> implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private options: unknown;
  private posted: ModelMessage | undefined;
  private rendered: RenderedSummary | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stale = false;
  private ready = false;
  private disposed = false;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  /** A new panel: beside the article by default, or with the other corpus views. */
  static open<K extends CorpusViewKind>(services: DossierServices, spec: CorpusViewSpec<K>, column: vscode.ViewColumn = vscode.ViewColumn.Beside): CorpusPanel<K> {
    const panel = vscode.window.createWebviewPanel(spec.viewType, spec.title, { viewColumn: column, preserveFocus: false }, webviewOptions(services));
    return new CorpusPanel(services, spec, panel);
  }

  /**
   * Takes over `panel`, new or restored by VS Code after a reload: the same CSP, messages and
   * live updates either way. `options` are the ones the restored webview had saved.
   */
  constructor(
    private readonly services: DossierServices,
    private readonly spec: CorpusViewSpec<K>,
    panel: vscode.WebviewPanel,
    options?: unknown,
  ) {
    const root = vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'webview');
    this.panel = panel;
    this.options = options;
    // A restored panel keeps the options it was saved with; set them again so an older saved
    // panel cannot run with other resource roots than a new one.
    this.panel.webview.options = webviewOptions(services);
    this.panel.title = spec.title;
    this.panel.iconPath = vscode.Uri.joinPath(services.context.extensionUri, 'media', 'dossier.svg');
    this.panel.webview.html = this.html(root);
    const { workspaceIndex } = services;
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible && this.stale) this.schedule(0);
      }),
      workspaceIndex.onDidChange(() => this.schedule(REFRESH_DELAY_MS)),
      // The scan's end is the moment a first-time index has everything.
      workspaceIndex.onDidChangeProgress((p) => p === undefined && this.schedule(REFRESH_DELAY_MS)),
    );
  }

  get column(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  snapshot(): PanelSnapshot {
    return { visible: this.panel.visible, posted: this.posted, options: this.options, rendered: this.rendered, html: this.panel.webview.html };
  }

  /** Options from a command (e.g. focus on an entity); merged over the current ones. */
  setOptions(options: Record<string, unknown>): void {
    this.options = { ...(this.options && typeof this.options === 'object' ? this.options : {}), ...options };
    void this.refresh();
  }

  /** Handles a message as if the webview sent it (the webview itself, and tests). */
  async receive(raw: unknown): Promise<void> {
    const m = raw as ViewMessage | undefined;
    switch (m?.type) {
      case 'ready':
        // The host's options win: a command may have set them before the webview loaded.
        this.ready = true;
        this.options ??= m.options;
        return this.refresh();
      case 'options':
        this.options = m.options;
        return this.refresh();
      case 'open':
        return this.open(m.path, m.start, m.end);
      case 'rendered':
        this.rendered = m.summary;
        return;
      default:
        this.services.log.warn(`${this.spec.title}: ignored an unknown message from the view`);
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    // A hidden panel is rebuilt when shown again, not on every keystroke elsewhere.
    if (!this.ready || !this.panel.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const index = await this.services.index;
    const progress = this.services.workspaceIndex.progress;
    let message: ModelMessage<K>;
    if (!index) {
      message = { type: 'model', kind: this.spec.kind, model: null, note: 'No index: open a folder of articles (and see the Dossier output if one is open).' };
    } else {
      try {
        const note = progress ? `Indexing: ${progress.done} of ${progress.total || '?'} documents…` : undefined;
        message = { type: 'model', kind: this.spec.kind, model: this.spec.build(index, this.options), note };
      } catch (err) {
        this.services.log.error(`${this.spec.title}: ${err instanceof Error ? err.stack : String(err)}`);
        message = { type: 'model', kind: this.spec.kind, model: null, note: `Could not build the ${this.spec.title.toLowerCase()}; see the Dossier output.` };
      }
    }
    // The options travel with the model so the webview saves them for a restored panel.
    message.options = this.options;
    this.posted = message;
    await this.panel.webview.postMessage(message);
  }

  private async open(path: unknown, start: unknown, end: unknown): Promise<void> {
    // Only documents the index holds: a message naming "../elsewhere" opens nothing.
    const known = typeof path === 'string' && (await this.services.index)?.getDocument(path) !== undefined;
    const uri = known ? this.services.workspaceIndex.uriOf(path) : undefined;
    if (!uri) {
      void vscode.window.showWarningMessage('Dossier: that document is no longer in the workspace.');
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const clamp = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.min(document.getText().length, Math.floor(v))) : 0);
      const from = clamp(start);
      const range = new vscode.Range(document.positionAt(from), document.positionAt(Math.max(from, clamp(end))));
      // Open beside the chart, in the editor group the user reads articles in.
      const column = vscode.window.visibleTextEditors.find((e) => e.viewColumn !== this.panel.viewColumn)?.viewColumn;
      const editor = await vscode.window.showTextDocument(document, { viewColumn: column ?? vscode.ViewColumn.Beside, selection: range, preview: true });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (err) {
      void vscode.window.showWarningMessage(`Dossier: could not open ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private html(root: vscode.Uri): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(root, this.spec.script));
    const css = webview.asWebviewUri(vscode.Uri.joinPath(root, 'corpusViews.css'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>${this.spec.title}</title>
</head>
<body data-kind="${this.spec.kind}">
<main id="root" aria-busy="true"><p class="note">Loading…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}
