// `dossier export --format quotes`: one CSV row per quote (speaker, quote, document, line, kind).
import type { EntityIndex } from '../types';
import { corpusQuotes } from '../quotes';
import { toCsv } from './csv';

export const QUOTE_COLUMNS = ['speaker', 'speaker_id', 'quote', 'document', 'line', 'kind', 'confidence'];

export function quotesCsv(index: EntityIndex): string {
  const rows = corpusQuotes(index).map((q) => [q.speakerName ?? 'unattributed', q.quote.speaker ?? '', q.quote.text.replace(/\s+/g, ' '), q.path, q.line + 1, q.quote.kind, q.quote.confidence]);
  return toCsv([QUOTE_COLUMNS, ...rows]);
}
