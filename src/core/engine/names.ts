// The paragraph pass for names: capitalised runs (with particles and connectors) cut at titles,
// dates and sentence-initial common words, then typed by cue words, the gazetteer, compromise's
// tags and context ("said X", titles). Untyped single words stay tentative for the document pass.
import type { EntityType } from '../model';
import type { Candidate } from './types';
import { Token, tokenize } from './tokens';
import { isCommonNoun, isCommonWord, isFunctionWord, isGivenName, tagTerms } from './nlp';
import { isDemonym, lookupPlace, PlaceEntry } from './gazetteer';
import { afterLocative, coordinatedWithPlace, listedKind, LOCATIVE_CONFIDENCE, sourceCue } from './contextCues';
import { ofKeepsName, PERSON_TAGS, splitAtOf } from './ofNames';
import { placeNamedOrg } from './placeNamedOrg';
import { CONNECTORS, INNER_TITLE_WORDS, KNOWN_ORGS, ORG_DESCRIPTORS, ORG_NOUNS_AFTER, PLACE_DESCRIPTORS, PORTFOLIOS, PLACE_FIRST, NEVER_ALONE, NEVER_NAMES, NON_ENTITY_HEADS, NOT_ENTITIES, ORG_HEADS_OF, ORG_START_WORDS, ORG_WORDS, PARTICLES, isOrgWord, PLACE_STARTS, PLACE_WORDS, SPEECH_VERBS, STATE_NOUNS, TITLES, VENUE_NOUNS } from './lexicons/names';

interface Run {
  tokens: Token[];
  titled: boolean;
  /** Stands right before a title ("Uralsib analyst", "Ryanair CEO"): an employer, not a person. */
  beforeTitle?: boolean;
}

const lc = (t: Token): string => t.text.toLowerCase();
const isTitle = (t: Token): boolean => t.cap && TITLES.has(lc(t));

export function findNames(text: string, dates: Candidate[], useTagger = true): Candidate[] {
  const tokens = tokenize(text);
  if (!tokens.length) return [];
  const tags = useTagger ? tagsByToken(text, tokens) : new Map<number, Set<string>>();
  const inDate = (t: Token): boolean => dates.some((d) => t.start < d.end && d.start < t.end);
  const headline = isHeadline(tokens);
  const runs = collectRuns(text, tokens, inDate, headline, tags);
  const out: Candidate[] = [];
  for (const run of runs) {
    const typed = classify(text, run, tags);
    if (!typed) continue;
    const first = run.tokens[0];
    const last = run.tokens[run.tokens.length - 1];
    out.push({ start: first.start, end: typed.end ?? last.end, type: typed.type, source: typed.source, confidence: typed.confidence });
  }
  return out;
}

/** A line in capitals is a headline: its capitals say nothing about names. */
function isHeadline(tokens: Token[]): boolean {
  const words = tokens.filter((t) => /\p{L}/u.test(t.text));
  return words.length >= 4 && words.filter((t) => t.upper && t.text.length > 1).length / words.length > 0.7;
}

function tagsByToken(text: string, tokens: Token[]): Map<number, Set<string>> {
  const map = new Map<number, Set<string>>();
  const terms = tagTerms(text);
  let j = 0;
  for (const t of tokens) {
    while (j < terms.length && terms[j].end <= t.start) j++;
    if (j < terms.length && terms[j].start < t.end) map.set(t.start, terms[j].tags);
  }
  return map;
}

type Tags = Map<number, Set<string>>;

function collectRuns(text: string, tokens: Token[], inDate: (t: Token) => boolean, headline: boolean, tags: Tags): Run[] {
  const runs: Run[] = [];
  let cur: Token[] = [];
  // A lower-case role between two names ("Brindle analyst Tomasz Wielgus") marks an employer
  // before it and a person after it, just as a capitalised title does.
  let titledNext = false;
  const flush = (beforeTitle = false): void => {
    // Connectors and particles never end a name.
    while (cur.length && !cur[cur.length - 1].cap) cur.pop();
    if (cur.length) {
      const from = runs.length;
      const parts = splitAtOf(cur, tags);
      parts.forEach((part, p) => {
        const before = runs.length;
        splitAtTitles(part, runs, tags);
        // "Andrew Hall of Network Rail": a given name before "of" is a person, whatever its last word.
        const left = runs[runs.length - 1];
        if (p === 0 && parts.length > 1 && runs.length > before && left.tokens.length >= 2 && isGivenName(left.tokens[0].text)) left.titled = true;
        // "Jonathan Brearley of Ofgem told MPs": what a person is "of" is an employer, not a speaker.
        if (p === 1 && runs.length > before && !runs[before].titled) runs[before].beforeTitle = true;
      });
      if (titledNext && runs.length > from) runs[from].titled = true;
      if (beforeTitle && runs.length > from) runs[runs.length - 1].beforeTitle = !runs[runs.length - 1].titled;
      titledNext = false;
    }
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '';
    const joined = cur.length > 0 && /^[ \u00a0]$|^ & $|^-$/.test(gap);
    if (!joined) flush();
    if (inDate(t) || (headline && t.upper && t.text.length > 4 && !lookupPlace(title(t.text)))) {
      flush();
      continue;
    }
    const next = tokens[i + 1];
    const nextJoined = next && /^[ \u00a0]$/.test(text.slice(t.end, next.start));
    if (t.cap && !/^\p{N}+$/u.test(t.text)) {
      cur.push(t);
    } else if (cur.length && lc(t) === 'and' && nextJoined && next.cap && cur.some((x, k) => k > 0 && lc(x) === 'of' && ofKeepsName(cur[k - 1])) && andContinuesName(text, tokens, i + 1)) {
      cur.push(t); // "Federation of Red Cross and Red Crescent Societies"
    } else if (cur.length === 1 && lc(t) === 'and' && nextJoined && next.cap && sharedHead(text, tokens, cur[0], i + 1, tags)) {
      cur.push(t); // "the Social and Economic Council": two qualifiers of one organisation head
    } else if (cur.length && CONNECTORS.has(lc(t)) && nextJoined) {
      cur.push(t);
    } else if (cur.length && lc(t) === 'in' && nextJoined && lc(next) === 'the' && cur.some((_, k) => KNOWN_ORGS.has(cur.slice(k).map((x) => x.text).join(' ')))) {
      cur.push(t); // "al Qaeda in the Arabian Peninsula": an organisation's regional branch
    } else if (!cur.length && PARTICLES.has(lc(t)) && nextJoined && next.cap) {
      cur.push(t); // "al Qaeda", "de Gaulle" starting a name
    } else if (cur.length === 1 && /^\p{N}{1,2}$/u.test(t.text) && !(next && nextJoined && next.cap)) {
      // "France 24", "Channel 4": a small number closing a name is part of it.
      cur.push({ ...t, cap: true });
      flush();
    } else if (!t.cap && TITLES.has(lc(t)) && next && nextJoined && next.cap) {
      flush(true);
      titledNext = true;
    } else {
      flush();
      titledNext = false;
    }
  }
  flush();
  return runs;
}

/**
 * "the Social and Economic Council", "the Food and Drug Administration": after "the", a single
 * capitalised common word, "and", then a capitalised stretch ending in an organisation word is one
 * name. Places and names on the left ("the Vienna and Madrid offices") never are.
 */
function sharedHead(text: string, tokens: Token[], left: Token, from: number, tags: Tags): boolean {
  if (!/\bthe\s+$/i.test(text.slice(Math.max(0, left.start - 4), left.start))) return false;
  if (left.upper || lookupPlace(left.text) || isDemonym(left.text) || KNOWN_ORGS.has(left.text)) return false;
  if (isGivenName(left.text) || PERSON_TAGS.some((x) => tags.get(left.start)?.has(x))) return false;
  return andContinuesName(text, tokens, from);
}

/** After "X of Y and": does a capitalised stretch ending in an organisation word follow? */
function andContinuesName(text: string, tokens: Token[], from: number): boolean {
  let j = from;
  while (j + 1 < tokens.length && tokens[j + 1].cap && /^ $/.test(text.slice(tokens[j].end, tokens[j + 1].start))) j++;
  return tokens[j].cap && isOrgWord(lc(tokens[j]));
}

function title(s: string): string {
  return s.charAt(0) + s.slice(1).toLowerCase();
}

/** "U.S. President Barack Obama" -> "U.S." and a titled "Barack Obama". */
function splitAtTitles(tokens: Token[], runs: Run[], tags: Tags): void {
  const whole = tokens.map((t) => t.text).join(' ');
  const lastLc = lc(tokens[tokens.length - 1]);
  if (KNOWN_ORGS.has(whole) || isOrgWord(lastLc) || PLACE_WORDS.has(lastLc)) {
    runs.push({ tokens: trimLeft(tokens, tags), titled: false });
    return;
  }
  // "Chief Operating Officer": a role ending in a title names nobody.
  const firstWord = tokens.findIndex((t) => !NEVER_NAMES.has(lc(t)));
  if (tokens.length > 1 && firstWord >= 0 && isTitle(tokens[tokens.length - 1]) && isTitle(tokens[firstWord])) return;
  // "Ryanair CEO": the title closing a run is outside the name, which is an employer.
  if (tokens.length > 1 && isTitle(tokens[tokens.length - 1]) && !isTitle(tokens[Math.max(0, firstWord)]) && !isOrgWord(lastLc)) {
    let end = tokens.length;
    while (end > 0 && isTitle(tokens[end - 1])) end--;
    const head = trimLeft(tokens.slice(0, end), tags);
    if (head.length) runs.push({ tokens: head, titled: false, beforeTitle: true });
    return;
  }
  let cut = -1;
  for (let i = 0; i < tokens.length - 1; i++) if (isTitle(tokens[i])) cut = i;
  if (cut < 0) {
    runs.push({ tokens: trimLeft(tokens, tags), titled: false });
    return;
  }
  let before = tokens.slice(0, cut);
  while (before.length && isTitle(before[before.length - 1])) before = before.slice(0, -1);
  const head = trimLeft(before, tags);
  if (head.length) runs.push({ tokens: head, titled: false, beforeTitle: true });
  let after = tokens.slice(cut + 1);
  if (after.length && lc(after[0]) === 'of') {
    // "President of the United States Barack Obama": the place, then the person.
    after = after.slice(1);
    if (after.length && lc(after[0]) === 'the') after = after.slice(1);
    let placeLen = 0;
    for (let n = after.length - 1; n >= 1 && !placeLen; n--) if (lookupPlace(after.slice(0, n).map((t) => t.text).join(' '))) placeLen = n;
    if (placeLen) runs.push({ tokens: after.slice(0, placeLen), titled: false });
    else if (after.length && !PORTFOLIOS.has(lc(after[0]))) {
      // "CEO of Boeing Commercial Airplanes": what follows "of" is the employer, not a person.
      runs.push({ tokens: after, titled: false, beforeTitle: true });
      return;
    }
    after = after.slice(placeLen || 1);
  }
  while (after.length && !after[0].cap) after = after.slice(1);
  if (after.length) runs.push({ tokens: after, titled: true });
}

const FUNCTION_TAGS = ['Preposition', 'Conjunction', 'Adverb', 'Determiner', 'Pronoun', 'QuestionWord', 'Verb', 'Modal', 'Copula'];

/** Leading "The", sentence-initial common words and demonyms are not part of names. */
function trimLeft(tokens: Token[], tags: Tags): Token[] {
  if (!tokens.length) return tokens;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const rest = tokens.slice(i).map((x) => x.text).join(' ');
    if (KNOWN_ORGS.has(rest) || lookupPlace(rest)) break;
    // "Air Canada has ordered": "Air" opening a sentence opens an airline's name.
    if (lc(t) === 'air' && i < tokens.length - 1 && tokens[i + 1].cap) break;
    const tg = tags.get(t.start);
    const personish = tg && (tg.has('FirstName') || tg.has('MaleName') || tg.has('FemaleName'));
    if (NEVER_NAMES.has(lc(t)) && !personish) i++;
    // "Later van der Berg": particles right after a trimmed opener start the name.
    else if (!t.cap && !(PARTICLES.has(lc(t)) && (i === 0 || particlesLeadToName(tokens, i)))) i++;
    else if (!t.cap) break;
    // "Reporters Without Borders": a capitalised preposition next means a title-case name.
    else if (t.cap && i < tokens.length - 1 && innerTitleWord(tokens[i + 1])) break;
    else if (t.sentStart && !personish && i < tokens.length - 1 && isCommonWord(t.text, false)) i++;
    else if (t.sentStart && tg && FUNCTION_TAGS.some((x) => tg.has(x)) && !tg.has('ProperNoun') && !personish) i++;
    else if (isDemonym(t.text) && i < tokens.length - 1 && !personish && !ORG_WORDS.has(lc(tokens[tokens.length - 1]))) i++;
    else break;
  }
  return tokens.slice(i);
}

/** A capitalised preposition inside a name ("Without", "For", "Against"): title case, not a sentence. */
function innerTitleWord(t: Token): boolean {
  return t.cap && !t.upper && !CONNECTORS.has(lc(t)) && INNER_TITLE_WORDS.has(lc(t));
}

/** Lower-case particles from i on, then a capitalised word: "van der Berg", "de Vries". */
function particlesLeadToName(tokens: Token[], i: number): boolean {
  let j = i;
  while (j < tokens.length && !tokens[j].cap && PARTICLES.has(lc(tokens[j]))) j++;
  return j < tokens.length && j > i && j - i <= 3 && tokens[j].cap;
}

interface Typed {
  type: EntityType;
  source: Candidate['source'];
  confidence: number;
  /** A shorter end than the run's ("US" of "US Government"). */
  end?: number;
}

function classify(text: string, run: Run, tags: Map<number, Set<string>>): Typed | null {
  const toks = run.tokens;
  if (!toks.length) return null;
  // Adverbs and verbs closing a run ("Reuters Perhaps" across a missing full stop) are not names.
  while (toks.length > 1 && isFunctionWord(toks[toks.length - 1].text) && !KNOWN_ORGS.has(toks.map((t) => t.text).join(' '))) toks.pop();
  const s = text.slice(toks[0].start, toks[toks.length - 1].end);
  if (!/\p{L}/u.test(s)) return null;
  const words = toks.map(lc);
  const first = words[0];
  const last = words[words.length - 1];
  const single = toks.length === 1;
  if (single && (NEVER_NAMES.has(first) || NEVER_ALONE.has(first) || isDemonym(toks[0].text) || TITLES.has(first))) return null;
  // "MPs", "NGOs", "CEOs": the plural of an acronym is a group of people or things, not a name.
  if (single && /^\p{Lu}{2,}s$/u.test(toks[0].text)) return null;
  if (NOT_ENTITIES.has(s) || NON_ENTITY_HEADS.has(last)) return null;
  const after = text.slice(toks[toks.length - 1].end, toks[toks.length - 1].end + 40);
  if (!single && STATE_NOUNS.has(last)) {
    const country = lookupPlace(toks.slice(0, -1).map((t) => t.text).join(' '));
    if (country) return { type: 'PLACE', source: 'gazetteer', confidence: 0.8, end: toks[toks.length - 2].end };
  }
  if (VENUE_NOUNS.test(after) && !ORG_WORDS.has(last)) return { type: 'PLACE', source: 'rule', confidence: 0.75 };
  // "Lusa news agency", "the Citizens Advice charity": a kind of organisation right after the name.
  if (!run.titled && ORG_NOUNS_AFTER.test(after) && !lookupPlace(s) && toks.every((t) => t.cap) && !(toks[0].sentStart && isCommonWord(toks[0].text, true))) return { type: 'ORG', source: 'rule', confidence: 0.7 };
  // "Airbus A330-200", "Boeing 787": a maker's name inside a product name is not annotated.
  if (toks.slice(1).some((t) => /^\p{Lu}{0,3}-?\d[\p{L}\d-]*$/u.test(t.text) && (/\d{3}/.test(t.text) || /\p{L}.*\d{2}|\d{2}.*\p{L}/u.test(t.text)))) return null;
  if (/^\p{N}+$/u.test(toks[toks.length - 1].text) && !single) {
    // "France 24": a name and a number make a broadcaster or outlet, not a place.
    const base = toks.slice(0, -1).map((t) => t.text).join(' ');
    if (KNOWN_ORGS.has(base) || lookupPlace(base)) return { type: 'ORG', source: 'rule', confidence: 0.7 };
    return null;
  }
  if (blockedAfter(text, toks[toks.length - 1].end)) return null;
  if (KNOWN_ORGS.has(s)) return { type: 'ORG', source: 'rule', confidence: 0.9 };
  // "Air Portugal", "TAP Air Portugal": "Air" inside a name makes an airline, not the country.
  if (!single && words.slice(0, -1).includes('air') && !PLACE_WORDS.has(last) && toks.every((t) => t.cap)) return { type: 'ORG', source: 'rule', confidence: 0.75 };
  // "al Qaeda in the Arabian Peninsula": a known organisation's branch is that kind of name.
  for (let i = 1; i < toks.length - 2; i++) {
    if (words[i] === 'in' && KNOWN_ORGS.has(toks.slice(0, i).map((t) => t.text).join(' '))) return { type: 'ORG', source: 'rule', confidence: 0.8 };
  }
  if (!ORG_WORDS.has(last) && toks.every((t) => isDemonym(t.text) || NEVER_NAMES.has(lc(t)) || NEVER_ALONE.has(lc(t)))) return null;
  // "Apple Computer", "GM Europe": a known organisation heading a longer name is that organisation.
  if (!single && KNOWN_ORGS.has(toks[0].text) && !lookupPlace(s) && toks.every((t) => t.cap)) {
    // ... unless the rest is a model name ("Ford Taurus", "Apple Macintosh"): a product.
    const rest = toks.slice(1).map((t) => t.text).join(' ');
    const orgish = lookupPlace(rest) || isOrgWord(last) || isCommonNoun(toks[toks.length - 1].text);
    return orgish ? { type: 'ORG', source: 'rule', confidence: 0.75 } : null;
  }
  if (!single && isDemonym(toks[0].text) && STATE_NOUNS.has(last)) return null;
  const place = lookupPlace(s);
  // "Obama said", "Campbell scored": a town small enough to share its name with a family, named
  // alone where nothing says "place", is the person compromise's lexicon knows by that surname.
  if (place && !run.titled && single && surnameTown(place, tags.get(toks[0].start)) && !placeCue(text, toks[0])) return { type: 'PERSON', source: 'rule', confidence: 0.6 };
  if (place && !run.titled) return { type: 'PLACE', source: 'gazetteer', confidence: 0.85 };
  if (run.titled && !ORG_WORDS.has(last)) return { type: 'PERSON', source: 'rule', confidence: 0.85 };
  // "engine maker Europrop", "the port city Antwerp": a descriptor says what the name is.
  const descriptor = /(\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, toks[0].start - 20), toks[0].start))?.[1];
  if (descriptor && ORG_DESCRIPTORS.has(descriptor) && !place) return { type: 'ORG', source: 'rule', confidence: 0.7 };
  if (descriptor && PLACE_DESCRIPTORS.has(descriptor)) return { type: 'PLACE', source: 'rule', confidence: 0.7 };
  // "shipping lines including Maersk", "towns such as Szentendre": a plural descriptor heading a list.
  const kind = listedKind(text, toks[0].start);
  if (kind === 'ORG' && !place) return { type: 'ORG', source: 'rule', confidence: 0.65 };
  if (kind === 'PLACE') return { type: 'PLACE', source: 'rule', confidence: 0.65 };
  if (PLACE_FIRST.has(first) && !single) return { type: 'PLACE', source: 'rule', confidence: 0.75 };
  const firstNamed = tags.get(toks[0].start);
  if (toks.length === 2 && firstNamed && (firstNamed.has('MaleName') || firstNamed.has('FemaleName') || firstNamed.has('FirstName')) && saidCue(text, toks)) {
    return { type: 'PERSON', source: 'rule', confidence: 0.75 };
  }
  if (!single && isOrgWord(last)) return { type: 'ORG', source: 'rule', confidence: 0.8 };
  // "Doctors Without Borders", "Teach For Tomorrow": a title-case preposition inside a name marks an organisation.
  if (toks.length >= 3 && toks.slice(1, -1).some(innerTitleWord) && !place) return { type: 'ORG', source: 'rule', confidence: 0.6 };
  if (run.titled) return { type: 'PERSON', source: 'rule', confidence: 0.85 };
  if (!single && words[1] === 'of' && ORG_HEADS_OF.has(first)) return { type: 'ORG', source: 'rule', confidence: 0.8 };
  if (!single && (PLACE_WORDS.has(last) || (PLACE_STARTS.has(first) && toks.length >= 2))) return { type: 'PLACE', source: 'rule', confidence: 0.75 };
  if (toks.length >= 3 && ORG_START_WORDS.has(first)) return { type: 'ORG', source: 'rule', confidence: 0.7 };
  // "Finance Minister": a portfolio, not an employer.
  if (run.beforeTitle) return single && isCommonNoun(toks[0].text) ? null : { type: 'ORG', source: 'rule', confidence: 0.6 };
  if (words.some((w, i) => i < words.length - 1 && PARTICLES.has(w.split('-')[0]) && /^(al|el|bin|ibn|abu|abou)$/.test(w.split('-')[0]))) return { type: 'PERSON', source: 'rule', confidence: 0.75 };
  if (/^(?:al|el)-/.test(toks[toks.length - 1].text) && !single) return { type: 'PERSON', source: 'rule', confidence: 0.75 };
  if (single && toks[0].sentStart && !run.titled) {
    // Capitalised only because it opens a sentence: the document pass must confirm it.
    return { type: 'PERSON', source: 'ner', confidence: 0.2 };
  }
  const tagCount = (names: string[]): number => toks.filter((t) => names.some((n) => tags.get(t.start)?.has(n))).length;
  const person = tagCount(['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName']);
  const placeTags = tagCount(['Place', 'Country', 'City', 'Region']);
  // compromise guesses Organization for any possessive proper noun ("Kouachi's"): not evidence.
  const org = toks.filter((t) => tags.get(t.start)?.has('Organization') && !tags.get(t.start)?.has('Possessive')).length;
  if (saidCue(text, toks) && !(single && toks[0].upper) && toks.length <= 3 && !toks.some((t) => isFunctionWord(t.text))) return { type: 'PERSON', source: 'rule', confidence: 0.75 };
  if (org === toks.length || (org > 0 && !single && org >= person && org >= placeTags && person === 0 && toks.length > 2)) return { type: 'ORG', source: 'ner', confidence: 0.6 };
  if (placeTags > 0 && person === 0 && !single && placeNamedOrg(text, toks, tags)) return { type: 'ORG', source: 'rule', confidence: 0.62 };
  if (placeTags > 0 && placeTags > person) return { type: 'PLACE', source: 'ner', confidence: 0.6 };
  if (person > 0 && !single) return { type: 'PERSON', source: 'ner', confidence: 0.7 };
  if (single && toks[0].upper && /^\p{Lu}[\p{Lu}.&]{1,6}$/u.test(s)) {
    // Unknown acronyms are often things (chemicals, formats): only "the ABC" is trusted at once.
    const the = /\bthe\s+$/i.test(text.slice(Math.max(0, toks[0].start - 5), toks[0].start));
    if (sourceCue(text, toks[0].start, toks[0].end)) return { type: 'ORG', source: 'rule', confidence: 0.7 };
    return { type: 'ORG', source: 'ner', confidence: the ? 0.5 : 0.3 };
  }
  // Capitalised words that are not names in compromise's lexicon ("App Store") are not a person.
  if (!single && toks.length <= 3 && toks.every((t) => t.cap && !t.upper && !isFunctionWord(t.text)) && !isCommonNoun(toks[toks.length - 1].text)) {
    return { type: 'PERSON', source: 'ner', confidence: 0.55 };
  }
  if (single && person > 0 && !toks[0].sentStart) return { type: 'PERSON', source: 'ner', confidence: 0.4 };
  // "crews in Szentendre": an unknown word after a locative preposition is a place, unless the
  // document names a person so (the document pass turns name parts back into that person).
  if (single && !toks[0].sentStart && afterLocative(text, toks[0].start, toks[0].end) && !isCommonWord(toks[0].text, true)) {
    return { type: 'PLACE', source: 'rule', confidence: LOCATIVE_CONFIDENCE };
  }
  // "Setúbal and Sines": an unknown word coordinated with a known place is a place too.
  if (single && !toks[0].sentStart && coordinatedWithPlace(text, toks[0]) && !isCommonWord(toks[0].text, true)) {
    return { type: 'PLACE', source: 'rule', confidence: LOCATIVE_CONFIDENCE };
  }
  // Unknown single capitalised word: the document pass decides (surname of someone? a place?).
  if (single && !toks[0].sentStart) return { type: 'PERSON', source: 'ner', confidence: 0.2 };
  return null;
}

const SURNAME_TAGS = ['LastName', 'Person', 'MaleName', 'FemaleName'];
/** A town (not a country, region or large city) whose name compromise also knows as a person's. */
function surnameTown(place: PlaceEntry, tags: Set<string> | undefined): boolean {
  return place.geo.kind === 'city' && (place.geo.population ?? 0) < 150_000 && !!tags && SURNAME_TAGS.some((t) => tags.has(t)) && !tags.has('City') && !tags.has('Country') && !tags.has('Region');
}

/** "in Clinton", "Clinton, Maryland", "Everett, Washington", "Clinton and Bowie", "Clinton-based", "Clinton County": a place reading. */
function placeCue(text: string, t: Token): boolean {
  const before = text.slice(Math.max(0, t.start - 14), t.start);
  const after = text.slice(t.end, t.end + 30);
  if (/\b(?:in|at|near|from|to|outside|around|of|into|through|across|towards?)\s+$/i.test(before)) return true;
  if (/^,\s+\p{Lu}[\p{L}.]+/u.test(after) && lookupPlace(/^,\s+(\p{Lu}[\p{L}.]+(?:\s\p{Lu}\p{L}+)?)/u.exec(after)?.[1] ?? '')) return true;
  const placeBefore = /(\p{Lu}[\p{L}.]+),\s+$/u.exec(before)?.[1];
  if (placeBefore && lookupPlace(placeBefore)) return true;
  if (/^-(?:based|area)\b|^\s+(?:County|Township|city|town|area|district|residents?)\b/.test(after)) return true;
  return afterLocative(text, t.start, t.end) || coordinatedWithPlace(text, t);
}

/** "said Jane Doe", "Jane Doe said", "Jane Doe, a spokesman". */
function saidCue(text: string, toks: Token[]): boolean {
  const before = text.slice(Math.max(0, toks[0].start - 12), toks[0].start).toLowerCase();
  const after = text.slice(toks[toks.length - 1].end, toks[toks.length - 1].end + 30).toLowerCase();
  const beforeWord = /(\p{L}+)[\s,]*$/u.exec(before)?.[1];
  const afterWord = /^[\s,]*(\p{L}+)/u.exec(after)?.[1];
  if (beforeWord && SPEECH_VERBS.has(beforeWord) && beforeWord !== 'according') return true;
  if (afterWord && SPEECH_VERBS.has(afterWord) && afterWord !== 'according') return true;
  return /^,\s+(?:a|an|the)\s+(?:\p{L}+\s+){0,3}?(?:spokes\p{L}*|official|minister|director|leader|member|resident|lawyer|analyst|professor|expert|chief|head|executive|founder)\b/u.test(after);
}

/** "US$40", "Boeing 737s": what follows shows the name is a currency prefix or a product maker. */
export function blockedAfter(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  return /^[$£€¥]/.test(after) || /^ dollars?\b/i.test(after) || (/^ (?:\p{Lu}{0,2}\d{2,}[\p{L}\d-]*)(?![\p{L}])/u.test(after) && !/^ \d{4}\b/.test(after));
}
