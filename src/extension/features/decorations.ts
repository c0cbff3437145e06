// Placeholder: filled in right after the spine lands.
import * as vscode from 'vscode';
import type { DossierServices } from '../services';

export function registerDecorations(_services: DossierServices): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
