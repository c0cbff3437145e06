// Document highlights: with the cursor on a mention, every other mention of the same entity in
// this document is marked, the full-name ones as "write" (the stronger colour) so the
// defining form stands out from the short aliases.
import * as vscode from 'vscode';
import type { DossierServices } from '../services';
import { entityAt, forDossierLanguages, placesInDocument } from './entityLocations';

export function registerHighlights(services: DossierServices): vscode.Disposable {
  const provider: vscode.DocumentHighlightProvider = {
    async provideDocumentHighlights(document, position) {
      const at = await entityAt(services, document, position);
      if (!at) return undefined;
      const index = await services.index;
      const canonical = at.record?.canonical;
      return placesInDocument(services, index, document, at.entity).map(
        (p) =>
          new vscode.DocumentHighlight(
            p.range,
            p.text === canonical ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read,
          ),
      );
    },
  };
  return forDossierLanguages(services, (selector) => vscode.languages.registerDocumentHighlightProvider(selector, provider));
}
