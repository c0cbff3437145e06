// Keeps a stored analysis usable while the user types: mentions after an edit move with it,
// mentions (and quotes) the edit touches are dropped, until the debounced re-analysis replaces it.
import type { Analysis } from '../../core/model';

export interface TextEdit {
  /** Offset range replaced in the old text. */
  rangeOffset: number;
  rangeLength: number;
  /** Length of the inserted text. */
  textLength: number;
}

export function shiftMentions(analysis: Analysis, edits: readonly TextEdit[]): Analysis {
  let mentions = analysis.mentions;
  let quotes = analysis.quotes;
  // VS Code reports the changes of one event against the old text, in no guaranteed order;
  // applying them from the end keeps earlier offsets valid.
  const ordered = [...edits].sort((a, b) => b.rangeOffset - a.rangeOffset);
  for (const e of ordered) {
    const editEnd = e.rangeOffset + e.rangeLength;
    const delta = e.textLength - e.rangeLength;
    mentions = mentions.flatMap((m) => {
      // Typing right before or after a name leaves its text intact, so it stays until re-analysis.
      if (m.end <= e.rangeOffset) return [m];
      if (m.start >= editEnd) return [{ ...m, start: m.start + delta, end: m.end + delta }];
      return [];
    });
    // Quotes move the same way; one the edit touches waits for re-analysis.
    quotes = quotes?.flatMap((q) => {
      if (q.end <= e.rangeOffset) return [q];
      if (q.start >= editEnd) return [{ ...q, start: q.start + delta, end: q.end + delta, cue: { start: q.cue.start + delta, end: q.cue.end + delta } }];
      return [];
    });
  }
  return mentions === analysis.mentions && quotes === analysis.quotes ? analysis : { ...analysis, mentions, quotes };
}
