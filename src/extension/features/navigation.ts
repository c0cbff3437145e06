// Go to Definition / Find All References on a mention, next/previous mention of the entity
// under the cursor, and the context keys (`dossier.isArticle`, `dossier.onMention`) that
// menus and keybindings use.
import * as vscode from 'vscode';
import type { DossierServices } from '../services';
import {
  definitionPlace,
  documentLabel,
  entityAt,
  forDossierLanguages,
  mentionAt,
  revealPlace,
  workspacePlaces,
} from './entityLocations';

export function registerNavigation(services: DossierServices): vscode.Disposable {
  const definitions: vscode.DefinitionProvider = {
    async provideDefinition(document, position) {
      const at = await entityAt(services, document, position);
      if (!at) return undefined;
      const place = await definitionPlace(services, at.entity);
      if (!place) return undefined;
      // A LocationLink underlines the whole name under the cursor, not just the word.
      const origin = new vscode.Range(document.positionAt(at.mention.start), document.positionAt(at.mention.end));
      return [{ originSelectionRange: origin, targetUri: place.uri, targetRange: place.range, targetSelectionRange: place.range }];
    },
  };
  const references: vscode.ReferenceProvider = {
    async provideReferences(document, position) {
      const at = await entityAt(services, document, position);
      if (!at) return undefined;
      return (await workspacePlaces(services, at.entity)).map((p) => new vscode.Location(p.uri, p.range));
    },
  };

  return vscode.Disposable.from(
    forDossierLanguages(services, (selector) =>
      vscode.Disposable.from(
        vscode.languages.registerDefinitionProvider(selector, definitions),
        vscode.languages.registerReferenceProvider(selector, references),
      ),
    ),
    vscode.commands.registerCommand('dossier.nextMention', () => stepMention(services, 1)),
    vscode.commands.registerCommand('dossier.previousMention', () => stepMention(services, -1)),
    trackContextKeys(services),
  );
}

/**
 * Moves the selection to the next (+1) or previous (-1) mention of the entity under the
 * cursor. Past the document's last (or first) mention it continues into the next (previous)
 * document that mentions the entity, wrapping around the workspace. Returns the new
 * selection for tests.
 */
async function stepMention(services: DossierServices, direction: 1 | -1): Promise<vscode.Range | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const document = editor.document;
  const at = await entityAt(services, document, editor.selection.active);
  if (!at) {
    vscode.window.setStatusBarMessage('$(info) Dossier: put the cursor on a highlighted name first', 4000);
    return undefined;
  }
  const uri = document.uri.toString();
  // This document and the workspace's indexed ones; scratch (untitled) documents are not stops.
  const places = (await workspacePlaces(services, at.entity)).filter((p) => p.uri.scheme !== 'untitled' || p.uri.toString() === uri);
  const here = places.findIndex((p) => p.uri.toString() === uri && document.offsetAt(p.range.start) === at.mention.start);
  if (places.length === 0) return undefined;
  // Not found (e.g. the index lags an edit): start from this document's side of the list.
  const from = here >= 0 ? here : Math.max(0, places.findIndex((p) => p.uri.toString() >= uri)) - (direction > 0 ? 1 : 0);
  const next = places[(from + direction + places.length) % places.length];
  const target = await revealPlace(next);
  const inDoc = places.filter((p) => p.uri.toString() === next.uri.toString());
  const nth = inDoc.indexOf(next) + 1;
  const where = next.uri.toString() === uri ? 'in this document' : `in ${documentLabel(target.document.uri)}`;
  vscode.window.setStatusBarMessage(`Dossier: ${next.text} — mention ${nth} of ${inDoc.length} ${where}`, 3000);
  return next.range;
}

/** Keeps `dossier.isArticle` and `dossier.onMention` in step with the active editor. */
function trackContextKeys(services: DossierServices): vscode.Disposable {
  let isArticle: boolean | undefined;
  let onMention: boolean | undefined;
  const set = (key: string, value: boolean, last: boolean | undefined): boolean => {
    // setContext round-trips to the renderer: only send real changes.
    if (value !== last) void vscode.commands.executeCommand('setContext', key, value);
    return value;
  };
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const article = !!editor && services.analysis.isDossierDocument(editor.document);
    isArticle = set('dossier.isArticle', article, isArticle);
    const on = article && !!editor && !!mentionAt(services, editor.document, editor.selection.active);
    onMention = set('dossier.onMention', on, onMention);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && update()),
    services.analysis.onDidAnalyze((a) => a.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && update()),
    services.config.onDidChange(update),
  );
}
