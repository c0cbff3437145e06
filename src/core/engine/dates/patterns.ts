// Regular-expression fragments and small helpers shared by the date rule tables.
import type { DateExpr } from './expr';
import { MONTHS, NUMBER_WORDS, VAGUE_COUNTS } from '../lexicons/calendar';
import { validDay } from './calendar';

/** Month names are matched case-sensitively ("this may have" is not a date). */
export const MON = '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|Jun\\.|July|Jul\\.|August|Aug\\.|Sept?(?:ember|\\.)|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
export const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
export const YEAR = '(1[5-9]\\d\\d|20\\d\\d)';
export const WD = '(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
/** An optional weekday before a calendar date ("Monday, March 3"); no capture group. */
export const WD_PREFIX = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?';
export const NUM = `(\\d+|${Object.keys(NUMBER_WORDS).join('|')}|${VAGUE_COUNTS.join('|')})`;
/** TIMEX3 puts "early", "mid-", "the end of" into the extent and keeps the value of the period. */
export const MODIFIER = '(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ]|(?:[Tt]he\\s+)?(?:very\\s+)?(?:start|beginning|end|middle|close|rest)\\s+of\\s+|(?:end|start)-)';
export const MOD = `${MODIFIER}?`;
/** Words before "this/last/next" that stay in the extent ("earlier this month", "later this year"). */
export const REL_MOD = '(?:(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\\s+)?';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

export type Build = (m: RegExpExecArray, text: string) => DateExpr | null;
export interface Rule {
  re: RegExp;
  build: Build;
  /** A cheap test a stretch of text must pass before `re` runs over it (most rules need one word). */
  cue?: RegExp;
}
/** Every month name and abbreviation starts so; rules with MON run only where one appears. */
export const MON_CUE = /Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec/;

export const rx = (s: string): RegExp => new RegExp(B + s + E, 'gu');
/** Case-insensitive, for rules with no month name inside. */
export const rxi = (s: string): RegExp => new RegExp(B + s + E, 'giu');

export const month = (s: string): number => MONTHS[s.toLowerCase().replace('.', '')] ?? 0;
export function count(s: string | undefined): number | null {
  if (!s) return null;
  const k = s.toLowerCase();
  if (/^\d+$/.test(k)) return +k;
  return NUMBER_WORDS[k] ?? null;
}
export const unitOf = (s: string): 'day' | 'week' | 'month' | 'year' => s.toLowerCase().replace(/s$/, '') as 'day';
export const offsetOf = (mod: string): number => ({ last: -1, past: -1, previous: -1, prior: -1, next: 1, coming: 1 } as Record<string, number>)[mod.toLowerCase()] ?? 0;

export function absolute(y: number | undefined, mo: number, d?: number): DateExpr | null {
  if (d !== undefined && !validDay(y ?? 2000, mo, d)) return null;
  return { kind: 'absolute', year: y, month: mo, day: d, yearFromContext: y === undefined };
}
/** A two-digit year: the century that puts it nearest before the document's era ('82 = 1982, '07 = 2007). */
export const fullYear = (yy: number): number => (yy <= 30 ? 2000 + yy : 1900 + yy);
