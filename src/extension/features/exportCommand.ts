// `Dossier: Export Index…`: the index's exports (entities/mentions CSV, Web Annotation JSON-LD,
// places GeoJSON, timeline CSV) written where the user chooses.
import * as vscode from 'vscode';
import { entitiesCsv, mentionsCsv } from '../../core/index/export/csv';
import { placesGeoJson } from '../../core/index/export/geojson';
import { toWebAnnotations } from '../../core/index/export/jsonld';
import { timelineCsv } from '../../core/index/export/timeline';
import type { EntityIndex } from '../../core/index/types';
import type { DossierServices } from '../services';

interface ExportFormat {
  id: string;
  label: string;
  detail: string;
  file: string;
  filters: Record<string, string[]>;
  render(index: EntityIndex): string;
}

const FORMATS: ExportFormat[] = [
  { id: 'csv', label: 'Entities (CSV)', detail: 'One row per entity: type, canonical name, aliases, counts, notes', file: 'entities.csv', filters: { CSV: ['csv'] }, render: entitiesCsv },
  { id: 'mentions', label: 'Mentions (CSV)', detail: 'Every mention with its document, line and context', file: 'mentions.csv', filters: { CSV: ['csv'] }, render: mentionsCsv },
  { id: 'jsonld', label: 'Web Annotations (JSON-LD)', detail: 'W3C Web Annotation model; can be imported back', file: 'dossier-annotations.jsonld', filters: { 'JSON-LD': ['jsonld', 'json'] }, render: (i) => JSON.stringify(toWebAnnotations(i), null, 2) + '\n' },
  { id: 'geojson', label: 'Places (GeoJSON)', detail: 'Places with coordinates, for a map', file: 'places.geojson', filters: { GeoJSON: ['geojson', 'json'] }, render: (i) => JSON.stringify(placesGeoJson(i), null, 2) + '\n' },
  { id: 'timeline', label: 'Timeline (CSV)', detail: 'Dated events with their sentence, for a timeline tool', file: 'timeline.csv', filters: { CSV: ['csv'] }, render: timelineCsv },
];

/** Args (for tests and scripts): `{ format: 'csv'|'mentions'|'jsonld'|'geojson'|'timeline', uri?: string }`. */
export function registerExportCommand(services: DossierServices): vscode.Disposable {
  return vscode.commands.registerCommand('dossier.export', async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const index = await services.index;
    if (!index) {
      void vscode.window.showWarningMessage('Dossier: there is no index to export. Open a folder of articles first.');
      return undefined;
    }
    // From a tree item's context menu the argument is the node, not options.
    const options = arg && typeof arg === 'object' && 'format' in arg ? (arg as { format?: unknown; uri?: unknown }) : {};
    const format =
      FORMATS.find((f) => f.id === options.format) ??
      (await vscode.window.showQuickPick(FORMATS, { title: 'Export the Dossier index as', matchOnDetail: true }));
    if (!format) return undefined;
    const root = services.workspaceIndex.workspace?.root;
    const target =
      typeof options.uri === 'string'
        ? vscode.Uri.parse(options.uri)
        : await vscode.window.showSaveDialog({
            title: `Export ${format.label}`,
            defaultUri: root ? vscode.Uri.joinPath(root, format.file) : undefined,
            filters: format.filters,
          });
    if (!target) return undefined;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(format.render(index)));
    } catch (err) {
      void vscode.window.showErrorMessage(`Dossier: could not write ${target.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    if (typeof options.uri !== 'string') {
      void vscode.window.showInformationMessage(`Dossier: exported ${format.label} to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((choice) => {
        if (choice === 'Open') void vscode.window.showTextDocument(target);
      });
    }
    return target;
  });
}
