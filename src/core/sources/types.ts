// What an extractor hands the engine: one string with stable offsets, and maps from those
// offsets back to the place in the source (a PDF page, an HTML or DOCX block).

export type SourceKind = 'pdf' | 'html' | 'docx';

/** Bumped whenever an extractor's output changes: part of the extracted-text cache key. */
export const EXTRACTOR_VERSION = 'sources-1';

export interface PageSpan {
  /** 1-based page number. */
  page: number;
  /** UTF-16 offsets into the extracted text, end-exclusive. */
  start: number;
  end: number;
}

export interface BlockSpan {
  /** 'h1'..'h6', 'p', 'li', 'td', 'title'… */
  tag: string;
  start: number;
  end: number;
}

export interface ExtractedSource {
  kind: SourceKind;
  text: string;
  /** PDF only: one span per page with text, in page order. */
  pages?: PageSpan[];
  /** HTML and DOCX: one span per paragraph, heading or cell. */
  blocks?: BlockSpan[];
  title?: string;
  byline?: string;
  /** YYYY-MM-DD from the file's own metadata, when it has one. */
  date?: string;
  dateSource?: 'pdf-metadata' | 'xmp' | 'html-meta' | 'html-time' | 'docx-core';
}

/** What the index and the editor keep of an extraction besides its text. */
export interface SourceInfo {
  kind: SourceKind;
  pages?: PageSpan[];
  title?: string;
  /** YYYY-MM-DD from the file's metadata: the analysis' `metadataDate`. */
  date?: string;
}

export function sourceInfoOf(s: ExtractedSource): SourceInfo {
  return { kind: s.kind, ...(s.pages ? { pages: s.pages } : {}), ...(s.title ? { title: s.title } : {}), ...(s.date ? { date: s.date } : {}) };
}

export interface ExtractLimits {
  /** Bytes of the file. */
  maxBytes: number;
  /** Wall-clock budget for one file. */
  maxMs: number;
  /** Characters of extracted text, and of any single part unpacked from a zip. */
  maxChars: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxBytes: 50 * 1024 * 1024, maxMs: 20_000, maxChars: 5_000_000 };

/** Why a file could not be read; `message` is one line, fit for a user. */
export class SourceError extends Error {
  constructor(
    readonly code: 'no-text-layer' | 'encrypted' | 'damaged' | 'too-large' | 'timeout' | 'wrong-kind' | 'unsafe',
    message: string,
  ) {
    super(message);
  }
}

/** Kind from the file name, or undefined for the text files the engine reads as they are. */
export function sourceKindOf(path: string): SourceKind | undefined {
  const m = /\.(pdf|html?|docx)$/i.exec(path);
  if (!m) return undefined;
  const ext = m[1]!.toLowerCase();
  return ext === 'pdf' ? 'pdf' : ext === 'docx' ? 'docx' : 'html';
}

/** The page of an offset, by binary search over the page map; undefined outside every page. */
export function pageAt(pages: readonly PageSpan[] | undefined, offset: number): number | undefined {
  if (!pages?.length) return undefined;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pages[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p.page;
  }
  return undefined;
}
