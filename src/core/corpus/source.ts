// What the corpus views read from the shared index: every document's non-rejected mentions,
// resolved through merges to the entity the user sees, with the sentences and paragraphs
// they sit in. Views depend on this narrow port so tests can feed them small fakes.
import type { EntityType } from '../model';
import type { EntityIndex, EntityRecord } from '../index/types';
import { lineStarts, lineAt, segmentText, type Segment } from './sentences';

/** The part of the EntityIndex the views need. */
export type CorpusSource = Pick<EntityIndex, 'documents' | 'getDocument' | 'getText' | 'getEntity'>;

/** Where to open a mention: a workspace-relative path and UTF-16 offsets. */
export interface CorpusLocation {
  path: string;
  start: number;
  end: number;
  /** 0-based line of `start`. */
  line: number;
}

export interface ResolvedMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** The surviving entity id (merges followed). */
  entity: string;
  record: EntityRecord | undefined;
  /** Index of the sentence / paragraph in the document's segmentation. */
  sentence: number;
  paragraph: number;
}

export interface CorpusDocument {
  path: string;
  text: string;
  sentences: Segment[];
  paragraphs: Segment[];
  mentions: ResolvedMention[];
  /** Line of an offset (0-based). */
  lineOf(offset: number): number;
}

/** Reads each indexed document once, skipping any the index cannot return (never throws). */
export function readCorpus(source: CorpusSource): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  for (const path of [...source.documents()].sort()) {
    const record = source.getDocument(path);
    if (!record) continue;
    const text = source.getText(path) ?? '';
    const live = record.mentions.filter((m) => m.provenance !== 'rejected' && m.start >= 0 && m.end <= text.length && m.start < m.end);
    const { sentences, paragraphs } = segmentText(text, live);
    const starts = lineStarts(text);
    let s = 0;
    let p = 0;
    const mentions: ResolvedMention[] = [];
    for (const m of [...live].sort((a, b) => a.start - b.start)) {
      // Mentions are sorted, so one forward walk finds each one's sentence and paragraph.
      while (s < sentences.length - 1 && sentences[s].end <= m.start) s++;
      while (p < paragraphs.length - 1 && paragraphs[p].end <= m.start) p++;
      const entityRecord = source.getEntity(m.entity);
      mentions.push({
        start: m.start,
        end: m.end,
        text: m.text,
        type: entityRecord?.type ?? m.type,
        entity: entityRecord?.id ?? m.entity,
        record: entityRecord,
        sentence: s,
        paragraph: p,
      });
    }
    out.push({ path, text, sentences, paragraphs, mentions, lineOf: (offset) => lineAt(starts, offset) });
  }
  return out;
}

/** The display name of a mention's entity: the registry's canonical name, else its text. */
export function labelOf(m: ResolvedMention): string {
  return m.record?.canonical ?? m.text;
}

export function locationOf(doc: CorpusDocument, m: { start: number; end: number }): CorpusLocation {
  return { path: doc.path, start: m.start, end: m.end, line: doc.lineOf(m.start) };
}

/** A segment's text on one line, cut to about `max` characters around [from, to). */
export function contextOf(text: string, segment: Segment, from: number, to: number, max = 280): string {
  let start = segment.start;
  let end = segment.end;
  if (end - start > max) {
    const room = Math.max(0, max - (to - from));
    start = Math.max(segment.start, from - Math.floor(room / 2));
    end = Math.min(segment.end, start + max);
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > segment.start ? '…' : ''}${body}${end < segment.end ? '…' : ''}`;
}
