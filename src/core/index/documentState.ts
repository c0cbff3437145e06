// One indexed document: its text, the engine's analysis (cached by key) and the mentions after
// the lexicon and the user's annotations were applied.
import type { Analysis, Entity, Lexicon, Mention } from '../model';
import { anchor, type AnchorResult } from './anchoring';
import { applyAnnotations, type AnchoredAnnotation } from './annotationOverlay';
import { cacheKey } from './analysisCache';
import type { AnalysisStore } from './indexStore';
import { contentHash } from './contentHash';
import { lexiconForText, lexiconHash } from './lexicon';
import { applyLexicon } from './lexiconOverlay';
import { LineMap } from './locations';
import { applyQuoteAnnotations } from './quoteOverlay';
import type { Analyzer, Annotation, MentionWithProvenance, QuoteWithProvenance } from './types';

export interface DocumentState {
  path: string;
  text: string;
  hash: string;
  /** Cache key: content hash + engine version + hash of the lexicon part that occurs in text. */
  key: string;
  analysis: Analysis;
  mentions: MentionWithProvenance[];
  /** The engine's quotes with the user's quote corrections applied. */
  quotes: QuoteWithProvenance[];
  lines?: LineMap;
  /** Set when the analysis failed (key is then ''). */
  error?: string;
}

export type AnalysisOrigin = 'unchanged' | 'cache' | 'engine' | 'given' | 'failed';

export interface AnalyseRequest {
  path: string;
  text: string;
  previous: DocumentState | undefined;
  given?: Analysis;
  lexicon: Lexicon;
  engineVersion: string;
  analyze: Analyzer;
  cache: AnalysisStore;
  documentDate?: string;
  /** The date in a PDF, HTML or DOCX file's own metadata (it wins over the text's). */
  metadataDate?: string;
}

/** The cache key of a text's analysis; `lexicon` is the part of the lexicon that occurs in the text. */
export function analysisKey(hash: string, lexicon: Lexicon, engineVersion: string, documentDate: string | undefined, metadataDate?: string): string {
  // The fallback date changes what relative dates resolve to, so it is part of the key too; so does
  // the source's own date (PDF/HTML/DOCX metadata), only present for those files.
  return cacheKey(hash, engineVersion, `${lexiconHash(lexicon)}|${documentDate ?? ''}${metadataDate ? `|${metadataDate}` : ''}`);
}

/** Finds or computes the engine analysis; `origin` says where it came from. */
export async function analyseDocument(req: AnalyseRequest): Promise<{ state: DocumentState; origin: AnalysisOrigin; error?: string }> {
  // Same string as last time (re-analysis after a lexicon change): skip hashing it again.
  const hash = req.previous?.text === req.text ? req.previous.hash : contentHash(req.text);
  const lexicon = lexiconForText(req.lexicon, req.text);
  const key = analysisKey(hash, lexicon, req.engineVersion, req.documentDate, req.metadataDate);
  const make = (analysis: Analysis): DocumentState => ({ path: req.path, text: req.text, hash, key, analysis, mentions: [], quotes: [] });
  if (req.given) {
    const analysis = sanitize(req.text, req.given);
    req.cache.put(key, analysis);
    return { state: make(analysis), origin: 'given' };
  }
  if (req.previous?.key === key) return { state: { ...req.previous, path: req.path }, origin: 'unchanged' };
  const cached = await req.cache.get(key);
  if (cached) return { state: make(sanitize(req.text, cached)), origin: 'cache' };
  try {
    const languageId = req.path.endsWith('.md') ? 'markdown' : 'plaintext';
    const analysis = sanitize(req.text, await req.analyze(req.text, { lexicon, languageId, documentDate: req.documentDate, metadataDate: req.metadataDate }));
    req.cache.put(key, analysis);
    return { state: make(analysis), origin: 'engine' };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    // No mentions, but the document stays in the index; the empty key makes the next update retry.
    const failed: Analysis = { documentDate: null, documentDateSource: 'none', entities: [], mentions: [], engineVersion: req.engineVersion };
    return { state: { ...make(failed), key: '', error }, origin: 'failed', error };
  }
}

/** Anchors this document's annotations and applies them; returns each annotation's anchoring. */
export function decorate(
  doc: DocumentState,
  lexicon: Lexicon,
  annotations: readonly Annotation[],
  resolve: (id: string) => string,
): Map<string, AnchorResult> {
  const results = new Map<string, AnchorResult>();
  const anchored: AnchoredAnnotation[] = [];
  for (const a of annotations) {
    if (a.target?.source !== doc.path) continue;
    const r = anchor(doc.text, a.target);
    results.set(a.id, r);
    if ('start' in r) anchored.push({ annotation: a, start: r.start, end: r.end });
  }
  const base = applyLexicon(doc.text, doc.analysis.mentions, lexiconForText(lexicon, doc.text));
  doc.mentions = applyAnnotations(doc.text, base, anchored, resolve);
  doc.quotes = applyQuoteAnnotations(doc.text, doc.analysis.quotes ?? [], anchored, resolve);
  return results;
}

export function linesOf(doc: DocumentState): LineMap {
  return (doc.lines ??= new LineMap(doc.text));
}

/** Drops mentions an engine bug would make unusable: out of range, overlapping, wrong text. */
function sanitize(text: string, analysis: Analysis): Analysis {
  const mentions: Mention[] = [];
  for (const m of [...analysis.mentions].sort((a, b) => a.start - b.start)) {
    if (m.start < 0 || m.end > text.length || m.start >= m.end) continue;
    if (mentions.length && mentions[mentions.length - 1].end > m.start) continue;
    mentions.push(text.slice(m.start, m.end) === m.text ? m : { ...m, text: text.slice(m.start, m.end) });
  }
  const entities: Entity[] = Array.isArray(analysis.entities) ? analysis.entities : [];
  return { ...analysis, entities, mentions };
}
