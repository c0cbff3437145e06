// Rules for dates relative to the document date ("yesterday", "last week", "two years ago") or to
// the previous date in the text ("a year earlier", "the same day"), and calendar-unit durations.
import type { DateExpr, PartOfDay } from './expr';
import { PARTS_OF_DAY, WEEKDAYS } from '../lexicons/calendar';
import { futureContext } from './context';
import { count, MOD, MODIFIER, NUM, offsetOf, REL_MOD, Rule, rx, rxi, unitOf, WD } from './patterns';

const PART = '(?:\\s+(morning|afternoon|evening|night))?';
const part = (w: string | undefined): PartOfDay | undefined => (w ? PARTS_OF_DAY[w.toLowerCase()] : undefined);
const unitLetter: Record<string, string> = { day: 'D', week: 'W', month: 'M', year: 'Y' };
function duration(n: number | null, unit: string): string {
  const u = unitOf(unit) as string;
  if (u === 'decade') return n ? `P${n * 10}Y` : 'PXDE';
  return `P${n ?? 'X'}${unitLetter[u] ?? 'X'}`;
}
const RELDAY: Record<string, number> = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 };
const anchored = (unit: string, n: number | null, sign: 1 | -1): DateExpr => ({ kind: 'anchored', unit: unitOf(unit) as 'day', n, sign });
const AMOUNT = '(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d+|a few|several|some)';
/** Verbs and prepositions after which "the day" is a particular day ("ending the day", "for the day"). */
const DAY_OF_EVENT = '(?<=\\b(?:end|ends|ended|ending|close|closes|closed|closing|finish|finished|finishing|start|started|starting|open|opened|opening|began|begin|for|during|on|of|in)\\s)';

export const RELATIVE_RULES: Rule[] = [
  // Calendar-unit durations that locate an event ("the last 12 months", "a two-day period", "recent years");
  // "the next five years" is a TIMEX3 DURATION reaching forward, not a date.
  { cue: /last|past|previous/i, re: rxi(`(?:the\\s+)?(?:last|past|previous)\\s+${NUM}\\s+(days|weeks|months|years|decades)`), build: (m) => ({ kind: 'duration', value: duration(count(m[1]), m[2]) }) },
  { cue: /period|span|stretch/i, re: rxi(`(?:(?:a|an|the)\\s+)?${NUM}[- ](day|week|month|year)\\s+(?:period|span|stretch)`), build: (m) => ({ kind: 'duration', value: duration(count(m[1]), m[2]) }) },
  { re: rxi('(single|one|two|three)-(day|week|month|year)'), build: (m) => ({ kind: 'duration', value: duration(count(m[1]), m[2]) }) },
  { re: rxi('recent\\s+(years|months|weeks|decades)'), build: (m) => ({ kind: 'duration', value: duration(null, m[1]) }) },
  { re: rxi(`(?:(?:earlier|later|early|late)\\s+)?(yesterday|today|tomorrow|tonight)${PART}`), build: (m) => ({ kind: 'relDay', offset: RELDAY[m[1].toLowerCase()] ?? 0, part: part(m[2] ?? (m[1].toLowerCase() === 'tonight' ? 'tonight' : undefined)) }) },
  { re: rxi('(?:(?:earlier|later|early|late)\\s+)?(this|last)\\s+(morning|afternoon|evening|night)'), build: (m) => ({ kind: 'relDay', offset: /^last/i.test(m[1]) && m[2].toLowerCase() === 'night' ? -1 : 0, part: part(m[2]) }) },
  // "in morning trading": the session of the document's day.
  { re: rxi('(morning|afternoon|midday)(?=\\s+(?:trading|trade|session|deals))'), build: (m) => ({ kind: 'relDay', offset: 0, part: part(m[1] === 'midday' ? 'afternoon' : m[1]) }) },
  // Named days ("Black Monday", "Super Tuesday", "Good Friday") are dates, but not the weekday of the document's week.
  { re: rx(`(?:Black|Blue|Super|Holy|Bloody)\\s+${WD}`), build: () => ({ kind: 'fixed', value: 'XXXX-XX-XX' }) },
  {
    cue: /day/i, re: rxi(`(?:(?:early|late)\\s+)?(?:(last|next|this|past|previous|coming)\\s+)?${WD}${PART}`),
    build: (m, text) => {
      const dow = WEEKDAYS.indexOf((m[2] + 'day').toLowerCase());
      const mod = (m[1] ?? '').toLowerCase();
      const p = part(m[3]);
      if (mod === 'next' || mod === 'coming') return { kind: 'weekday', dow, modifier: 'next', part: p };
      if (mod === 'last' || mod === 'past' || mod === 'previous') return { kind: 'weekday', dow, modifier: 'last', part: p };
      if (mod === 'this') return { kind: 'weekday', dow, modifier: 'this', part: p };
      // News prose points to the past unless the sentence speaks of the future.
      return { kind: 'weekday', dow, modifier: futureContext(text, m.index, m.index + m[0].length) ? 'next' : 'none', part: p };
    },
  },
  {
    cue: /week|month|quarter|year/i, re: rxi(`${REL_MOD}${MOD}(?:the\\s+)?(this\\s+past|last|past|this|next|coming|current)\\s+(week|weekend|month|quarter|year)`),
    build: (m) => ({ kind: 'relUnit', unit: m[2].toLowerCase() as 'week', offset: offsetOf(m[1].replace(/^this\s+/i, '')) }),
  },
  // "the weekend", "over the weekend": the latest weekend, or the coming one in a sentence about the future.
  { cue: /weekend/i, re: rxi('(?<=\\b(?:over|during|at|on|this|the)\\s)(?:the\\s+)?weekend'), build: (m, t) => ({ kind: 'relUnit', unit: 'weekend', offset: futureContext(t, m.index, m.index + m[0].length) ? 0 : -1 }) },
  { cue: /\bago\b/i, re: rxi('(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d+)\\s+(days?|weeks?|months?|years?|decades?)\\s+ago'), build: (m) => agoExpr(m) },
  // "later in the year", "earlier in the week": the document's own period.
  { cue: /\bin\s+the\b/i, re: rxi('(?:earlier|later|early|late)\\s+in\\s+the\\s+(week|month|year)'), build: (m) => ({ kind: 'relUnit', unit: m[1].toLowerCase() as 'week', offset: 0 }) },
  // "the same period last year", "the same month a year ago", "the year-earlier period": the period of the previous date, a year back.
  { cue: /same|year-/i, re: rxi('the\\s+same\\s+(?:period|quarter|month|week|time)\\s+(?:of\\s+)?(?:last\\s+year|a\\s+year\\s+(?:ago|earlier|before)|the\\s+(?:last|previous|prior)\\s+year|the\\s+year\\s+before)|the\\s+year-(?:earlier|ago)\\s+(?:period|quarter|month)'), build: () => ({ kind: 'anchored', unit: 'year', n: 1, sign: -1, samePeriod: true }) },
  // "the beginning of the year", "the rest of the year": the document's year; "the financial year" its fiscal year.
  { cue: /year|quarter|month|week/i, re: rxi(`${MODIFIER}the\\s+(?:(financial|fiscal)\\s+)?(year|quarter|month|week)|the\\s+(financial|fiscal)\\s+year`), build: (m) => ({ kind: 'relUnit', unit: m[1] || m[3] ? 'fiscalYear' : (m[2].toLowerCase() as 'year'), offset: 0 }) },
  // "by year-end", "at year end": the end of the document's year.
  { re: rxi('year[- ]end'), build: () => ({ kind: 'relUnit', unit: 'year', offset: 0 }) },
  // "in the quarter" of a results report: the quarter last reported.
  { cue: /quarter/i, re: rxi('(?<=\\b(?:in|for|during|of)\\s)the\\s+(?:latest\\s+|most\\s+recent\\s+|recent\\s+)?quarter(?!\\s+of\\b)'), build: () => ({ kind: 'relUnit', unit: 'quarter', offset: -1 }) },
  { cue: /\bago\b/i, re: rxi('(?:a\\s+few|several|some|many)\\s+(?:days|weeks|months|years|decades)\\s+ago'), build: () => ({ kind: 'fixed', value: 'PAST_REF' }) },
  { cue: /later|earlier/i, re: rxi(`(?:${AMOUNT}\\s+)?(days|weeks|months|years|day|week|month|year)\\s+(later|earlier)`), build: (m) => anchored(m[2], m[1] ? count(m[1].replace(/^a few$/i, 'few')) : null, /^later$/i.test(m[3]) ? 1 : -1) },
  { cue: /day|week|month|year/i, re: rxi('the\\s+(previous|prior|preceding|following)\\s+(day|week|month|year)|the\\s+(day|week|month|year)\\s+(before|previous|after)(?=\\s*[,.;])'), build: (m) => anchored(m[2] ?? m[3], 1, /^(following|after)$/i.test(m[1] ?? m[4]) ? 1 : -1) },
  { re: rxi('the\\s+next\\s+day'), build: () => anchored('day', 1, 1) },
  { cue: /day|week|month|year/i, re: rxi('(?:(?:earlier|later)\\s+)?(?:the\\s+same|that)\\s+(day|week|month|year)'), build: (m) => anchored(m[1], 0, 1) },
  // "that night", "the next morning", "the night before": a part of the day of the previous date, or of a day next to it.
  {
    cue: /morning|afternoon|evening|night/i, re: rxi('(?:(?:early|late|earlier|later)\\s+)?(?:(that|the\\s+same|the\\s+next|the\\s+following|the\\s+previous)\\s+(morning|afternoon|evening|night)|the\\s+(morning|afternoon|evening|night)\\s+(before|after)(?=\\s*[,.;]))'),
    build: (m) => {
      const which = (m[1] ?? m[4]).toLowerCase();
      const n = /next|following|after/.test(which) ? 1 : /previous|before/.test(which) ? -1 : 0;
      return { kind: 'withPart', date: anchored('day', Math.abs(n), n < 0 ? -1 : 1), part: part(m[2] ?? m[3]) ?? 'MO' };
    },
  },
  // "for the year", "during the week": the period of the previous date, or the document's.
  { cue: /week|month|year/i, re: rxi('(?<=\\b(?:for|during|throughout|over)\\s)the\\s+(?:(?:entire|whole|full)\\s+)?(week|month|year)(?![\\s-]+(?:of|before|after|earlier|ago|to|ended|ending|\\d)\\b)(?![-‐])'), build: (m) => anchored(m[1], 0, 1) },
  { cue: /day/i, re: rxi(`${DAY_OF_EVENT}the\\s+day(?!\\s+(?:before|after|when|of|that)\\b)|(?:late|early)\\s+in\\s+the\\s+day|the\\s+(?:start|beginning|end|middle|close|rest)\\s+of\\s+the\\s+day`), build: () => anchored('day', 0, 1) },
];

function agoExpr(m: RegExpExecArray): DateExpr | null {
  const n = count(m[0].split(/\s+/)[0]) ?? 1;
  const unit = unitOf(m[1]) as string;
  if (unit === 'day') return { kind: 'relDay', offset: -n };
  if (unit === 'decade') return { kind: 'relUnit', unit: 'year', offset: -10 * n };
  return { kind: 'relUnit', unit: unit as 'year', offset: -n };
}
