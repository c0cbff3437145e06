// Status bar: entity counts of the active article, indexing progress; a click toggles highlights.
import * as vscode from 'vscode';
import { ENTITY_TYPES } from '../../core/model';
import type { DossierServices } from '../services';
import { TYPE_LABEL } from './decorations';

const PLURAL = { PERSON: 'people', ORG: 'organisations', PLACE: 'places', DATE: 'dates' } as const;
const TYPE_CODICON = { PERSON: '$(person)', ORG: '$(organization)', PLACE: '$(location)', DATE: '$(calendar)' } as const;

export function registerStatusBar(services: DossierServices): vscode.Disposable {
  const { analysis, config, workspaceIndex } = services;
  const item = vscode.window.createStatusBarItem('dossier.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Dossier';
  item.command = 'dossier.toggleHighlights';

  const render = (): void => {
    const editor = vscode.window.activeTextEditor;
    const progress = workspaceIndex.progress;
    const parts: string[] = [];
    const tooltip: string[] = [];
    const current = editor && analysis.isDossierDocument(editor.document) ? analysis.get(editor.document.uri) : undefined;
    if (current) {
      const entities = new Map<string, (typeof ENTITY_TYPES)[number]>();
      for (const m of current.analysis.mentions) if (m.provenance !== 'rejected') entities.set(m.entity, m.type);
      for (const t of ENTITY_TYPES) {
        const n = [...entities.values()].filter((x) => x === t).length;
        parts.push(`${TYPE_CODICON[t]} ${n}`);
        tooltip.push(`${TYPE_LABEL[t]}: ${n}`);
      }
    }
    if (progress) {
      parts.unshift(progress.total ? `$(sync~spin) ${progress.done}/${progress.total}` : '$(sync~spin)');
      tooltip.unshift(progress.total ? `Indexing ${progress.done} of ${progress.total} documents` : 'Indexing…');
    }
    if (!parts.length) {
      item.hide();
      return;
    }
    const on = config.current.highlightsEnabled;
    item.text = `${on ? '$(eye)' : '$(eye-closed)'} ${parts.join(' ')}`;
    item.tooltip = tooltipFor(tooltip, on, services);
    item.show();
  };

  render();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(render),
    analysis.onDidAnalyze(render),
    workspaceIndex.onDidChangeProgress(render),
    config.onDidChange(render),
    services.trust.onDidChange(render),
    vscode.commands.registerCommand('dossier._test.statusBar', () => ({
      text: item.text,
      tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value,
      command: item.command,
    })),
  );
}

/** Counts, plus per-type toggles as links when the workspace is trusted. */
function tooltipFor(lines: string[], on: boolean, services: DossierServices): vscode.MarkdownString {
  const md = new vscode.MarkdownString(`**Dossier** · ${lines.join(' · ')}\n\nClick to ${on ? 'hide' : 'show'} highlights.`);
  if (services.trust.trusted) {
    md.isTrusted = { enabledCommands: ['dossier.toggleType'] };
    const toggles = ENTITY_TYPES.map((t) => {
      const state = services.config.current.types[t] ? 'hide' : 'show';
      return `[${state} ${PLURAL[t]}](command:dossier.toggleType?${encodeURIComponent(JSON.stringify([t]))})`;
    });
    md.appendMarkdown(`\n\n${toggles.join(' · ')}`);
  }
  return md;
}
