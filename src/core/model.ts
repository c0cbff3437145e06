// The domain model shared by the engine, the index, the CLI and the extension.
// The analysis shape is exactly that of the gold files (../shared/corpus/*.gold.json) plus
// confidence/source on mentions, so eval, exports and the index all speak one format.

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'DATE';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'DATE'];

/** Which rule produced a mention. */
export type MentionSource =
  | 'ner' // compromise's tagger
  | 'rule' // a cue rule (title, org suffix, "said X", apposition)
  | 'gazetteer' // place gazetteer
  | 'date' // date grammar
  | 'consistency' // document-level propagation of a name found elsewhere
  | 'acronym' // acronym <-> expansion
  | 'lexicon' // user lexicon (confirmed / manual annotations)
  | 'tagger' // the trained sequence tagger (issue 8)
  | 'corrections'; // the tagger adapted to the workspace's corrections, where it differs from the shipped one

/** Whether a user has ruled on a mention. Set by the index, `auto` straight out of the engine. */
export type Provenance = 'auto' | 'confirmed' | 'rejected' | 'manual';

export interface Mention {
  /** UTF-16 offsets into the exact analysed string, end-exclusive. */
  start: number;
  end: number;
  /** Always text.slice(start, end). */
  text: string;
  type: EntityType;
  /** Entity id (see entityId()). */
  entity: string;
  /** 0..1 */
  confidence: number;
  source: MentionSource;
  provenance?: Provenance;
}

export interface GeoInfo {
  kind: 'country' | 'city' | 'region' | 'continent' | 'site';
  /** ISO 3166-1 alpha-2, upper case, when known. */
  countryCode?: string;
  country?: string;
  lat?: number;
  lon?: number;
  population?: number;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** Fullest form ("Abdelhamid Abaaoud"); for dates an explicit calendar rendering. */
  canonical: string;
  /** Every other surface form seen in the document. */
  aliases: string[];
  /** DATE only: TIMEX3-style value (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, 199X, P…). */
  value?: string;
  /** PLACE only, when the gazetteer knows it. */
  geo?: GeoInfo;
}

export type DocumentDateSource = 'metadata' | 'frontmatter' | 'dateline' | 'published' | 'frequent' | 'caller' | 'none';

export interface Analysis {
  /** YYYY-MM-DD or null when nothing anchors the text. */
  documentDate: string | null;
  documentDateSource: DocumentDateSource;
  entities: Entity[];
  /** Sorted by start, never overlapping. */
  mentions: Mention[];
  /** Who said what, sorted by start, never overlapping. Absent in analyses cached before quotes. */
  quotes?: Quote[];
  engineVersion: string;
}

/** direct: one quotation; mixed: a quotation split by its cue or quoted words inside reported speech; indirect: reported speech. */
export type QuoteKind = 'direct' | 'indirect' | 'mixed';

export interface Quote {
  /** UTF-16 offsets into the exact analysed string, end-exclusive; text === slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** Speaker entity id, or null when unattributed. */
  speaker: string | null;
  /** The reporting verb or "according to" that makes this a quote. */
  cue: { start: number; end: number };
  kind: QuoteKind;
  /** 0..1 */
  confidence: number;
}

/** Names the user has taught the engine, derived from annotations by the index. */
export interface LexiconEntry {
  text: string;
  type: EntityType;
  /** Entity the name belongs to; defaults to the id derived from type + text. */
  entity?: string;
  canonical?: string;
}

export interface Lexicon {
  /** Confirmed and manual names: recognised in every document. */
  entries: LexiconEntry[];
  /** Rejected surface forms (case-sensitive); with a type, only that type is suppressed. */
  suppress: { text: string; type?: EntityType }[];
  /** Relabels: a surface form always gets this type. */
  relabel: { text: string; type: EntityType }[];
  /** Merged entity ids: from -> into. Applied after grouping. */
  merges: { from: string; into: string }[];
}

export interface AnalyzeOptions {
  /** YYYY-MM-DD supplied by the caller (e.g. file mtime); used when the text names no date. */
  documentDate?: string;
  /**
   * YYYY-MM-DD the source itself records (PDF CreationDate/XMP, HTML published time, DOCX
   * dcterms:created, a corpus's document creation time): it wins over every rule in the text.
   */
  metadataDate?: string;
  languageId?: string;
  lexicon?: Lexicon;
}

export const EMPTY_LEXICON: Lexicon = { entries: [], suppress: [], relabel: [], merges: [] };

/** Accent- and case-folded key: "Sécurité Intérieure" -> "securite interieure". */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Stable entity id from type and normalised canonical name: "person:abdelhamid-abaaoud",
 * "date:2015-11-13". The same name gives the same id in every document and every run.
 */
export function entityId(type: EntityType, canonicalOrValue: string): string {
  const slug = foldKey(canonicalOrValue)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${type.toLowerCase()}:${slug || 'x'}`;
}
