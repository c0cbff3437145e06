// Hovering a quote (off its names and dates) shows its speaker's card (the entity hover card,
// without the mention actions, which belong to names), headed by what kind of quote it is.
import * as vscode from 'vscode';
import { speakerQuotes } from '../../core/index/quotes';
import type { EntityIndex } from '../../core/index/types';
import type { Analysis, Entity } from '../../core/model';
import { toRange } from '../convert';
import type { DossierServices } from '../services';
import { buildHoverCard } from './hoverCard';

/** "Quotes: N" and the first quote of a speaker: this document's first, else the corpus's. */
export function quoteSummary(index: EntityIndex | undefined, ids: ReadonlySet<string>, here: Analysis): { count: number; first: string } | undefined {
  const local = (here.quotes ?? []).filter((q) => q.speaker && ids.has(q.speaker));
  const corpus = index ? speakerQuotes(index, ids) : [];
  const count = Math.max(corpus.length, local.length);
  const first = local[0]?.text ?? corpus[0]?.quote.text;
  return count && first ? { count, first } : undefined;
}

export function registerQuotesHover(services: DossierServices): vscode.Disposable {
  const { analysis, config, trust } = services;
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      if (!analysis.isDossierDocument(document)) return undefined;
      const current = analysis.get(document.uri) ?? (await analysis.whenAnalyzed(document));
      if (!current || token.isCancellationRequested) return undefined;
      const offset = document.offsetAt(position);
      const quote = current.analysis.quotes?.find((q) => q.start <= offset && offset < q.end);
      if (!quote) return undefined;
      // On a name or date inside the quote, that mention's own card is what the reader asked for.
      if (current.analysis.mentions.some((m) => m.provenance !== 'rejected' && m.start <= offset && offset < m.end)) return undefined;
      const range = toRange(document, quote);
      const kind = `*${quote.kind} quote*`;
      if (!quote.speaker) return new vscode.Hover(new vscode.MarkdownString(`${kind} · unattributed`), range);
      const index = await services.index;
      const local = current.analysis.entities.find((e) => e.id === quote.speaker);
      const record = index?.getEntity(quote.speaker);
      const entity: Entity = record
        ? { id: record.id, type: record.type, canonical: record.canonical, aliases: record.aliases, value: record.value, geo: record.geo }
        : (local ?? { id: quote.speaker, type: 'PERSON', canonical: quote.speaker, aliases: [] });
      const ids = new Set([quote.speaker, entity.id, ...(record?.mergedIds ?? [])]);
      const card = buildHoverCard({
        entity,
        type: entity.type,
        mention: { start: quote.cue.start, end: quote.cue.end, text: document.getText(toRange(document, quote.cue)) },
        uri: document.uri,
        documentDate: current.analysis.documentDate,
        mentionsHere: current.analysis.mentions.filter((m) => m.provenance !== 'rejected' && ids.has(m.entity)).length,
        workspace: record?.counts,
        otherDocuments: [],
        notes: record?.notes ?? [],
        sections: config.current.hoverSections.filter((s) => s !== 'actions' && s !== 'documents'),
        trusted: trust.trusted,
        quotes: quoteSummary(index, ids, current.analysis),
      });
      card.appendMarkdown(`\n\n${kind} · said by ${entity.canonical.replace(/[\\`*_[\]<>]/g, '\\$&')}`);
      return new vscode.Hover(card, range);
    },
  };
  // Every language: the provider itself checks for Dossier documents.
  return vscode.languages.registerHoverProvider('*', provider);
}
