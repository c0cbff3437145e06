// Internal shapes passed between the paragraph pass and the document pass of the engine.
import type { EntityType, MentionSource } from '../model';
import type { DateExpr } from './dates/expr';
import type { ParagraphWords } from './wordIndex';

export type { DateExpr } from './dates/expr';

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
  /** Where its words start, filled in by the document pass on first use (it depends on the text only). */
  words?: ParagraphWords;
}
