// The corpus views: Show Timeline, Show Link Chart, Show Map of Places. One panel per view,
// revealed again when its command runs twice, and restored by VS Code after a window reload
// (one serializer per view type); hidden test commands read back what each posted.
import * as vscode from 'vscode';
import { buildLinkChart, type LinkChartOptions } from '../../core/corpus/linkChart';
import { buildPlaceMap } from '../../core/corpus/placeMap';
import { buildQuoteTimeline, type QuoteTimelineOptions } from '../../core/corpus/quoteTimeline';
import type { CorpusViewKind } from '../../webview/protocol';
import type { DossierServices } from '../services';
import { CorpusPanel, type CorpusViewSpec, type PanelSnapshot } from './corpusPanel';

const SPECS: { [K in CorpusViewKind]: CorpusViewSpec<K> & { command: string } } = {
  timeline: {
    kind: 'timeline',
    command: 'dossier.showTimeline',
    viewType: 'dossier.timeline',
    title: 'Dossier Timeline',
    script: 'timeline.js',
    build: (index, options) => buildQuoteTimeline(index, (options && typeof options === 'object' ? options : {}) as QuoteTimelineOptions),
  },
  linkChart: {
    kind: 'linkChart',
    command: 'dossier.showLinkChart',
    viewType: 'dossier.linkChart',
    title: 'Dossier Link Chart',
    script: 'linkChart.js',
    // The options come from the webview: buildLinkChart clamps whatever they hold.
    build: (index, options) => buildLinkChart(index, (options && typeof options === 'object' ? options : {}) as LinkChartOptions),
  },
  placeMap: {
    kind: 'placeMap',
    command: 'dossier.showMap',
    viewType: 'dossier.placeMap',
    title: 'Dossier Map of Places',
    script: 'placeMap.js',
    build: (index) => buildPlaceMap(index),
  },
};

export function registerCorpusViews(services: DossierServices): vscode.Disposable {
  const panels = new Map<CorpusViewKind, CorpusPanel<CorpusViewKind>>();
  const track = (kind: CorpusViewKind, panel: CorpusPanel<CorpusViewKind>): CorpusPanel<CorpusViewKind> => {
    panels.set(kind, panel);
    panel.onDidDispose(() => panels.get(kind) === panel && panels.delete(kind));
    return panel;
  };
  const show = (kind: CorpusViewKind, arg?: unknown): void => {
    let panel = panels.get(kind);
    if (panel) panel.reveal();
    else {
      // A second view joins the first one's editor group rather than splitting the window again.
      const beside = [...panels.values()].find((p) => p.column !== undefined)?.column;
      panel = track(kind, CorpusPanel.open(services, SPECS[kind] as CorpusViewSpec<CorpusViewKind>, beside));
    }
    // From the Entities view (a tree node) or a caller (an id): narrow the view to that entity.
    const entity = entityOf(arg);
    if (entity && kind === 'timeline') panel.setOptions({ entity });
    if (entity && kind === 'linkChart') panel.setOptions({ focus: entity });
  };
  const serializers = new Map<CorpusViewKind, vscode.WebviewPanelSerializer>();
  for (const kind of Object.keys(SPECS) as CorpusViewKind[]) {
    serializers.set(kind, {
      deserializeWebviewPanel: async (webviewPanel, state) => {
        // One panel per view: a restored duplicate (never expected) closes instead of hiding a second copy.
        if (panels.has(kind)) return webviewPanel.dispose();
        track(kind, new CorpusPanel(services, SPECS[kind] as CorpusViewSpec<CorpusViewKind>, webviewPanel, savedOptions(state)));
      },
    });
  }
  const kindOf = (v: unknown): CorpusViewKind | undefined => (typeof v === 'string' && v in SPECS ? (v as CorpusViewKind) : undefined);
  return vscode.Disposable.from(
    ...(Object.keys(SPECS) as CorpusViewKind[]).map((kind) => vscode.commands.registerCommand(SPECS[kind].command, (arg: unknown) => show(kind, arg))),
    ...[...serializers].map(([kind, serializer]) => vscode.window.registerWebviewPanelSerializer(SPECS[kind].viewType, serializer)),
    // Test hooks (hidden from the palette): what a panel posted and drew, and a simulated click.
    vscode.commands.registerCommand('dossier._test.corpusView', (kind: unknown): PanelSnapshot | undefined => {
      const k = kindOf(kind);
      return k ? panels.get(k)?.snapshot() : undefined;
    }),
    vscode.commands.registerCommand('dossier._test.corpusViewMessage', async (kind: unknown, message: unknown): Promise<boolean> => {
      const panel = panels.get(kindOf(kind) ?? 'timeline');
      if (!panel) return false;
      await panel.receive(message);
      return true;
    }),
    // What VS Code calls after a reload, with a panel and the state its webview saved.
    vscode.commands.registerCommand('dossier._test.corpusViewRestore', async (kind: unknown, panel: vscode.WebviewPanel, state: unknown): Promise<boolean> => {
      const serializer = serializers.get(kindOf(kind) ?? 'timeline');
      if (!serializer || !panel) return false;
      await serializer.deserializeWebviewPanel(panel, state);
      return true;
    }),
    new vscode.Disposable(() => {
      for (const p of [...panels.values()]) p.dispose();
      panels.clear();
    }),
  );
}

/** An entity id from a command argument: the id itself, or an Entities-view node carrying one. */
function entityOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.includes(':')) return arg;
  const entity = arg && typeof arg === 'object' ? (arg as { entity?: unknown }).entity : undefined;
  return typeof entity === 'string' ? entity : undefined;
}

/** The host options a restored webview saved (see onModel in src/webview/common.ts), if any. */
function savedOptions(state: unknown): unknown {
  const options = state && typeof state === 'object' ? (state as { hostOptions?: unknown }).hostOptions : undefined;
  return options && typeof options === 'object' ? options : undefined;
}
