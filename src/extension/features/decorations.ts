// Entity highlights: one decoration type per entity type and provenance, coloured by the
// contributed theme colours, with overview-ruler marks. Large documents decorate only what
// is visible. The global/per-type toggles and "show rejected" live in settings.
import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType, type Provenance } from '../../core/model';
import { SETTING } from '../config';
import { toRange } from '../convert';
import type { DossierServices } from '../services';

export const TYPE_SLUG: Record<EntityType, string> = { PERSON: 'person', ORG: 'org', PLACE: 'place', DATE: 'date' };
export const TYPE_LABEL: Record<EntityType, string> = { PERSON: 'Person', ORG: 'Organisation', PLACE: 'Place', DATE: 'Date' };
const PROVENANCES: readonly Provenance[] = ['auto', 'confirmed', 'manual', 'rejected'];

/** Lines of margin decorated above and below the viewport of a large document. */
const VISIBLE_MARGIN_LINES = 50;

function decorationType(type: EntityType, provenance: Provenance, custom: string | undefined): vscode.TextEditorDecorationType {
  const slug = TYPE_SLUG[type];
  // A colour from settings wins over the theme's (same colour for fill, border and ruler).
  const background = custom ?? new vscode.ThemeColor(`dossier.${slug}.background`);
  const border = custom ?? new vscode.ThemeColor(`dossier.${slug}.border`);
  const ruler = { overviewRulerColor: border, overviewRulerLane: vscode.OverviewRulerLane.Center };
  switch (provenance) {
    case 'auto':
      return vscode.window.createTextEditorDecorationType({ backgroundColor: background, borderRadius: '2px', ...ruler });
    case 'confirmed':
      // A user said yes: solid border.
      return vscode.window.createTextEditorDecorationType({
        backgroundColor: background,
        border: '1px solid',
        borderColor: border,
        borderRadius: '2px',
        ...ruler,
      });
    case 'manual':
      // Added by hand: dashed border, so it reads as "yours" next to confirmed ones.
      return vscode.window.createTextEditorDecorationType({
        backgroundColor: background,
        border: '1px dashed',
        borderColor: border,
        borderRadius: '2px',
        ...ruler,
      });
    case 'rejected':
      return vscode.window.createTextEditorDecorationType({ textDecoration: 'line-through', opacity: '0.6' });
  }
}

/** What the test command reads back: offsets per "TYPE.provenance" for the active editor. */
export type DecorationSnapshot = Record<string, [number, number][]>;

export function registerDecorations(services: DossierServices): vscode.Disposable {
  const { analysis, config } = services;
  const types = new Map<string, vscode.TextEditorDecorationType>();
  let colours = '';
  /** Decoration types are created once, and again only when a colour setting changes. */
  const createTypes = (): void => {
    const next = JSON.stringify(config.current.colors);
    if (next === colours) return;
    colours = next;
    for (const t of types.values()) t.dispose();
    types.clear();
    for (const t of ENTITY_TYPES) for (const p of PROVENANCES) types.set(`${t}.${p}`, decorationType(t, p, config.current.colors[t]));
  };
  createTypes();
  const applied = new Map<string, DecorationSnapshot>();
  const pending = new Map<vscode.TextEditor, NodeJS.Timeout>();

  const decorate = (editor: vscode.TextEditor): void => {
    const doc = editor.document;
    const c = config.current;
    const current = analysis.get(doc.uri);
    const groups = new Map<string, vscode.Range[]>();
    const snapshot: DecorationSnapshot = {};
    if (c.highlightsEnabled && current && analysis.isDossierDocument(doc)) {
      const window = documentLength(doc) > c.largeFileChars ? visibleWindow(editor) : undefined;
      for (const m of current.analysis.mentions) {
        if (!c.types[m.type] || (window && (m.end < window.start || m.start > window.end))) continue;
        const provenance = m.provenance ?? 'auto';
        if (provenance === 'rejected' && !c.showRejected) continue;
        const key = `${m.type}.${provenance}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)?.push(toRange(doc, m));
        (snapshot[key] ??= []).push([m.start, m.end]);
      }
    }
    for (const [key, type] of types) editor.setDecorations(type, groups.get(key) ?? []);
    applied.set(doc.uri.toString(), snapshot);
  };

  const decorateSoon = (editor: vscode.TextEditor, delayMs: number): void => {
    clearTimeout(pending.get(editor));
    pending.set(editor, setTimeout(() => {
      pending.delete(editor);
      decorate(editor);
    }, delayMs));
  };

  const decorateAll = (): void => {
    void vscode.commands.executeCommand('setContext', 'dossier.highlightsEnabled', config.current.highlightsEnabled);
    for (const e of vscode.window.visibleTextEditors) decorate(e);
  };

  const toggleType = async (arg?: unknown): Promise<void> => {
    const named = typeof arg === 'string' ? ENTITY_TYPES.find((t) => t === arg.toUpperCase()) : undefined;
    if (named) {
      await config.update(SETTING.typeEnabled(named), !config.current.types[named]);
      return;
    }
    const picks = ENTITY_TYPES.map((t) => ({ label: TYPE_LABEL[t], type: t, picked: config.current.types[t] }));
    const chosen = await vscode.window.showQuickPick(picks, { canPickMany: true, title: 'Highlight these entity types' });
    if (!chosen) return;
    for (const t of ENTITY_TYPES) {
      const on = chosen.some((p) => p.type === t);
      if (on !== config.current.types[t]) await config.update(SETTING.typeEnabled(t), on);
    }
  };

  decorateAll();
  return vscode.Disposable.from(
    new vscode.Disposable(() => {
      for (const t of types.values()) t.dispose();
    }),
    analysis.onDidAnalyze((a) => {
      for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === a.uri.toString()) decorate(e);
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => decorateAll()),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      // Only large documents decorate by viewport; re-decorate once scrolling pauses.
      if (documentLength(e.textEditor.document) > config.current.largeFileChars) decorateSoon(e.textEditor, 80);
    }),
    config.onDidChange(() => {
      createTypes();
      decorateAll();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => applied.delete(d.uri.toString())),
    vscode.commands.registerCommand('dossier.toggleHighlights', () =>
      config.update(SETTING.highlightsEnabled, !config.current.highlightsEnabled),
    ),
    vscode.commands.registerCommand('dossier.toggleType', toggleType),
    vscode.commands.registerCommand('dossier.showRejected', () => config.update(SETTING.showRejected, !config.current.showRejected)),
    vscode.commands.registerCommand('dossier._test.decorations', (): DecorationSnapshot | undefined => {
      const editor = vscode.window.activeTextEditor;
      return editor ? applied.get(editor.document.uri.toString()) : undefined;
    }),
    new vscode.Disposable(() => {
      for (const t of pending.values()) clearTimeout(t);
    }),
  );
}

/** Offsets of the visible ranges plus a margin, so scrolling a little shows no gaps. */
function visibleWindow(editor: vscode.TextEditor): { start: number; end: number } {
  const doc = editor.document;
  const ranges = editor.visibleRanges.length ? editor.visibleRanges : [new vscode.Range(0, 0, 0, 0)];
  const first = Math.max(0, Math.min(...ranges.map((r) => r.start.line)) - VISIBLE_MARGIN_LINES);
  const last = Math.min(doc.lineCount - 1, Math.max(...ranges.map((r) => r.end.line)) + VISIBLE_MARGIN_LINES);
  return { start: doc.offsetAt(new vscode.Position(first, 0)), end: doc.offsetAt(doc.lineAt(last).range.end) };
}

/** Document length without copying its text (getText() on every scroll would). */
function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}
