// The trust test hook; TrustState itself lives in ../trustState.ts.
import * as vscode from 'vscode';
import type { DossierServices } from '../services';

/** Test hook: `dossier._test.simulateUntrusted(true|false)` (hidden from the palette). */
export function registerTrust(services: DossierServices): vscode.Disposable {
  return vscode.commands.registerCommand('dossier._test.simulateUntrusted', (untrusted: unknown) =>
    services.trust.simulateUntrusted(untrusted === true),
  );
}
