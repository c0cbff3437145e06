// TIMEX3's vague references to the present, past and future: "now", "currently", "recently", "the past",
// "the future", "the coming weeks", "for the time being". Their values are PRESENT_REF, PAST_REF and FUTURE_REF.
import type { DateExpr } from './expr';
import { count, NUM, Rule, rx, rxi, unitOf } from './patterns';

const ref = (value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF'): DateExpr => ({ kind: 'fixed', value });

function fromNow(n: number, unit: 'day' | 'week' | 'month' | 'year'): DateExpr {
  return unit === 'day' ? { kind: 'relDay', offset: n } : { kind: 'relUnit', unit, offset: n };
}

/** A capitalised word in mid-sentence, just before: "Apocalypse Now" is a title, not the present. */
function afterName(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 30), at);
  return /[\p{Lu}][\p{L}]*\s+$/u.test(before) && !/(?:^|[.!?:;"“(]\s*)[\p{Lu}][\p{L}]*\s+$/u.test(before);
}
/** Capitalised only at the start of a sentence; a capital mid-sentence is part of a name or a title. */
const startsSentence = (text: string, at: number): boolean => /(?:^|[.!?:;"“(\n]\s*)$/.test(text.slice(Math.max(0, at - 3), at));
const sentenceCase = (m: RegExpExecArray, text: string): boolean => !/^\p{Lu}/u.test(m[0]) || startsSentence(text, m.index);

/** A unit or a count after "the past": "the past three years" and "the past week" are other rules' business. */
const PERIOD_AFTER = /^\s+(?:\d|few|several|many|some|couple|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|hundred|decades?|years?|months?|weeks?|days?|hours?|minutes?|quarters?|centur|weekends?|season|half|generation|week)/i;

export const REFERENCE_RULES: Rule[] = [
  {
    // "now", "right now", "until now"; never "now-defunct" or the NOW acronym.
    re: rx('(?:[Rr]ight\\s+)?[Nn]ow(?![-‐])'),
    build: (m, t) => (sentenceCase(m, t) && !afterName(t, m.index) ? ref('PRESENT_REF') : null),
  },
  { re: rx('[Cc]urrently|[Nn]owadays|[Tt]hese\\s+days|[Tt]he\\s+time\\s+being'), build: (m, t) => (sentenceCase(m, t) ? ref('PRESENT_REF') : null) },
  { re: rx('(?:(?:[Mm]ore|[Mm]ost|[Uu]ntil|[Oo]nly|[Vv]ery)\\s+)?[Rr]ecently|[Ll]ately'), build: (m, t) => (sentenceCase(m, t) ? ref('PAST_REF') : null) },
  {
    // "in the past", "the recent past"; "the past three years" is a period, left to the duration rules.
    re: rx('[Tt]he\\s+(?:(?:recent|distant|not\\s+too\\s+distant)\\s+)?past(?![-‐])'),
    build: (m, t) => (PERIOD_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 14)) ? null : ref('PAST_REF')),
  },
  { re: rx('[Tt]he\\s+(?:(?:near|immediate|foreseeable|distant|not\\s+too\\s+distant)\\s+)?future(?![-‐])'), build: (m, t) => (/^\s+(?:of|for)\b/.test(t.slice(m.index + m[0].length)) && !/near|immediate|foreseeable/i.test(m[0]) ? null : ref('FUTURE_REF')) },
  // "in the coming weeks", "over the coming months", "in coming days": a vague future.
  { re: rx('(?:[Tt]he\\s+)?coming\\s+(?:days|weeks|months|years)'), build: () => ref('FUTURE_REF') },
  // "two weeks from now", "a year from today": counted forward from the document date.
  { cue: /\bfrom\s+(?:now|today)/i, re: rxi(`${NUM}\\s+(days?|weeks?|months?|years?)\\s+from\\s+(?:now|today)`), build: (m) => fromNow(count(m[1]) ?? 1, unitOf(m[2])) },
  // "in the near term", "over the long term": the future, after a preposition only ("long-term debt" is not a date).
  { cue: /term/, re: rx('(?<=\\b(?:[Ii]n|[Ff]or|[Oo]ver)\\s)the\\s+(?:near|short|long|longer|medium)\\s+term'), build: () => ref('FUTURE_REF') },
  // "the day before yesterday", "the day after tomorrow".
  { re: rx('[Tt]he\\s+day\\s+(before\\s+yesterday|after\\s+tomorrow)'), build: (m) => ({ kind: 'relDay', offset: /^before/.test(m[1]) ? -2 : 2 }) },
];
