// The date grammar: finds calendar expressions in a paragraph with their TIMEX3-style extent
// (determiners and modifiers inside, prepositions outside) and a structured, unresolved DateExpr.
import type { Candidate, DateExpr } from '../types';
import { FUTURE_CUES, MONTHS, NUMBER_WORDS, VAGUE_COUNTS, WEEKDAYS } from '../lexicons/calendar';
import { validDay } from './calendar';

const MON = '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|Jun\\.|July|Jul\\.|August|Aug\\.|Sept?(?:ember|\\.)|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(1[5-9]\\d\\d|20\\d\\d)';
const WD = '(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const NUM = `(\\d+|${Object.keys(NUMBER_WORDS).join('|')}|${VAGUE_COUNTS.join('|')})`;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

type Build = (m: RegExpExecArray, text: string) => DateExpr | null;
interface Rule {
  re: RegExp;
  build: Build;
}

const month = (s: string): number => MONTHS[s.toLowerCase().replace('.', '')] ?? 0;
const count = (s: string | undefined): number | null => {
  if (!s) return null;
  const k = s.toLowerCase();
  if (/^\d+$/.test(k)) return +k;
  return NUMBER_WORDS[k] ?? null;
};
const unitLetter: Record<string, string> = { day: 'D', week: 'W', month: 'M', year: 'Y', decade: 'DE' };
const unitOf = (s: string): 'day' | 'week' | 'month' | 'year' => s.toLowerCase().replace(/s$/, '') as 'day';
function duration(n: number | null, unit: string): string {
  const u = unitOf(unit) as string;
  if (u === 'decade') return n ? `P${n * 10}Y` : 'PXDE';
  return `P${n ?? 'X'}${unitLetter[u] ?? 'X'}`;
}
function absolute(y: number | undefined, mo: number, d?: number): DateExpr | null {
  if (d !== undefined && !validDay(y ?? 2000, mo, d)) return null;
  return { kind: 'absolute', year: y, month: mo, day: d, yearFromContext: y === undefined };
}
/** Whether the words before a date make it point forward ("until Friday", "will ... in May"). */
function futureContext(text: string, at: number): boolean {
  const sentence = text.slice(Math.max(0, text.lastIndexOf('.', at - 1) + 1), at);
  return FUTURE_CUES.test(sentence) || /\b(?:until|till|by|before|next)\s+$/i.test(sentence);
}
const contextual = (e: DateExpr | null, text: string, at: number): DateExpr | null =>
  e && e.kind === 'absolute' && e.yearFromContext ? { ...e, future: futureContext(text, at) } : e;
const rx = (s: string): RegExp => new RegExp(B + s + E, 'gu');
const rxi = (s: string): RegExp => new RegExp(B + s + E, 'giu');

const RULES: Rule[] = [
  { re: rx(`(?:${WD},?\\s+)?${MON}\\s+${DAY},?\\s+${YEAR}`), build: (m) => absolute(+m[4], month(m[2]), +m[3]) },
  { re: rx(`(?:${WD},?\\s+)?${DAY}\\s+(?:of\\s+)?${MON},?\\s+${YEAR}`), build: (m) => absolute(+m[4], month(m[3]), +m[2]) },
  { re: rx(`${MON}\\s+${DAY}(?!,?\\s*\\d)`), build: (m, text) => contextual(absolute(undefined, month(m[1]), +m[2]), text, m.index) },
  { re: rx(`${DAY}\\s+(?:of\\s+)?${MON}`), build: (m, text) => contextual(absolute(undefined, month(m[2]), +m[1]), text, m.index) },
  {
    // "last September", "next May": the named month before or after the document date.
    re: rxi(`(last|next|this)\\s+${MON}`),
    build: (m) => {
      const mod = m[1].toLowerCase();
      return { kind: 'absolute', month: month(m[2]), yearFromContext: true, yearOffset: mod === 'last' ? -1 : mod === 'next' ? 1 : 0 };
    },
  },
  { re: rx(`(?:(?:early|mid|late)[- ])?${MON}(?:,|\\s+of)?\\s+${YEAR}`), build: (m) => absolute(+m[2], month(m[1])) },
  {
    // A month alone; "May" only after a preposition or modifier, since it is mostly the verb.
    re: rx(`(?:(?:early|mid|late)[- ])?${MON}`),
    build: (m, text) => {
      if (/\.$/.test(m[1])) return null;
      if (m[1] === 'May' && !/\b(in|since|until|by|of|from|early|late|mid|last|next|this)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) return null;
      return contextual(absolute(undefined, month(m[1])), text, m.index);
    },
  },
  { re: rxi(`(?:the\\s+)?(?:(?:early|mid|late)[- ])?(1[5-9]\\d0|20\\d0)'?s`), build: (m) => ({ kind: 'decade', value: m[1].slice(0, 3) + 'X' }) },
  { re: rxi(`(?:the\\s+)?'?([1-9]0)'?s`), build: (m) => ({ kind: 'decade', value: '19' + m[1][0] + 'X' }) },
  {
    re: rx(`(?:(?:early|mid|late)[- ])?${YEAR}`),
    build: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      // Amounts, ranges of numbers, models and percentages are not years.
      const later = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (/[$£€#\d,.-]\s?$/.test(before) || /^(?:[,.]\d|-[\p{L}\d]|\s?%|\d)/u.test(after)) return null;
      if (/^\s(?:percent|per cent|pc|points?|units?|people|jobs|workers|employees|km|miles|metres|meters|tonnes|tons|barrels|shares)\b/i.test(later)) return null;
      return { kind: 'absolute', year: +m[1] };
    },
  },
  { re: rxi(`(?:the\\s+)?(?:last|past|previous|next|coming|first)\\s+${NUM}\\s+(days|weeks|months|years|decades)`), build: (m) => ({ kind: 'duration', value: duration(count(m[1]), m[2]) }) },
  { re: rxi(`(?:(?:a|an|the)\\s+)?${NUM}[- ](day|week|month|year)\\s+(?:period|span|stretch)`), build: (m) => ({ kind: 'duration', value: duration(count(m[1]), m[2]) }) },
  { re: rxi(`(single|one|two|three)-(day|week|month|year)`), build: (m) => ({ kind: 'duration', value: duration(count(m[1]), m[2]) }) },
  { re: rxi(`recent\\s+(years|months|weeks|decades)`), build: (m) => ({ kind: 'duration', value: duration(null, m[1]) }) },
  { re: rxi(`(?:(?:earlier|later)\\s+)?(yesterday|today|tomorrow|tonight)(?:\\s+(?:morning|afternoon|evening|night))?`), build: (m) => ({ kind: 'relDay', offset: { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[m[1].toLowerCase()] ?? 0 }) },
  { re: rxi(`(?:this|last)\\s+(morning|afternoon|evening|night)`), build: (m) => ({ kind: 'relDay', offset: /^last/i.test(m[0]) && m[1].toLowerCase() === 'night' ? -1 : 0 }) },
  {
    re: rxi(`(?:(last|next|this|past|previous|coming)\\s+)?${WD}(?:\\s+(?:morning|afternoon|evening|night))?`),
    build: (m, text) => {
      const dow = WEEKDAYS.indexOf((m[2] + 'day').toLowerCase());
      const mod = (m[1] ?? '').toLowerCase();
      if (mod === 'next' || mod === 'coming') return { kind: 'weekday', dow, modifier: 'next' };
      if (mod === 'last' || mod === 'past' || mod === 'previous') return { kind: 'weekday', dow, modifier: 'last' };
      if (mod === 'this') return { kind: 'weekday', dow, modifier: 'this' };
      // News prose points to the past unless the sentence speaks of the future.
      return { kind: 'weekday', dow, modifier: futureContext(text, m.index) ? 'next' : 'none' };
    },
  },
  { re: rxi(`(?:(?:earlier|later)\\s+|the\\s+(?:start|beginning|end|middle)\\s+of\\s+)?(?:the\\s+)?(last|past|previous|this|next|coming|current)\\s+(week|month|year)`), build: (m) => ({ kind: 'relUnit', unit: unitOf(m[2]) as 'week', offset: ({ last: -1, past: -1, previous: -1, next: 1, coming: 1 } as Record<string, number>)[m[1].toLowerCase()] ?? 0 }) },
  { re: rxi(`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+(days?|weeks?|months?|years?)\\s+ago`), build: (m) => agoExpr(m) },
  { re: rxi(`(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d+|a few|several|some)\\s+)?(days|weeks|months|years|day|week|month|year)\\s+later`), build: (m) => ({ kind: 'later', unit: unitOf(m[2]), n: m[1] ? count(m[1].replace(/^a few$/i, 'few')) : null }) },
  {
    // "16:08 UTC", "0800 GMT", "12:00 UTC Monday", "4:30 p.m. today".
    re: rxi(`(\\d{1,2}):?(\\d{2})(?:\\s*([ap])\\.?m\\.?)?(?:\\s*(UTC|GMT))?(?:\\s+(today|yesterday|tomorrow|${WD}))?`),
    build: (m, text) => {
      if (!m[3] && !m[4]) return null;
      if (!m[0].includes(':') && !m[4]) return null;
      let hour = +m[1];
      const minute = +m[2];
      if (m[3]?.toLowerCase() === 'p' && hour < 12) hour += 12;
      if (m[3]?.toLowerCase() === 'a' && hour === 12) hour = 0;
      if (hour > 23 || minute > 59) return null;
      const word = m[5]?.toLowerCase();
      let day: DateExpr | null = null;
      if (word === 'today' || word === 'yesterday' || word === 'tomorrow') day = { kind: 'relDay', offset: { today: 0, yesterday: -1, tomorrow: 1 }[word] };
      else if (word) day = { kind: 'weekday', dow: WEEKDAYS.indexOf(word), modifier: futureContext(text, m.index) ? 'next' : 'none' };
      return { kind: 'time', hour, minute, utc: Boolean(m[4]), day };
    },
  },
  {
    re: rxi(`(?:the\\s+)?(first|second|third|fourth|final|last)\\s+quarter(?:\\s+of\\s+(?:${YEAR}|(this|last|next)\\s+year))?`),
    build: (m) => {
      const q = { first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 }[m[1].toLowerCase()] ?? 0;
      if (m[2]) return { kind: 'quarter', q, year: +m[2] };
      return { kind: 'quarter', q, yearOffset: m[3] ? { this: 0, last: -1, next: 1 }[m[3].toLowerCase()] : 0 };
    },
  },
];

function agoExpr(m: RegExpExecArray): DateExpr | null {
  const n = count(m[0].split(/\s+/)[0]) ?? 1;
  const unit = unitOf(m[1]);
  if (unit === 'day') return { kind: 'relDay', offset: -n };
  return { kind: 'relUnit', unit, offset: -n };
}

/** Every date expression in a paragraph, longest match first, never overlapping. */
export function findDates(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      let expr: DateExpr | null = null;
      try {
        expr = rule.build(m, text);
      } catch {
        expr = null;
      }
      if (expr) found.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', source: 'date', confidence: 0.9, date: expr });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of found) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}
