// Rules for times of day ("16:08 UTC", "4:30 p.m. today", "10 a.m. Monday", "noon"), with the day they
// fall on when the words name it.
import type { DateExpr } from './expr';
import { WEEKDAYS } from '../lexicons/calendar';
import { futureContext } from './context';
import { absolute, DAY, MON, month, Rule, rxi, WD } from './patterns';

const ZONES = '(UTC|GMT|EST|EDT|CST|CDT|PST|PDT|ET|BST|CET)';
/** "UTC", "(GMT +8)", "local time"; an offset from GMT makes the time local. */
const ZONE = `(?:\\s*\\(${ZONES}(\\s*[+-]\\d{1,2})?\\)|\\s*${ZONES}|\\s+(?:local|(?:Eastern|Central|Mountain|Pacific)(?:\\s+(?:Standard|Daylight))?)\\s+time)?`;
const DAY_WORD = `(?:\\s+(today|yesterday|tomorrow|${WD}))?`;
const RELDAY: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1 };

function dayOf(word: string | undefined, text: string, at: number, end: number): DateExpr | null {
  const w = word?.toLowerCase();
  if (!w) {
    // "16:15 UTC, June 1st": a date right after the time names its day.
    const next = new RegExp(`^,?\\s+(?:on\\s+)?${MON}\\s+${DAY}`, 'u').exec(text.slice(end, end + 24));
    return next ? absolute(undefined, month(next[1]), +next[2]) : null;
  }
  if (w in RELDAY) return { kind: 'relDay', offset: RELDAY[w] };
  return { kind: 'weekday', dow: WEEKDAYS.indexOf(w), modifier: futureContext(text, at, end) ? 'next' : 'none' };
}

function clock(hour: number, minute: number, meridiem: string | undefined): [number, number] | null {
  const ap = meridiem?.toLowerCase();
  if (ap === 'p' && hour < 12) hour += 12;
  if (ap === 'a' && hour === 12) hour = 0;
  return hour > 23 || minute > 59 ? null : [hour, minute];
}
const UTC_ZONES = new Set(['UTC', 'GMT']);

export const TIME_RULES: Rule[] = [
  {
    // "16:08 UTC", "0800 GMT", "12:00 UTC Monday", "4:30 p.m. today", "10 a.m. EST".
    re: rxi(`(\\d{1,2})(?::?(\\d{2}))?(?:\\s*([ap])\\.?m\\b\\.?)?${ZONE}${DAY_WORD}`),
    build: (m, text) => {
      const zone = (m[4] ?? m[6])?.toUpperCase();
      if (!m[3] && !zone) return null;
      if (!m[3] && !m[0].includes(':') && !(m[2] && zone)) return null;
      const t = clock(+m[1], m[2] ? +m[2] : 0, m[3]);
      if (!t) return null;
      const end = m.index + m[0].length;
      return { kind: 'time', hour: t[0], minute: t[1], utc: UTC_ZONES.has(zone ?? '') && !m[5], day: dayOf(m[7], text, m.index, end) };
    },
  },
  { re: rxi(`(noon|midnight)${DAY_WORD}`), build: (m, t) => ({ kind: 'time', hour: m[1].toLowerCase() === 'noon' ? 12 : 24, minute: 0, utc: false, day: dayOf(m[2], t, m.index, m.index + m[0].length) }) },
];
