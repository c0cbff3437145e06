// Show All Mentions also fills VS Code's References panel (the built-in references-view), so
// the mentions stay listed by file after the picker closes. The panel asks our
// ReferenceProvider at the active editor's cursor: the cursor is put on a mention first.
import * as vscode from 'vscode';
import { revealPlace, type MentionPlace } from './entityLocations';

/** With `reveal` false the panel is filled only when the cursor already is on a mention. */
export async function showInReferencesPanel(places: readonly MentionPlace[], { reveal = true } = {}): Promise<void> {
  if (places.length === 0) return;
  const editor = vscode.window.activeTextEditor;
  const key = editor?.document.uri.toString();
  const here = editor && places.find((p) => p.uri.toString() === key && p.range.contains(editor.selection.active));
  if (!here && !reveal) return;
  const anchor = here ?? places[0];
  if (!here) await revealPlace(anchor);
  try {
    await vscode.commands.executeCommand('references-view.findReferences');
  } catch {
    // No references-view (a trimmed-down editor): the references peek shows the same list.
    const locations = places.map((p) => new vscode.Location(p.uri, p.range));
    await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.range.start, locations);
  }
}
