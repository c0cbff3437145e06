// The outline (document symbols: type → entity → mentions) and Ctrl+T (workspace symbols:
// entities found by any alias, accent-folded, through the index's search).
import * as vscode from 'vscode';
import type { EntityRecord } from '../../core/index/types';
import { type EntityType, ENTITY_TYPES, foldKey, type Mention } from '../../core/model';
import { toRange } from '../convert';
import type { DossierServices } from '../services';
import { definitionPlace, forDossierLanguages, liveMentions, settledAnalysis } from './entityLocations';

export const TYPE_LABEL: Record<EntityType, string> = { PERSON: 'People', ORG: 'Organisations', PLACE: 'Places', DATE: 'Dates' };
const TYPE_SINGULAR: Record<EntityType, string> = { PERSON: 'person', ORG: 'organisation', PLACE: 'place', DATE: 'date' };
// Icons in the outline: the closest codicons VS Code has for each kind of entity.
const ENTITY_KIND: Record<EntityType, vscode.SymbolKind> = {
  PERSON: vscode.SymbolKind.Object,
  ORG: vscode.SymbolKind.Struct,
  PLACE: vscode.SymbolKind.Package,
  DATE: vscode.SymbolKind.Event,
};
/** Ctrl+T with an empty query lists the most mentioned entities, not thousands. */
const EMPTY_QUERY_LIMIT = 100;

export function registerSymbols(services: DossierServices): vscode.Disposable {
  const outline: vscode.DocumentSymbolProvider = {
    async provideDocumentSymbols(document) {
      try {
        return await outlineOf(document);
      } catch (err) {
        // VS Code swallows provider errors silently; leave a trace for bug reports.
        services.log.error(`outline of ${document.uri.toString()} failed: ${err instanceof Error ? err.stack : String(err)}`);
        return [];
      }
    },
  };
  const outlineOf = async (document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> => {
    {
      // VS Code caches the outline per document version and offers no refresh event: answer
      // from this version's analysis, not from whatever the worker had when the file opened.
      await settledAnalysis(services, document, true);
      const mentions = liveMentions(services, document);
      if (mentions.length === 0) return [];
      const index = await services.index;
      const live = services.analysis.get(document.uri)?.analysis;
      const byEntity = new Map<string, Mention[]>();
      for (const m of mentions) {
        const id = index?.getEntity(m.entity)?.id ?? m.entity;
        byEntity.set(id, [...(byEntity.get(id) ?? []), m]);
      }
      const nameOf = (id: string, ms: Mention[]): string =>
        index?.getEntity(id)?.canonical ??
        live?.entities.find((e) => e.id === id)?.canonical ??
        ms.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text;
      return ENTITY_TYPES.flatMap((type) => {
        const entities = [...byEntity].filter(([, ms]) => ms[0].type === type);
        if (entities.length === 0) return [];
        const children = entities
          .map(([id, ms]) => entitySymbol(document, nameOf(id, ms), type, ms))
          .sort((a, b) => a.range.start.compareTo(b.range.start));
        const group = new vscode.DocumentSymbol(
          TYPE_LABEL[type],
          `${entities.length}`,
          vscode.SymbolKind.Namespace,
          new vscode.Range(children[0].range.start, children.reduce((end, c) => (c.range.end.isAfter(end) ? c.range.end : end), children[0].range.end)),
          children[0].selectionRange,
        );
        group.children = children;
        return [group];
      });
    }
  };

  const workspaceSymbols: vscode.WorkspaceSymbolProvider = {
    async provideWorkspaceSymbols(query, token) {
      const index = await services.index;
      if (!index) return [];
      const found: { entity: EntityRecord; matched: string }[] = query.trim()
        ? index.search(query, { limit: 50 })
        : index.entities().sort((a, b) => b.counts.mentions - a.counts.mentions).slice(0, EMPTY_QUERY_LIMIT).map((entity) => ({ entity, matched: entity.canonical }));
      const symbols: vscode.SymbolInformation[] = [];
      for (const { entity, matched } of found) {
        if (token.isCancellationRequested) return undefined;
        const place = await definitionPlace(services, entity.id);
        if (!place) continue;
        symbols.push(new vscode.SymbolInformation(symbolName(entity, matched, query), ENTITY_KIND[entity.type], containerOf(entity), new vscode.Location(place.uri, place.range)));
      }
      return symbols;
    },
  };

  return vscode.Disposable.from(
    forDossierLanguages(services, (selector) => vscode.languages.registerDocumentSymbolProvider(selector, outline, { label: 'Dossier entities' })),
    vscode.languages.registerWorkspaceSymbolProvider(workspaceSymbols),
  );
}

function entitySymbol(document: vscode.TextDocument, name: string, type: EntityType, mentions: Mention[]): vscode.DocumentSymbol {
  const ranges = mentions.map((m) => toRange(document, m));
  const symbol = new vscode.DocumentSymbol(
    name,
    `${TYPE_SINGULAR[type]} · ${mentions.length} mention${mentions.length === 1 ? '' : 's'}`,
    ENTITY_KIND[type],
    new vscode.Range(ranges[0].start, ranges[ranges.length - 1].end),
    ranges[0],
  );
  symbol.children = mentions.map((m, i) => new vscode.DocumentSymbol(m.text, `line ${ranges[i].start.line + 1}`, vscode.SymbolKind.String, ranges[i], ranges[i]));
  return symbol;
}

function containerOf(entity: EntityRecord): string {
  const aliases = entity.aliases.filter((a) => a !== entity.canonical);
  return aliases.length ? `${TYPE_SINGULAR[entity.type]} · ${aliases.slice(0, 4).join(', ')}` : TYPE_SINGULAR[entity.type];
}

/**
 * The quick-open list filters symbols by name with its own fuzzy match, which knows neither
 * our aliases nor accent folding: when the query only matched an alias or a folded form, that
 * form goes into the name so the entity is not filtered away.
 */
function symbolName(entity: EntityRecord, matched: string, query: string): string {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q || isSubsequence(q, entity.canonical.toLowerCase())) return entity.canonical;
  const shown = matched !== entity.canonical && isSubsequence(q, matched.toLowerCase()) ? matched : foldKey(matched);
  return `${entity.canonical} (${shown})`;
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}
