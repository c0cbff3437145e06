// Helpers for the quote tests: analyse a text and read its quotes as "kind speaker: text" lines.
import { analyze } from '../../../src/core/engine/index';
import type { Quote } from '../../../src/core/model';

export function quotesOf(text: string, languageId?: string): Quote[] {
  return analyze(text, { languageId }).quotes ?? [];
}

/** One readable line per quote, so a failing test shows what was found. */
export function described(text: string, languageId?: string): string[] {
  return quotesOf(text, languageId).map((q) => `${q.kind} ${q.speaker ?? 'unattributed'}: ${q.text}`);
}
