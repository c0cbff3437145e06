// Workspace trust as one observable value. Untrusted: analyse and highlight, but never write
// .dossier/ and render no command links. Trust can be granted during a session, not revoked.
import * as vscode from 'vscode';
import type { DossierServices } from '../services';

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

/** Test hook: `dossier._test.simulateUntrusted(true|false)` (hidden from the palette). */
export function registerTrust(services: DossierServices): vscode.Disposable {
  return vscode.commands.registerCommand('dossier._test.simulateUntrusted', (untrusted: unknown) =>
    services.trust.simulateUntrusted(untrusted === true),
  );
}
