// "Perth Glory", "Montreal Crystals", "Leeds United", "FC Basel", "Montreal HC": a place named
// with a capitalised word that is neither a place nor a person is a club, band or company named
// after the place, not the place. "Southern California", "Boston Harbor" and "Paris Hilton" stay.
import type { Token } from './tokens';
import { isDemonym, lookupPlace } from './gazetteer';
import { isCommonNoun, isFunctionWord, isGivenName } from './nlp';
import { NON_ENTITY_HEADS, PLACE_STARTS, PLACE_WORDS, STATE_NOUNS, isOrgWord } from './lexicons/names';

/** Words that make a region of a place ("Northern Iraq", "Greater London"), not another name. */
const QUALIFIERS = new Set(
  `north south east west northern southern eastern western central upper lower greater inner outer new old
  metropolitan mainland downtown midtown uptown north-east north-west south-east south-west northeast northwest
  southeast southwest far middle near lesser little great grand province state region republic kingdom
  nazi soviet imperial communist fascist colonial ancient medieval modern occupied free`.split(/\s+/),
);
/** Landmarks and events named after a place: neither the place nor an organisation. */
const NOT_ORG_HEADS = new Set(
  `monument memorial cemetery church mosque temple synagogue basilica abbey gate gates garden gardens beach falls
  heights hills hill springs zoo attack attacks bombing bombings massacre riots riot crisis marathon uprising
  revolution siege battle declaration commune time metro derby open masters grand prix court blvd rd`.split(/\s+/),
);
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region'];
const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];

export function placeNamedOrg(text: string, toks: Token[], tags: Map<number, Set<string>>): boolean {
  if (toks.length < 2 || toks.length > 4) return false;
  const has = (t: Token, names: string[]): boolean => names.some((n) => tags.get(t.start)?.has(n));
  if (toks.some((t) => has(t, PERSON_TAGS) || isGivenName(t.text))) return false;
  // "San Jose-Cisco": two names glued by a hyphen, not one.
  for (let i = 1; i < toks.length; i++) if (text.slice(toks[i - 1].end, toks[i].start) !== ' ') return false;
  // The place is the run's head or its tail, found as a whole in the gazetteer.
  for (const n of [toks.length - 1, 1]) {
    for (const atStart of [true, false]) {
      const place = atStart ? toks.slice(0, n) : toks.slice(toks.length - n);
      const rest = atStart ? toks.slice(n) : toks.slice(0, toks.length - n);
      if (!lookupPlace(text.slice(place[0].start, place[place.length - 1].end)) && !place.every((t) => has(t, PLACE_TAGS))) continue;
      if (!rest.every((t) => other(t) && !has(t, PLACE_TAGS))) continue;
      // "Bayern Munich", "FC Basel": one word before the place ("Cheap Hotel Rome" is a place).
      if (!atStart && rest.length > 1) continue;
      // "UK RAF": a country's code before an acronym names two things.
      if (place.every((t) => t.upper) && rest.some((t) => t.upper)) continue;
      // "London Heathrow", "Paris Orly": an unknown name after a city is more often a part of it;
      // a club's or a paper's name after the place is a common word ("United", "Glory", "Times") or
      // an acronym ("Montreal HC").
      if (atStart && !rest.every((t) => t.upper || isCommonNoun(t.text) || isOrgWord(t.text.toLowerCase()))) continue;
      return true;
    }
  }
  return false;
}

function other(t: Token): boolean {
  const lw = t.text.toLowerCase();
  // "London E5": a postcode or a number is part of an address.
  if (!t.cap || /\d/.test(t.text) || isFunctionWord(t.text) || isDemonym(t.text) || lookupPlace(t.text)) return false;
  // "Leeds United", "Perth Glory", "Paris Match": common words make clubs' and papers' names too.
  return !(QUALIFIERS.has(lw) || PLACE_WORDS.has(lw) || PLACE_STARTS.has(lw) || STATE_NOUNS.has(lw) || NON_ENTITY_HEADS.has(lw) || NOT_ORG_HEADS.has(lw));
}
