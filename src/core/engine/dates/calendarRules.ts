// Rules for calendar dates: full and partial dates, numeric dates, years, decades, fiscal years,
// quarters, halves and seasons. Each row is one TIMEX3 class.
import { ORDINALS, PARTS_OF_DAY, SEASONS } from '../lexicons/calendar';
import { contextual, futureContext, insideName } from './context';
import { pad, validDay } from './calendar';
import { absolute, DAY, fullYear, MOD, MON, MON_CUE, month, Rule, rx, rxi, WD_PREFIX, YEAR } from './patterns';

const QUARTER_WORDS = '(first|second|third|fourth|final|last|1st|2nd|3rd|4th)';
const quarterNumber = (w: string): number => ORDINALS[w.toLowerCase()] ?? (({ final: 4, last: 4 } as Record<string, number>)[w.toLowerCase()] ?? +w[0]);
/** "of 2009", "of this year", "of the year": which year a part of a year belongs to. */
const OF_YEAR = `(?:\\s+of\\s+(?:${YEAR}|(?:the\\s+)?(this|last|next|current|previous)\\s+year|the\\s+year))?`;
const yearOffset = (w: string | undefined): number | undefined => (w ? ({ this: 0, current: 0, last: -1, previous: -1, next: 1 } as Record<string, number>)[w.toLowerCase()] : undefined);
const DECADE_WORDS: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
const CENTURY_WORDS: Record<string, number> = {
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty first': 21,
};
const SEASON = '([Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all)';

export const CALENDAR_RULES: Rule[] = [
  { cue: MON_CUE, re: rx(`${WD_PREFIX}${MOD}${MON}\\s+${DAY},?\\s+${YEAR}`), build: (m) => absolute(+m[3], month(m[1]), +m[2]) },
  { cue: MON_CUE, re: rx(`${WD_PREFIX}(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MON},?\\s+${YEAR}`), build: (m) => absolute(+m[3], month(m[2]), +m[1]) },
  { cue: MON_CUE, re: rx(`${WD_PREFIX}${MON}\\s+${DAY}(?!,?\\s*\\d)`), build: (m, t) => contextual(absolute(undefined, month(m[1]), +m[2]), t, m.index, m.index + m[0].length) },
  { cue: MON_CUE, re: rx(`${WD_PREFIX}(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MON}`), build: (m, t) => contextual(absolute(undefined, month(m[2]), +m[1]), t, m.index, m.index + m[0].length) },
  {
    // ISO dates and US numeric dates ("2013-03-01", "7/8/07", "03/01/2013").
    re: rx('(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})'),
    build: (m) => {
      const [y, mo, d] = m[1] ? [+m[1], +m[2], +m[3]] : [m[6].length === 2 ? fullYear(+m[6]) : +m[6], +m[4], +m[5]];
      return y >= 1500 && y < 2100 && validDay(y, mo, d) ? absolute(y, mo, d) : null;
    },
  },
  {
    // "last September", "next May", "this June": the nearest such month before or after the document date.
    cue: MON_CUE, re: rx(`([Ll]ast|[Nn]ext|[Tt]his)\\s+${MON}`),
    build: (m) => {
      const mod = m[1].toLowerCase();
      return { kind: 'absolute', month: month(m[2]), yearFromContext: true, ...(mod === 'this' ? { yearOffset: 0 } : { direction: mod as 'last' | 'next' }) };
    },
  },
  // "the morning of March 3", "the night of Friday, June 5, 2009": the part of that day.
  {
    cue: MON_CUE, re: rx(`[Tt]he\\s+(morning|afternoon|evening|night)\\s+of\\s+${WD_PREFIX}${MON}\\s+${DAY}(?:,?\\s+${YEAR})?`),
    build: (m, t) => {
      const day = m[4] ? absolute(+m[4], month(m[2]), +m[3]) : contextual(absolute(undefined, month(m[2]), +m[3]), t, m.index, m.index + m[0].length);
      return day ? { kind: 'withPart', date: day, part: PARTS_OF_DAY[m[1].toLowerCase()] } : null;
    },
  },
  // "October of next year", "June of this year".
  { cue: MON_CUE, re: rx(`${MOD}${MON}\\s+(?:of\\s+)?(this|last|next)\\s+year`), build: (m) => ({ kind: 'absolute', month: month(m[1]), yearFromContext: true, yearOffset: yearOffset(m[2]) }) },
  { cue: MON_CUE, re: rx(`${MOD}${MON}(?:,|\\s+of)?\\s+${YEAR}`), build: (m) => absolute(+m[2], month(m[1])) },
  {
    // A month alone; "May" only after a preposition or modifier, since it is mostly the verb.
    cue: MON_CUE, re: rx(`${MOD}${MON}`),
    build: (m, text) => {
      if (/\.$/.test(m[1])) return null;
      if (m[1] === 'May' && !/\b(in|since|until|by|of|from|early|late|mid|last|next|this|end|start|beginning|middle)[\s-]+$/i.test(text.slice(Math.max(0, m.index - 10), m.index + m[0].length - 3))) return null;
      return contextual(absolute(undefined, month(m[1])), text, m.index, m.index + m[0].length);
    },
  },
  // Holidays with a fixed date ("Christmas", "New Year's Eve"), the year from the document.
  // "the 1990s" is a decade; "the 1800s" the century.
  { cue: /\d0['’]?s/i, re: rxi(`(?:the\\s+)?(?:(?:early|mid|late)[- ])?(1[5-9]\\d0|20\\d0)'?s`), build: (m) => (/^1[5-9]00$/.test(m[1]) ? { kind: 'fixed', value: m[1].slice(0, 2) } : { kind: 'decade', value: m[1].slice(0, 3) + 'X' }) },
  // "the nineties", "the late sixties", "the nineteen-eighties"; the article keeps out ages ("in his sixties").
  { re: rxi(`the\\s+(?:(?:early|mid|late)[- ])?(?:nineteen[- ])?(${Object.keys(DECADE_WORDS).join('|')})`), build: (m) => ({ kind: 'decade', value: `19${DECADE_WORDS[m[1].toLowerCase()]}X` }) },
  { cue: /0['’]?s/i, re: rxi(`(?:the\\s+)?(?:(?:early|mid|late)[- ])?'?([1-9]0)'?s`), build: (m) => ({ kind: 'decade', value: '19' + m[1][0] + 'X' }) },
  { cue: /century/i, re: rxi('(?:the\\s+)?(?:(?:early|mid|late)[- ])?(\\d{2})(?:st|nd|rd|th)[- ]century'), build: (m) => (+m[1] >= 10 && +m[1] <= 21 ? { kind: 'fixed', value: String(+m[1] - 1) } : null) },
  { cue: /century/i, re: rxi(`(?:the\\s+)?(?:(?:early|mid|late)[- ])?(${Object.keys(CENTURY_WORDS).join('|')})[- ]century`), build: (m) => ({ kind: 'fixed', value: pad(CENTURY_WORDS[m[1].toLowerCase().replace(/\s+/g, '-')] - 1, 2) }) },
  // Fiscal years: "fiscal 2009", "fiscal year 2009", "FY2009", "the 2009 fiscal year".
  { re: rx(`(?:[Ff]iscal(?:\\s+[Yy]ear)?\\s+|FY\\s?)(?:${YEAR}|['’]?(\\d{2}))|(?:the\\s+)?${YEAR}\\s+fiscal\\s+year`), build: (m) => ({ kind: 'fixed', value: `FY${m[1] ?? m[3] ?? fullYear(+m[2])}` }) },
  {
    // Quarters: "the third quarter of 2008", "the fourth quarter", "third-quarter", "Q3 2009".
    cue: /quarter|Q[1-4]/, re: rx(`${MOD}(?:(?:[Tt]he\\s+)?${QUARTER_WORDS}\\s+quarter${OF_YEAR}|${QUARTER_WORDS}-quarter|Q([1-4])(?:\\s+${YEAR})?)`),
    build: (m, t) => {
      if (m[4]) return { kind: 'yearPart', code: `Q${quarterNumber(m[4])}`, future: futureContext(t, m.index, m.index + m[0].length) };
      if (m[5]) return { kind: 'yearPart', code: `Q${m[5]}`, year: m[6] ? +m[6] : undefined };
      // "the last quarter" alone is the latest quarter; "the last quarter of 2009" is Q4.
      if (/^last$/i.test(m[1]) && !m[2] && !m[3] && !/of the year$/.test(m[0])) return { kind: 'relUnit', unit: 'quarter', offset: -1 };
      const year = m[2] ? +m[2] : undefined;
      return { kind: 'yearPart', code: `Q${quarterNumber(m[1])}`, year, yearOffset: yearOffset(m[3]), future: futureContext(t, m.index, m.index + m[0].length) };
    },
  },
  {
    // The year before the part: "1989's fourth quarter", "the 2009 first half", "last year's third quarter", "the fiscal first quarter".
    cue: /quarter|half/, re: rx(`(?:[Tt]he\\s+)?(?:${YEAR}(?:['’]s)?|([Tt]his|[Ll]ast|[Nn]ext)\\s+year['’]s|(?=fiscal))\\s*(?:fiscal\\s+)?${QUARTER_WORDS}[\\s-](quarter|half)`),
    build: (m, t) => {
      const n = quarterNumber(m[3]);
      if (m[4] === 'half' && n > 2) return null;
      const code = m[4] === 'half' ? `H${n}` : `Q${n}`;
      return { kind: 'yearPart', code, year: m[1] ? +m[1] : undefined, yearOffset: yearOffset(m[2]), future: futureContext(t, m.index, m.index + m[0].length) };
    },
  },
  {
    // Weeks of a month: "the last week of March", "the first week of June 2009".
    cue: MON_CUE, re: rx(`[Tt]he\\s+(first|second|third|fourth|last|final)\\s+week\\s+of\\s+${MON}(?:,?\\s+${YEAR})?`),
    build: (m, t) => ({ kind: 'monthWeek', month: month(m[2]), n: ORDINALS[m[1].toLowerCase()] ?? -1, year: m[3] ? +m[3] : undefined, future: futureContext(t, m.index, m.index + m[0].length) }),
  },
  {
    // Halves of a year: "the first half of 2009", "second-half".
    cue: /half/, re: rx(`${MOD}(?:(?:[Tt]he\\s+)?(first|second)\\s+half\\s+of\\s+(?:${YEAR}|(?:the\\s+)?(this|last|next|current)\\s+year|the\\s+year)|(first|second)-half)`),
    build: (m) => ({ kind: 'yearPart', code: /^first$/i.test(m[1] ?? m[4]) ? 'H1' : 'H2', year: m[2] ? +m[2] : undefined, yearOffset: yearOffset(m[3]) }),
  },
  // "in the second half": after a preposition and with no "of ...", the half of the document's year.
  { cue: /half/, re: rx('(?<=\\b(?:[Ii]n|[Dd]uring|[Ff]or|[Bb]y)\\s)the\\s+(first|second)\\s+half(?!\\s+of\\b)'), build: (m, t) => ({ kind: 'yearPart', code: m[1] === 'first' ? 'H1' : 'H2', future: futureContext(t, m.index, m.index + m[0].length) }) },
  {
    // Seasons: "summer", "the summer of 2009", "last winter", "spring 2010"; "fall" only with a modifier or year.
    cue: /spring|summer|autumn|winter|fall/i, re: rx(`(?:(?:[Tt]his|[Ll]ast|[Nn]ext|[Tt]he)\\s+)?${MOD}${SEASON}(?:\\s+(?:of\\s+)?${YEAR})?`),
    build: (m, t) => {
      const word = m[1].toLowerCase();
      const mod = /^(this|last|next)/i.exec(m[0])?.[1].toLowerCase();
      const before = t.slice(Math.max(0, m.index - 24), m.index);
      const after = t.slice(m.index + m[0].length);
      // "spring" and "fall" are also a source and a drop ("the fall of Rome", "the fall in prices"): they need a year,
      // "this/last/next", or a temporal preposition before and nothing that makes them a noun phrase after.
      if ((word === 'fall' || word === 'spring') && !mod && !m[2] && !(/\b(?:in|during|until|by|since|this|next|last|early|late|mid)[\s-]+(?:the\s+)?$/i.test(before + m[0].slice(0, m[0].length - m[1].length)) && !/^\s+(?:of|in|from|to|by)\b/i.test(after))) return null;
      // "the Arab Spring", "Prague Spring": a season after a capitalised word names an event.
      if (!m[2] && /[\p{Lu}][\p{L}]+\s+$/u.test(before) && !/(?:^|[.!?]\s+)[\p{Lu}][\p{L}]+\s+$/u.test(before) && !/\b(?:This|Last|Next|In|During|The)\s+$/.test(before)) return null;
      // "Summer Olympics", "Winter Games": a season opening a name.
      if (!m[2] && /^[A-Z]/.test(m[1]) && /^\s+(?:Olympics|Games|Paralympics|Series|Collection|Festival|Classic)\b/.test(after)) return null;
      return { kind: 'yearPart', code: SEASONS[word].code, year: m[2] ? +m[2] : undefined, yearOffset: mod ? yearOffset(mod) : undefined, future: futureContext(t, m.index, m.index + m[0].length) };
    },
  },
  {
    cue: /\d{4}/, re: rx(`${MOD}${YEAR}`),
    build: (m, text) => {
      const end = m.index + m[0].length;
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      const after = text.slice(end, end + 3);
      // Amounts, ranges of numbers, models, percentages and names ("Russell 2000 Index") are not years.
      const later = text.slice(end, end + 12);
      if (/[$£€#\d,.-]\s?$/.test(before) || /^(?:[,.]\d|-[\p{L}\d]|\s?%|\d)/u.test(after)) return null;
      if (/^\s(?:percent|per cent|pc|points?|units?|people|jobs|workers|employees|km|miles|metres|meters|tonnes|tons|barrels|shares)\b/i.test(later)) return null;
      if (m[0] === m[1] && insideName(text, m.index, end)) return null;
      return { kind: 'absolute', year: +m[1] };
    },
  },
  // "since '82": a two-digit year after an apostrophe.
  { cue: /['’]\d\d/, re: rx("(?<=(?:^|[\\s(])(?:[Ii]n|[Ss]ince|[Oo]f|[Uu]ntil|[Bb]y|[Ff]rom)\\s)['’](\\d{2})(?!['’]?s)"), build: (m) => ({ kind: 'absolute', year: fullYear(+m[1]) }) },
];
