// Workspace trust as one observable value. Untrusted: analyse and highlight, but never write
// .dossier/ and render no command links. Trust can be granted during a session, not revoked.
// Its own file (not features/trust.ts) so services.ts and workspaceIndex.ts import no feature.
import * as vscode from 'vscode';

export class TrustState implements vscode.Disposable {
  private simulatedUntrusted = false;
  private readonly emitter = new vscode.EventEmitter<boolean>();
  private readonly listener: vscode.Disposable;
  /** Fires with the new value when trust changes. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.listener = vscode.workspace.onDidGrantWorkspaceTrust(() => this.emitter.fire(this.trusted));
  }

  get trusted(): boolean {
    return vscode.workspace.isTrusted && !this.simulatedUntrusted;
  }

  /**
   * Tests cannot revoke real trust in a running host, so the in-host suite flips this to check
   * what untrusted users see (hover cards without command links).
   */
  simulateUntrusted(untrusted: boolean): void {
    if (this.simulatedUntrusted === untrusted) return;
    this.simulatedUntrusted = untrusted;
    this.emitter.fire(this.trusted);
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
