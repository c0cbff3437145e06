// Context cues for single unknown words: what surrounds "Szentendre" in "crews in Szentendre on
// Saturday", "Setúbal and Sines" or "shipping lines including Maersk" says what it is.
import type { EntityType } from '../model';
import type { Token } from './tokens';
import { lookupPlace } from './gazetteer';
import { isFunctionWord } from './nlp';
import { ORG_DESCRIPTORS, PLACE_DESCRIPTORS } from './lexicons/names';

/** The confidence of a place known only from its context: a person's name part outranks it. */
export const LOCATIVE_CONFIDENCE = 0.45;

const LOCATIVE = /\b(?:in|near|outside|around)\s+$/;
/** "shares in Centrica", "a stake in Brindle": "in" after these names a company, not a place. */
const HOLDING_IN = /\b(?:shares?|stakes?|holdings?|invest(?:ed|ing|ment|ments|s)?|interests?)\s+in\s+$/i;
const CLAUSE_WORDS = /^(?:and|or|but|on|at|by|for|with|from|to|after|before|since|until|where|when|while|which|who|that|is|was|were|are|has|had|have)$/;

/**
 * "in Szentendre on Saturday", "near Szentendre.": a locative preposition before the word and
 * nothing after it that makes it a modifier ("in Sorbonne classes"), a possessor or an -ism.
 */
export function afterLocative(text: string, start: number, end: number): boolean {
  if (!LOCATIVE.test(text.slice(Math.max(0, start - 8), start)) || HOLDING_IN.test(text.slice(Math.max(0, start - 16), start))) return false;
  if (/(?:ism|ity)$/i.test(text.slice(start, end))) return false;
  const after = text.slice(end, end + 24);
  if (/^['’]/.test(after)) return false;
  const word = /^\s+(\p{Ll}+)/u.exec(after)?.[1];
  return !word || isFunctionWord(word) || CLAUSE_WORDS.test(word);
}

/**
 * Is the word joined by "and" or "or" to a lone place name the gazetteer knows ("Setúbal and
 * Sines", "Sines or Faro")? A place word inside a longer name ("Lockheed Martin") does not count.
 */
export function coordinatedWithPlace(text: string, t: Token): boolean {
  const before = /(?:^|[,;:(]\s*|(?:^|\s)\p{Ll}+\s+)(\p{Lu}[\p{L}\p{M}'’-]+)\s+(?:and|or)\s+$/u.exec(text.slice(Math.max(0, t.start - 60), t.start));
  const after = /^\s+(?:and|or)\s+(\p{Lu}[\p{L}\p{M}'’-]+)(?![\p{L}\p{M}'’-]|\s+\p{Lu})/u.exec(text.slice(t.end, t.end + 40));
  const lone = (w: string | undefined): boolean => !!w && ['city', 'country'].includes(lookupPlace(w)?.geo.kind ?? '');
  return lone(before?.[1]) || lone(after?.[1]);
}

const LISTED_NAME = `[\\p{Lu}][\\p{L}'’-]*(?:\\s[\\p{Lu}][\\p{L}'’-]*){0,3}`;
/** "lenders such as A, B and ": a plural, the list word, then any earlier names of the list. */
const LISTED = new RegExp(`\\b(\\p{L}+)s,?\\s+(?:including|such as|like)\\s+(?:${LISTED_NAME},\\s)*(?:${LISTED_NAME},?\\s(?:and|or)\\s)?$`, 'u');

/** The type a plural descriptor gives to the names it lists ("lenders such as", "cities including"). */
export function listedKind(text: string, start: number): EntityType | null {
  const m = LISTED.exec(text.slice(Math.max(0, start - 80), start));
  if (!m) return null;
  const stem = m[1].toLowerCase();
  for (const singular of [stem, stem.replace(/ie$/, 'y'), stem.replace(/e$/, '')]) {
    if (ORG_DESCRIPTORS.has(singular)) return 'ORG';
    if (PLACE_DESCRIPTORS.has(singular)) return 'PLACE';
  }
  return null;
}

const SOURCE_AFTER = /^\s+(?:said|says|reported|reports|announced|announces|told|quoted|confirmed|estimated)\b/;
const SOURCE_BEFORE = /\b(?:according to|told|reported by|quoted by|a spokes(?:man|woman|person) for|an? (?:official|analyst|economist) (?:at|with|for))\s+(?:the\s+)?$/i;

/**
 * "…, CNBC reported.", "according to the ABC": an acronym that reports, says or is quoted
 * is an organisation (an outlet, an agency, a company), not a chemical or a file format.
 */
export function sourceCue(text: string, start: number, end: number): boolean {
  return SOURCE_AFTER.test(text.slice(end, end + 16)) || SOURCE_BEFORE.test(text.slice(Math.max(0, start - 48), start));
}
