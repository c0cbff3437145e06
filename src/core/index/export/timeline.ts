// A CSV of dated events for timeline tools: every DATE mention with its normalised value, the
// document and the sentence it sits in, in date order.
import { toCsv } from './csv';
import type { EntityIndex } from '../types';

export const TIMELINE_COLUMNS = ['date', 'label', 'text', 'document', 'line', 'sentence'];

export function timelineCsv(index: EntityIndex): string {
  const rows: (string | number)[][] = [];
  for (const e of index.entities()) {
    if (e.type !== 'DATE') continue;
    for (const l of index.mentionsOf(e.id)) {
      const text = index.getText(l.path) ?? '';
      rows.push([e.value ?? '', e.canonical, l.mention.text, l.path, l.line + 1, sentenceAround(text, l.mention.start, l.mention.end)]);
    }
  }
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[3]).localeCompare(String(b[3])) || (a[4] as number) - (b[4] as number));
  return toCsv([TIMELINE_COLUMNS, ...rows]);
}

/** The sentence containing [start, end): bounded by . ! ? followed by space, or a blank line. */
export function sentenceAround(text: string, start: number, end: number): string {
  // Bounded: a text without punctuation must not make one row cost the whole document.
  const floor = Math.max(0, start - 1000);
  const ceiling = Math.min(text.length, end + 1000);
  let from = start;
  while (from > floor && !/[.!?]\s/.test(text.slice(from - 2, from)) && text.slice(from - 2, from) !== '\n\n') from--;
  let to = end;
  while (to < ceiling && !/[.!?]/.test(text[to]) && text.slice(to, to + 2) !== '\n\n') to++;
  if (to < text.length && /[.!?]/.test(text[to])) to++;
  const s = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return s.length > 400 ? `${s.slice(0, 400)}…` : s;
}
