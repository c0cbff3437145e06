// Internal shapes passed between the paragraph pass and the document pass of the engine.
import type { EntityType, MentionSource } from '../model';

/** A date expression as written, resolved to a TIMEX3 value only in the document pass. */
export type DateExpr =
  | { kind: 'absolute'; year?: number; month?: number; day?: number; yearFromContext?: boolean; future?: boolean; yearOffset?: number }
  | { kind: 'weekday'; dow: number; modifier: 'last' | 'next' | 'this' | 'none' }
  | { kind: 'relDay'; offset: number }
  | { kind: 'relUnit'; unit: 'week' | 'month' | 'year'; offset: number }
  | { kind: 'duration'; value: string }
  | { kind: 'decade'; value: string }
  | { kind: 'later'; unit: 'day' | 'week' | 'month' | 'year'; n: number | null }
  | { kind: 'quarter'; q: number; year?: number; yearOffset?: number }
  | { kind: 'time'; hour: number; minute: number; utc: boolean; day: DateExpr | null };

export interface Candidate {
  /** Offsets relative to the paragraph (cacheable by paragraph text). */
  start: number;
  end: number;
  type: EntityType;
  source: MentionSource;
  confidence: number;
  date?: DateExpr;
  /** For acronyms defined in place ("Islamic State (ISIS)"): the expansion's offsets. */
  expansionOf?: { start: number; end: number };
}

export interface ParagraphResult {
  candidates: Candidate[];
}
