// What the words around a date say about it: whether it points forward, and whether a number
// that looks like a year is part of a name ("Russell 2000 Index").
import type { DateExpr } from './expr';
import { FUTURE_CUES, FUTURE_CUES_AFTER } from '../lexicons/calendar';

/** The start of the sentence holding `at`, looking back at most 300 characters (a long list stays linear). */
function sentenceStart(text: string, at: number): number {
  const from = Math.max(0, at - 300);
  const re = /[.!?]["”’)]?\s+(?=["“(]?[\p{Lu}\d])/gu;
  const window = text.slice(from, at);
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(window)) !== null) start = m.index + m[0].length;
  return from + start;
}

/** A verb in the past just before the date ("said Friday", "was signed on Monday"): the date is past. */
const PAST_VERB_BEFORE = /\b(?:said|says|told|announced|reported|confirmed|added|stated|was|were|\w+ed)\s+(?:on\s+|in\s+|late\s+|early\s+)?$/i;
/** "may be signed on", "should be completed in", "to be held on": a verb looking forward. */
const MODAL_VERB_BEFORE = /\b(?:will|shall|'ll|should|may|might|must|could|to)\s+(?:not\s+)?(?:be\s+)?(?!(?:an?|the|this|that|its|their|his|her)\s)\w+\s+(?:on\s+|in\s+|by\s+|for\s+)?$/i;
const FORWARD_VERBS = /\b(?:scheduled|planned|expected|slated|due|set)\s+(?:on\s+|in\s+|for\s+)?$/i;

/** Whether the words around a date make it point forward ("until Friday", "will ... in May", "a June 1 deadline"). */
export function futureContext(text: string, at: number, end = at): boolean {
  const before = text.slice(sentenceStart(text, at), at);
  if (/\b(?:until|till|by|before|next)\s+$/i.test(before)) return true;
  const modal = MODAL_VERB_BEFORE.exec(before);
  if (modal && !/\b(?:was|were)\s+\w+\s+$/i.test(before.slice(0, modal.index))) return true;
  if (PAST_VERB_BEFORE.test(before) && !FORWARD_VERBS.test(before)) return false;
  const cue = FUTURE_CUES.exec(before);
  // "was set to land", "were expected to": a future seen from the past.
  if (cue && !/\b(?:was|were|had been)\s+$/i.test(before.slice(0, cue.index))) return true;
  return FUTURE_CUES_AFTER.test(text.slice(end));
}

export const contextual = (e: DateExpr | null, text: string, at: number, end: number): DateExpr | null =>
  e && e.kind === 'absolute' && e.yearFromContext ? { ...e, future: futureContext(text, at, end) } : e;

const FUNCTION_WORDS = /^(?:In|On|At|By|Since|From|Until|Of|For|The|And|Or|But|During|Before|After|Between|To|Through|Around|About|Late|Early|Mid|Summer|Spring|Autumn|Fall|Winter|Q[1-4]|Fiscal|FY)$/;
/** "Russell 2000 Index", "Vision 2020 Plan": a year between two capitalised words is part of a name. */
export function insideName(text: string, start: number, end: number): boolean {
  const prev = /([\p{Lu}][\p{L}.&-]*)\s+$/u.exec(text.slice(Math.max(0, start - 30), start));
  const next = /^\s+[\p{Lu}][\p{L}]/u.test(text.slice(end, end + 4));
  if (!prev || !next) return false;
  if (FUNCTION_WORDS.test(prev[1]) || /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(prev[1])) return false;
  return true;
}
