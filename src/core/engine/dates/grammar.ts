// The date grammar: finds calendar expressions in a paragraph with their TIMEX3-style extent
// (determiners and modifiers inside, prepositions outside) and a structured, unresolved DateExpr.
// The rule tables are in calendarRules.ts, relativeRules.ts and timeRules.ts.
import type { Candidate } from '../types';
import type { DateExpr } from './expr';
import { CALENDAR_RULES } from './calendarRules';
import { RELATIVE_RULES } from './relativeRules';
import { TIME_RULES } from './timeRules';
import { HOLIDAY_RULES } from './holidays';
import { REFERENCE_RULES } from './referenceRules';

// Holidays before the relative rules: on a tie in length the earlier rule wins ("Good Friday").
const RULES = [...CALENDAR_RULES, ...HOLIDAY_RULES, ...RELATIVE_RULES, ...TIME_RULES, ...REFERENCE_RULES];

/** A digit or a temporal word: sentences without one cannot hold a date, and skip the rules. */
const CUE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tues|wednes|thurs|fri|satur|sun|today|tonight|tomorrow|yesterday|morning|afternoon|evening|night|noon|midnight|day|week|month|quarter|half|year|decade|centur|spring|summer|autumn|fall|winter|weekend|fiscal|now|current|present|recent|lately|past|future|coming|term|christmas|easter|thanksgiving|halloween|pentecost|time\s+being|(?:twen|thir|for|fif|six|seven|eigh|nine)ties\b)|\bQ[1-4]\b/i;
const SENTENCE_END = /[.!?]["”’)]?\s+(?=["“(]?[\p{Lu}\d])/gu;

/** The stretches of a paragraph made of consecutive sentences that hold a temporal cue. */
function cueChunks(text: string): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  const add = (end: number): void => {
    if (!CUE.test(text.slice(start, end))) return;
    const last = chunks[chunks.length - 1];
    if (last && last[1] === start) last[1] = end;
    else chunks.push([start, end]);
  };
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) !== null) {
    const end = m.index + m[0].length;
    add(end);
    start = end;
  }
  add(text.length);
  return chunks;
}

function matchRules(text: string, offset: number, into: Candidate[]): void {
  for (const rule of RULES) {
    if (rule.cue && !rule.cue.test(text)) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      if (!m[0]) {
        rule.re.lastIndex++;
        continue;
      }
      let expr: DateExpr | null = null;
      try {
        expr = rule.build(m, text);
      } catch {
        expr = null;
      }
      if (expr) into.push({ start: offset + m.index, end: offset + m.index + m[0].length, type: 'DATE', source: 'date', confidence: 0.9, date: expr });
    }
  }
}

/** Every date expression in a paragraph, longest match first, never overlapping. */
export function findDates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const [start, end] of cueChunks(text)) matchRules(text.slice(start, end), start, found);
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Characters already covered by a longer date; checking them keeps a paragraph of thousands of dates linear.
  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const c of found) {
    if (taken.subarray(c.start, c.end).includes(1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
