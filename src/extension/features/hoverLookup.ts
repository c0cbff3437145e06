// What both hover providers (names, quotes) look up first: the settled analysis at the hovered
// offset, and the entity a card shows, the registry's record winning over the document's.
import type * as vscode from 'vscode';
import type { EntityRecord } from '../../core/index/types';
import type { Entity } from '../../core/model';
import type { DocumentAnalysis } from '../analysis/analysisService';
import type { DossierServices } from '../services';

/** The document's analysis and the hovered offset; undefined off Dossier documents or when cancelled. */
export async function hoverAt(
  services: DossierServices,
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<{ current: DocumentAnalysis; offset: number } | undefined> {
  const { analysis } = services;
  if (!analysis.isDossierDocument(document)) return undefined;
  const current = analysis.get(document.uri) ?? (await analysis.whenAnalyzed(document));
  if (!current || token.isCancellationRequested) return undefined;
  return { current, offset: document.offsetAt(position) };
}

/**
 * The entity on the card: the registry's record (aliases across the corpus, renames, merges)
 * over the document's own, else `fallback`; with every id the entity answers to.
 */
export function cardEntity(id: string, record: EntityRecord | undefined, local: Entity | undefined, fallback: () => Entity): { entity: Entity; ids: Set<string> } {
  const entity: Entity = record
    ? { id: record.id, type: record.type, canonical: record.canonical, aliases: record.aliases, value: record.value ?? local?.value, geo: record.geo ?? local?.geo }
    : (local ?? fallback());
  return { entity, ids: new Set([id, entity.id, ...(record?.mergedIds ?? [])]) };
}
