// Hovering a quote (off its names and dates) shows its speaker's card (the entity hover card,
// without the mention actions, which belong to names), what kind of quote it is, and its
// own corrections (Change speaker, Not a quote).
import * as vscode from 'vscode';
import { speakerQuotes } from '../../core/index/quotes';
import type { EntityIndex } from '../../core/index/types';
import type { Analysis, Quote } from '../../core/model';
import { toRange } from '../convert';
import type { DossierServices } from '../services';
import { buildHoverCard, commandLink, HOVER_COMMANDS } from './hoverCard';
import { cardEntity, hoverAt } from './hoverLookup';

/** "Quotes: N" and the first quote of a speaker: this document's first, else the corpus's. */
export function quoteSummary(index: EntityIndex | undefined, ids: ReadonlySet<string>, here: Analysis): { count: number; first: string } | undefined {
  const local = (here.quotes ?? []).filter((q) => q.speaker && ids.has(q.speaker));
  const corpus = index ? speakerQuotes(index, ids) : [];
  const count = Math.max(corpus.length, local.length);
  const first = local[0]?.text ?? corpus[0]?.quote.text;
  return count && first ? { count, first } : undefined;
}

export function registerQuotesHover(services: DossierServices): vscode.Disposable {
  const { config, trust } = services;
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      const at = await hoverAt(services, document, position, token);
      if (!at) return undefined;
      const { current, offset } = at;
      const quote = current.analysis.quotes?.find((q) => q.start <= offset && offset < q.end);
      if (!quote) return undefined;
      // On a name or date inside the quote, that mention's own card is what the reader asked for.
      if (current.analysis.mentions.some((m) => m.provenance !== 'rejected' && m.start <= offset && offset < m.end)) return undefined;
      const range = toRange(document, quote);
      const kind = `*${quote.kind} quote*`;
      const actions = trust.trusted && config.current.hoverSections.includes('actions') ? correctionLinks(document, quote) : '';
      if (!quote.speaker) {
        const md = new vscode.MarkdownString(`${kind} · unattributed${actions}`);
        md.isTrusted = trust.trusted ? { enabledCommands: [...HOVER_COMMANDS] } : false;
        return new vscode.Hover(md, range);
      }
      const speaker = quote.speaker;
      const index = await services.index;
      const record = index?.getEntity(speaker);
      const local = current.analysis.entities.find((e) => e.id === speaker);
      const { entity, ids } = cardEntity(speaker, record, local, () => ({ id: speaker, type: 'PERSON', canonical: speaker, aliases: [] }));
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
      card.appendMarkdown(`\n\n${kind} · said by ${entity.canonical.replace(/[\\`*_[\]<>]/g, '\\$&')}${actions}`);
      return new vscode.Hover(card, range);
    },
  };
  // Every language: the provider itself checks for Dossier documents.
  return vscode.languages.registerHoverProvider('*', provider);
}

/** The quote's own corrections, as command links (trusted workspaces only). */
function correctionLinks(document: vscode.TextDocument, quote: Quote): string {
  const at = { uri: document.uri.toString(), start: quote.start, end: quote.end };
  return `\n\n${commandLink('Change speaker', 'dossier.changeSpeaker', at, 'Say who said this')} · ${commandLink('Not a quote', 'dossier.notQuote', at, 'This is not a quote')}`;
}
