// "X of Y": one name ("Bank of America", "Museum of Modern Art") or a person and what they are
// "of" ("Amina Diallo of the World Meteorological Organization"). Decided on the run's words and
// compromise's tags; the document pass splits the rest once it knows the document's people.
import type { Token } from './tokens';
import { isCommonNoun, isCommonWord, isGivenName } from './nlp';
import { lookupPlace } from './gazetteer';
import { CONNECTORS, KNOWN_ORGS, NEVER_NAMES, ORG_HEADS_OF, ORG_WORDS, PLACE_WORDS, TITLES, isOrgWord } from './lexicons/names';

type Tags = Map<number, Set<string>>;
const lc = (t: Token): string => t.text.toLowerCase();

/** Heads that keep "X of Y" one name ("Bank of America", "City of Paris", "Isle of Man"). */
export const OF_HEADS = new Set(['city', 'isle', 'republic', 'kingdom', 'state', 'states', 'province', 'duchy', 'university', 'house', 'people', 'sea', 'gulf', 'bay', 'cape', 'port', 'county', 'district', 'principality', 'emirate', 'sultanate', 'federation']);

/** The word before "of" makes "X of Y" one name ("Bank of America", "Federation of ..."). */
export function ofKeepsName(before: Token): boolean {
  const head = lc(before);
  return OF_HEADS.has(head) || ORG_HEADS_OF.has(head) || ORG_WORDS.has(head) || PLACE_WORDS.has(head) || TITLES.has(head) || before.upper;
}

export const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];

/**
 * Does the part before "of" look like a person? Only then is "X of Y" two names ("Amina Diallo
 * of the World Health Organization"); "Friends of the Earth" and "Museum of Modern Art" are one.
 */
function personBeforeOf(left: Token[], tags: Tags): boolean {
  let i = 0;
  while (i < left.length - 1 && NEVER_NAMES.has(lc(left[i]))) i++;
  const name = left.slice(i);
  if (name.some((t) => PERSON_TAGS.some((x) => tags.get(t.start)?.has(x)))) return true;
  if (name.length < 2 || name.length > 4) return false;
  if (isGivenName(name[0].text)) return true;
  // Unknown capitalised words that are neither common nouns nor cue words: a foreign name.
  return name.every((t) => t.cap && !isCommonNoun(t.text) && !isCommonWord(t.text, true) && !isOrgWord(lc(t)) && !PLACE_WORDS.has(lc(t)));
}

/** "Customers of Belgian Gas": a name complete in itself after "of" is not the tail of a longer one. */
function standaloneName(right: Token[]): boolean {
  const name = right.filter((t, i) => i > 0 || lc(t) !== 'the');
  if (!name.length || !name.every((t) => t.cap || CONNECTORS.has(lc(t)))) return false;
  const s = name.map((t) => t.text).join(' ');
  return KNOWN_ORGS.has(s) || !!lookupPlace(s) || (name.length > 1 && isOrgWord(lc(name[name.length - 1])));
}

/** "Amina Diallo of the World Health Organization" is two names, "Bank of America" one. */
export function splitAtOf(tokens: Token[], tags: Tags): Token[][] {
  const k = tokens.findIndex((t, i) => i > 0 && lc(t) === 'of');
  if (k < 0) return [tokens];
  const left = tokens.slice(0, k);
  // "Andrew Hall of Network Rail": a given name outweighs a head word that could keep "X of Y".
  const givenName = left.length >= 2 && left.length <= 4 && isGivenName(left[0].text) && !OF_HEADS.has(lc(left[k - 1])) && !ORG_HEADS_OF.has(lc(left[k - 1]));
  if (!givenName && (ofKeepsName(tokens[k - 1]) || !(personBeforeOf(left, tags) || standaloneName(tokens.slice(k + 1))))) return [tokens];
  let right = tokens.slice(k + 1);
  while (right.length && !right[0].cap) right = right.slice(1);
  return right.length ? [tokens.slice(0, k), right] : [tokens.slice(0, k)];
}
