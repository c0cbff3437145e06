// Shared set-up of ext-nav's in-host tests: the live extension, the samples workspace (a
// temp copy made by the runner), and waiting for the index and the analyses to settle.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { EntityIndex } from '../../src/core/index/types';
import type { DossierApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'dossier-research.dossier';

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the runner opens a copy of samples/ as the workspace');
  return f.uri;
}

export async function dossier(): Promise<DossierApi> {
  const ext = vscode.extensions.getExtension<DossierApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this host`);
  return ext.activate();
}

/** Polls `probe` until it returns something truthy; fails with `what` after `ms`. */
export async function until<T>(what: string, probe: () => T | Promise<T>, ms = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The index, once it has scanned the samples. */
export async function readyIndex(api: DossierApi): Promise<EntityIndex> {
  return until('the index to scan the samples', async () => {
    const index = await api.services.index;
    return index && !api.services.workspaceIndex.progress && index.documents().length >= 4 ? index : undefined;
  });
}

/** Opens a sample in an editor and waits for its analysis (provenance applied). */
export async function openArticle(api: DossierApi, name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await until(`analysis of ${name}`, () => api.services.analysis.whenAnalyzed(doc));
  return editor;
}

/** Position of the `nth` occurrence of `needle` (plus `into` characters) in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, into = 1, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) is not in ${doc.uri.path}`);
  }
  return doc.positionAt(at + into);
}

export function offsetsOf(doc: vscode.TextDocument, needle: string, nth = 0): { uri: string; start: number; end: number } {
  const start = doc.offsetAt(positionOf(doc, needle, 0, nth));
  return { uri: doc.uri.toString(), start, end: start + needle.length };
}

/** "water-summit.md:12" for a location, to compare results readably. */
export function where(loc: vscode.Location | vscode.LocationLink): string {
  const uri = 'uri' in loc ? loc.uri : loc.targetUri;
  const range = 'range' in loc ? loc.range : loc.targetRange;
  return `${vscode.workspace.asRelativePath(uri, false)}:${range.start.line + 1}`;
}

export function textAt(loc: vscode.Location): string {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === loc.uri.toString());
  assert.ok(doc, `${loc.uri.toString()} is open`);
  return doc.getText(loc.range);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
