// Holidays as dates: "Christmas", "New Year's Eve", "Thanksgiving", "Easter Sunday", "Labor Day 2009".
// TIMEX3 gives them the calendar day; the year is written, or the nearest one around the document date.
import type { DateExpr } from './expr';
import { futureContext } from './context';
import { pad } from './calendar';
import { fullYear, Rule, rx, YEAR } from './patterns';

type DayOf = (year: number) => [number, number];

/** The n-th (1-based; -1 = last) weekday `dow` (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, dow: number, n: number): [number, number] {
  if (n < 0) {
    const last = new Date(Date.UTC(year, month, 0));
    return [month, last.getUTCDate() - ((last.getUTCDay() - dow + 7) % 7)];
  }
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return [month, 1 + ((dow - first + 7) % 7) + 7 * (n - 1)];
}

/** Gregorian Easter Sunday (the anonymous algorithm in Meeus' form). */
function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return [month, ((h + l - 7 * m + 114) % 31) + 1];
}

function shift([month, day]: [number, number], year: number, days: number): [number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return [d.getUTCMonth() + 1, d.getUTCDate()];
}

const fixed = (month: number, day: number): DayOf => () => [month, day];
/** Each holiday by the lower-cased words that name it (apostrophes dropped). */
const HOLIDAYS: Record<string, DayOf> = {
  'christmas': fixed(12, 25), 'christmas day': fixed(12, 25), 'christmas eve': fixed(12, 24), 'boxing day': fixed(12, 26),
  'new years day': fixed(1, 1), 'new years eve': fixed(12, 31), 'valentines day': fixed(2, 14), 'st. patricks day': fixed(3, 17),
  'st patricks day': fixed(3, 17), 'halloween': fixed(10, 31), 'independence day': fixed(7, 4), 'bastille day': fixed(7, 14),
  'veterans day': fixed(11, 11), 'armistice day': fixed(11, 11), 'remembrance day': fixed(11, 11), 'may day': fixed(5, 1),
  'thanksgiving': (y) => nthWeekday(y, 11, 4, 4), 'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  'black friday': (y) => shift(nthWeekday(y, 11, 4, 4), y, 1), 'cyber monday': (y) => shift(nthWeekday(y, 11, 4, 4), y, 4),
  'labor day': (y) => nthWeekday(y, 9, 1, 1), 'memorial day': (y) => nthWeekday(y, 5, 1, -1), 'columbus day': (y) => nthWeekday(y, 10, 1, 2),
  'martin luther king day': (y) => nthWeekday(y, 1, 1, 3), 'presidents day': (y) => nthWeekday(y, 2, 1, 3),
  'mothers day': (y) => nthWeekday(y, 5, 0, 2), 'fathers day': (y) => nthWeekday(y, 6, 0, 3),
  'election day': (y) => shift(nthWeekday(y, 11, 1, 1), y, 1),
  'easter': easter, 'easter sunday': easter, 'easter day': easter, 'easter monday': (y) => shift(easter(y), y, 1),
  'good friday': (y) => shift(easter(y), y, -2), 'maundy thursday': (y) => shift(easter(y), y, -3), 'palm sunday': (y) => shift(easter(y), y, -7),
  'ash wednesday': (y) => shift(easter(y), y, -46), 'shrove tuesday': (y) => shift(easter(y), y, -47), 'pentecost': (y) => shift(easter(y), y, 49),
};

const APOS = "['’]?";
const NAMES =
  `(Christmas(?:\\s+(?:Day|Eve))?|Boxing\\s+Day|New\\s+Year${APOS}s(?:\\s+(?:Day|Eve))|Valentine${APOS}s\\s+Day|St\\.?\\s+Patrick${APOS}s\\s+Day|Halloween|Independence\\s+Day|Bastille\\s+Day|` +
  `Veterans${APOS}\\s+Day|Armistice\\s+Day|Remembrance\\s+Day|May\\s+Day|Thanksgiving(?:\\s+Day)?|Black\\s+Friday|Cyber\\s+Monday|Labou?r\\s+Day|Memorial\\s+Day|Columbus\\s+Day|` +
  `Martin\\s+Luther\\s+King(?:\\s+Jr\\.?)?${APOS}s?\\s+Day|Presidents${APOS}\\s+Day|Mother${APOS}s\\s+Day|Father${APOS}s\\s+Day|Election\\s+Day|Easter(?:\\s+(?:Sunday|Day|Monday))?|Good\\s+Friday|Maundy\\s+Thursday|Palm\\s+Sunday|Ash\\s+Wednesday|Shrove\\s+Tuesday|Pentecost)`;

const key = (words: string): string => words.toLowerCase().replace(/['’]/g, '').replace(/\s+/g, ' ').replace('labour', 'labor').replace(/ jr\.?s?/, '').replace(/kings day$/, 'king day');

/** "Christmas sales", "the Easter holidays", "Christmas Island": the holiday names a season or a place, not the day. */
const NOT_THE_DAY = /^\s+(?:[\p{Lu}][\p{L}]|(?:(?:and|or|&)\s+(?:[\p{Lu}][\p{L}'’]*\s+){1,3})?(?:season|sales|shopping|period|holidays?|break|rush|trading|weekend|tree|cards?|party|parties|market|presents?|gifts?|lights|spirit|bonus|message|address|speech|special|edition|parade|dinner|lunch)\b)/u;

export const HOLIDAY_RULES: Rule[] = [
  {
    re: rx(`${NAMES}(?:,?\\s+${YEAR}|\\s+['’](\\d{2}))?`),
    build: (m, text) => {
      const end = m.index + m[0].length;
      const year = m[2] ? +m[2] : m[3] ? fullYear(+m[3]) : undefined;
      if (year === undefined && NOT_THE_DAY.test(text.slice(end, end + 40))) return null;
      const name = key(m[1]);
      if (!HOLIDAYS[name]) return null;
      return { kind: 'holiday', name, year, future: futureContext(text, m.index, end) };
    },
  },
];

/** The month and day of a holiday in a year, or null for a name this table does not know. */
export function holidayDate(name: string, year: number): string | null {
  const at = HOLIDAYS[name];
  if (!at) return null;
  const [month, day] = at(year);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export type HolidayExpr = Extract<DateExpr, { kind: 'holiday' }>;
