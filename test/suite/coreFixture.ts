// Shared set-up for ext-core's in-host tests: activate Dossier on the samples copy, open
// articles, and wait for what a user would wait for (analysis, decorations, the index scan).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension/extension';
import type { DecorationSnapshot } from '../../src/extension/features/decorations';
import type { TreeSnapshotNode } from '../../src/extension/features/treeSnapshot';

export const EXTENSION_ID = 'dossier-research.dossier';

export async function activateDossier(): Promise<DossierApi> {
  const ext = vscode.extensions.getExtension<DossierApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  assert.ok(api?.services, 'activate() returns the services for tests');
  return api;
}

export function sampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a copy of samples/ as the workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens a sample in an editor and waits for its analysis to be on screen. */
export async function openArticle(api: DossierApi, name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(sampleUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await waitFor(`analysis of ${name}`, () => api.services.analysis.whenAnalyzed(doc));
  await waitFor(`decorations of ${name}`, () => decorationsOf(editor));
  return editor;
}

export async function decorations(): Promise<DecorationSnapshot> {
  return ((await vscode.commands.executeCommand('dossier._test.decorations')) as DecorationSnapshot | undefined) ?? {};
}

/** The decorated texts per "TYPE.provenance" of `editor` (which must be active). */
export async function decorationsOf(editor: vscode.TextEditor): Promise<Record<string, string[]> | undefined> {
  if (vscode.window.activeTextEditor !== editor) return undefined;
  const snapshot = await decorations();
  const text = editor.document.getText();
  const out: Record<string, string[]> = {};
  for (const [key, spans] of Object.entries(snapshot)) if (spans.length) out[key] = spans.map(([s, e]) => text.slice(s, e));
  return Object.keys(out).length ? out : undefined;
}

export async function tree(viewId: string, depth = 2): Promise<TreeSnapshotNode[]> {
  return ((await vscode.commands.executeCommand('dossier._test.tree', viewId, depth)) as TreeSnapshotNode[] | undefined) ?? [];
}

/** Waits until the index has scanned every sample. */
const SAMPLE_ARTICLES = ['flood-relief.md', 'harbour-strike.txt', 'rail-inquiry.txt', 'water-summit.md'];

/**
 * The index once it holds every sample article with an analysis. Earlier suites reopen the
 * index (settings changes, reindex), so a count of documents alone can be met by a scan
 * still under way; the named samples cannot.
 */
export async function indexedWorkspace(api: DossierApi, documents = SAMPLE_ARTICLES.length): Promise<NonNullable<Awaited<DossierApi['services']['index']>>> {
  return waitFor(`the index to hold the ${SAMPLE_ARTICLES.length} sample articles, analysed, (and ${documents} documents)`, async () => {
    const index = await api.services.index;
    if (!index || api.services.workspaceIndex.progress) return undefined;
    const held = new Set(index.documents());
    const ready = held.size >= documents && SAMPLE_ARTICLES.every((p) => held.has(p) && (index.getDocument(p)?.mentions.length ?? 0) > 0);
    return ready ? index : undefined;
  }, 60_000);
}

/** What the index holds per sample, for failure messages: mention counts by type and the names. */
export async function indexReport(api: DossierApi): Promise<string> {
  const index = await api.services.index;
  if (!index) return 'no index';
  const lines = [`correctionsKey=${JSON.stringify(api.services.workspaceIndex.correctionsKey)} retries=${JSON.stringify(api.services.workspaceIndex.pendingRetries())}`];
  for (const p of SAMPLE_ARTICLES) {
    const doc = index.getDocument(p);
    const byType: Record<string, number> = {};
    for (const m of doc?.mentions ?? []) byType[`${m.type}.${m.provenance}`] = (byType[`${m.type}.${m.provenance}`] ?? 0) + 1;
    const names = [...new Set((doc?.mentions ?? []).filter((m) => m.type !== 'DATE').map((m) => m.text))].slice(0, 12);
    lines.push(`${p}: ${JSON.stringify(byType)} ${names.join(' | ')}`);
  }
  return lines.join('\n');
}

/** Offset of the first occurrence of `needle` in the editor (fails when absent). */
export function offsetOf(editor: vscode.TextEditor, needle: string): number {
  const at = editor.document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${editor.document.uri.path}`);
  return at;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('dossier').update(key, value, vscode.ConfigurationTarget.Workspace);
}
