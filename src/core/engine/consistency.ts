// Document-level consistency over the paragraph results: one type per surface form, acronyms
// linked to their expansions, and every confident name (or a person's first/last name) found
// again wherever else it occurs in the document.
import type { EntityType } from '../model';
import type { Candidate } from './types';
import { lookupPlace } from './gazetteer';
import { blockedAfter } from './names';
import { LOCATIVE_CONFIDENCE } from './contextCues';
import { isCommonWord } from './nlp';
import { scanWordStarts, type WordStarts } from './wordIndex';
import { NEVER_ALONE, NEVER_NAMES, ORG_START_WORDS, PARTICLES, TITLES } from './lexicons/names';

/** A candidate placed in the document, with the alias link the grouping step will honour. */
export interface DocCandidate extends Candidate {
  text: string;
  /** Start offset of the mention whose entity this one belongs to (acronym, surname). */
  linkTo?: number;
}

const CONFIDENT = 0.4;
const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'le', 'les', 'du', 'des', 'in', 'on', 'et', 'al', 'el', '&']);

export function initials(name: string, withFunctionWords: boolean): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && (withFunctionWords || !FUNCTION_WORDS.has(w.toLowerCase())))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

export function isAcronymOf(acronym: string, name: string): boolean {
  const a = acronym.replace(/[.&-]/g, '').toUpperCase();
  if (a.length < 2 || !name.includes(' ')) return false;
  return a === initials(name, false) || a === initials(name, true);
}

/** `words` finds where words start (the paragraphs' cached word lists); by default a scan of the text. */
export function applyConsistency(text: string, cands: DocCandidate[], words?: WordStarts): DocCandidate[] {
  unifyTypes(cands);
  linkAcronyms(text, cands);
  const added = propagate(text, cands, words);
  fullNameIndex = null;
  // Unknown single words with no support anywhere in the document are dropped.
  return cands.concat(added).filter((c) => c.confidence >= CONFIDENT || c.linkTo !== undefined || c.type === 'DATE');
}

/** The same surface form gets one type in a document: the best-supported one. */
function unifyTypes(cands: DocCandidate[]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const c of cands) {
    if (c.type === 'DATE' || c.confidence < CONFIDENT) continue;
    const v = votes.get(c.text) ?? new Map<EntityType, number>();
    v.set(c.type, (v.get(c.type) ?? 0) + c.confidence);
    votes.set(c.text, v);
  }
  // The votes are final before any type changes: the winner per form is chosen once.
  const winner = new Map<string, EntityType>();
  for (const c of cands) {
    const v = votes.get(c.text);
    if (!v || c.type === 'DATE' || c.source === 'lexicon') continue;
    let best = winner.get(c.text);
    if (best === undefined) winner.set(c.text, (best = [...v].sort((a, b) => b[1] - a[1])[0][0]));
    if (best !== c.type) c.type = best;
    if (c.confidence < CONFIDENT) c.confidence = CONFIDENT;
  }
}

const ACRONYM_AFTER = /^\s*(?:\(|,\s*)(?:(?:also |better |commonly )?known as |or |aka |a\.k\.a\. |formerly )?(?:the )?(\p{Lu}[\p{Lu}\p{Ll}.&-]{1,12})(?:\)|,)/u;

function linkAcronyms(text: string, cands: DocCandidate[]): void {
  const byStart = new Map(cands.map((c) => [c.start, c]));
  // Sorted spans let an overlap check be a binary search, not a scan of every candidate.
  const spans = cands.map((c) => [c.start, c.end] as [number, number]).sort((a, b) => a[0] - b[0]);
  const overlapsAny = (s: number, e: number): boolean => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][0] < e) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 50; i--) if (spans[i][1] > s) return true;
    return false;
  };
  const expansions: DocCandidate[] = [];
  for (const c of cands) {
    if (c.type === 'DATE' || !c.text.includes(' ')) continue;
    // Cheap pre-check: an acronym definition starts with "(" or "," right after the name.
    const next = text.slice(c.end, c.end + 3).trimStart()[0];
    if (next !== '(' && next !== ',') continue;
    const m = ACRONYM_AFTER.exec(text.slice(c.end, c.end + 60));
    if (!m) continue;
    const start = c.end + m[0].lastIndexOf(m[1]);
    const explicit = /known as|aka|a\.k\.a|or |formerly/.test(m[0]);
    // In parentheses right after a name, an acronym may cover only its first words ("IFRC").
    const inParens = m[0].trimStart().startsWith('(') && m[1].length >= 3 && /^[\p{Lu}]+$/u.test(m[1]) && initials(c.text, false).startsWith(m[1]);
    // "the Federation of Dutch Trade Unions (FNV)": an organisation's bracketed acronym may come
    // from its name in another language, so initials need not match.
    const bracketed = m[0].trimStart().startsWith('(') && /^\p{Lu}{2,6}$/u.test(m[1]) && c.type === 'ORG' &&
      (/\bthe\s+$/i.test(text.slice(Math.max(0, c.start - 5), c.start)) || m[1][0] === c.text[0].toUpperCase());
    if (!explicit && !inParens && !bracketed && !isAcronymOf(m[1], c.text)) continue;
    const hit = byStart.get(start);
    if (hit && hit.text === m[1]) {
      hit.type = c.type;
      hit.confidence = Math.max(hit.confidence, 0.85);
      hit.source = 'acronym';
      hit.linkTo = c.start;
    } else if (!overlapsAny(start, start + m[1].length)) {
      const a: DocCandidate = { start, end: start + m[1].length, text: m[1], type: c.type, source: 'acronym', confidence: 0.85, linkTo: c.start };
      cands.push(a);
      byStart.set(start, a);
    }
    expansions.push(c);
  }
  // Initials match anywhere in the document: "DGSI" ... "Direction Générale de la Sécurité Intérieure".
  const seenText = new Set<string>();
  const expansionsByText: DocCandidate[] = [];
  const expansionOf = new Map<string, DocCandidate | null>();
  for (const o of cands) {
    if (o.type === 'DATE' || o.type === 'PERSON' || !o.text.includes(' ') || seenText.has(o.text)) continue;
    seenText.add(o.text);
    expansionsByText.push(o);
  }
  for (const c of cands) {
    if (c.linkTo !== undefined || c.text.includes(' ') || !/^[\p{Lu}.&-]{2,12}$/u.test(c.text)) continue;
    let exp = expansionOf.get(c.text);
    if (exp === undefined) {
      exp = expansionsByText.find((o) => isAcronymOf(c.text, o.text)) ?? null;
      expansionOf.set(c.text, exp);
    }
    if (exp) {
      c.type = exp.type;
      c.confidence = Math.max(c.confidence, 0.8);
      c.source = 'acronym';
      c.linkTo = exp.start;
    }
  }
}

/** A place known from the gazetteer or a preposition alone: a person's name part outranks it. */
function weakPlace(c: DocCandidate): boolean {
  return c.source === 'gazetteer' || (c.source === 'rule' && c.confidence === LOCATIVE_CONFIDENCE);
}

function propagate(text: string, cands: DocCandidate[], words?: WordStarts): DocCandidate[] {
  // Occupancy per character: overlap checks stay O(span) however many mentions there are.
  const occupied = new Uint8Array(text.length);
  const occupy = (s: number, e: number): void => {
    occupied.fill(1, s, e);
  };
  const free = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (occupied[i]) return false;
    return true;
  };
  for (const c of cands) if (c.confidence >= CONFIDENT || c.type === 'DATE') occupy(c.start, c.end);
  const added: DocCandidate[] = [];
  const forms = new Map<string, DocCandidate>();
  for (const c of cands) if (c.type !== 'DATE' && c.confidence >= CONFIDENT && !forms.has(c.text)) forms.set(c.text, c);
  // Parts of people's names: "Obama" for "Barack Obama", "Salah" for "Salah Abdeslam".
  const parts = new Map<string, DocCandidate>();
  for (const c of cands) {
    if (c.type !== 'PERSON' || c.confidence < CONFIDENT || !c.text.includes(' ')) continue;
    const words = c.text.split(' ');
    words.forEach((w, i) => {
      const bare = w.replace(/^(?:al|el)-/, '');
      for (const p of new Set([w, bare])) {
        if (p.length < 2 || PARTICLES.has(p.toLowerCase()) || NEVER_NAMES.has(p.toLowerCase()) || TITLES.has(p.toLowerCase())) continue;
        if (!/^(?:\p{Lu}|(?:al|el)-\p{Lu})/u.test(p)) continue;
        // A surname that is also a city ("Obama", "Henderson") still means the person here;
        // a first name that is a place ("Paris Hilton") does not turn every Paris into her.
        const place = lookupPlace(p);
        if (place && (i < words.length - 1 || place.geo.kind !== 'city')) continue;
        const form = forms.get(p);
        if (form && form.type !== 'PERSON' && !((place && form.source === 'gazetteer') || (form.type === 'PLACE' && weakPlace(form)))) continue;
        if (!parts.has(p)) parts.set(p, c);
      }
    });
  }
  for (const c of cands) {
    if (c.type === 'PLACE' && weakPlace(c) && parts.has(c.text)) {
      c.type = 'PERSON';
      c.source = 'consistency';
      c.confidence = 0.6;
      c.linkTo = nearestFullName(cands, c.text, c.start) ?? parts.get(c.text)!.start;
    }
  }
  // A confident single name that is part of a full name is that person ("said Yannick").
  for (const c of cands) {
    if (c.type !== 'PERSON' || c.text.includes(' ') || c.linkTo !== undefined || !parts.has(c.text)) continue;
    c.linkTo = nearestFullName(cands, c.text, c.start) ?? parts.get(c.text)!.start;
  }
  // "de Vries" for "Marieke de Vries": a multi-word tail of a longer name is that person.
  const tails = new Map<string, DocCandidate>();
  for (const c of cands) {
    if (c.type !== 'PERSON' || c.confidence < CONFIDENT) continue;
    const words = c.text.split(' ');
    for (let i = 1; i < words.length - 1; i++) {
      const tail = words.slice(i).join(' ');
      if (!tails.has(tail)) tails.set(tail, c);
    }
  }
  for (const c of cands) {
    const full = c.type === 'PERSON' && c.linkTo === undefined ? tails.get(c.text) : undefined;
    if (full && full !== c) c.linkTo = full.start;
  }
  // "Said and Cherif Kouachi": a lone first name coordinated with a full name shares its surname.
  const fullNameAt = new Map<number, DocCandidate>();
  for (const c of cands) if (c.type === 'PERSON' && c.text.includes(' ')) fullNameAt.set(c.start, c);
  for (const c of cands) {
    if (c.type !== 'PERSON' || c.text.includes(' ') || c.confidence >= CONFIDENT) continue;
    const full = text.startsWith(' and ', c.end) ? fullNameAt.get(c.end + 5) : undefined;
    if (full) {
      c.confidence = 0.6;
      c.source = 'consistency';
    }
  }
  // "Lockheed" for "Lockheed Martin", "Cerberus" for "Cerberus Capital Management".
  const orgHeads = new Map<string, DocCandidate>();
  for (const c of cands) {
    if (c.type !== 'ORG' || c.confidence < CONFIDENT || !c.text.includes(' ')) continue;
    const head = c.text.split(' ')[0];
    if (head.length < 3 || !/^\p{Lu}\p{Ll}/u.test(head) || forms.has(head) || parts.has(head) || lookupPlace(head)) continue;
    if (NEVER_NAMES.has(head.toLowerCase()) || NEVER_ALONE.has(head.toLowerCase()) || ORG_START_WORDS.has(head.toLowerCase()) || isCommonWord(head, true)) continue;
    if (!orgHeads.has(head)) orgHeads.set(head, c);
  }
  // An index of where each word starts (the paragraphs' cached word lists, or one pass over the
  // text): looking a name up is then a handful of startsWith checks instead of a scan of the
  // whole document per name. Only the first words of the forms, heads and name parts searched
  // below are ever looked up.
  const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
  const firstWord = (form: string): string | null => {
    WORD.lastIndex = 0;
    const first = WORD.exec(form);
    return first && first.index === 0 ? first[0] : null;
  };
  const wanted = new Set<string>();
  for (const form of [...forms.keys(), ...orgHeads.keys(), ...parts.keys()]) {
    const w = firstWord(form);
    if (w) wanted.add(w);
  }
  const wordStarts = (words ?? ((w) => scanWordStarts(text, w)))(wanted);
  const search = (form: string, make: (start: number) => DocCandidate): void => {
    const first = firstWord(form);
    if (!first) return;
    for (const i of wordStarts.get(first) ?? []) {
      const end = i + form.length;
      if (text.startsWith(form, i) && isWordBoundary(text, i, end) && free(i, end) && !blockedAfter(text, end)) {
        added.push(make(i));
        occupy(i, end);
      }
    }
  };
  // Longest forms first, so "Barack Obama" is found before "Obama".
  for (const [form, c] of [...forms].sort((a, b) => b[0].length - a[0].length)) {
    search(form, (start) => ({ start, end: start + form.length, text: form, type: c.type, source: 'consistency', confidence: Math.min(c.confidence, 0.7), linkTo: c.start }));
  }
  // Heads already found on their own ("Apple" next to "Apple Computer") join that organisation.
  const headOf = new Map<string, DocCandidate>();
  for (const c of cands) {
    if (c.type !== 'ORG' || c.confidence < CONFIDENT) continue;
    const space = c.text.indexOf(' ');
    if (space >= 0 && !headOf.has(c.text.slice(0, space))) headOf.set(c.text.slice(0, space), c);
  }
  for (const c of cands) {
    const full = c.type === 'ORG' && !c.text.includes(' ') && c.linkTo === undefined ? headOf.get(c.text) : undefined;
    if (full) c.linkTo = full.start;
  }
  for (const [head, c] of orgHeads) {
    search(head, (start) => ({ start, end: start + head.length, text: head, type: 'ORG', source: 'consistency', confidence: 0.55, linkTo: c.start }));
  }
  for (const [part, c] of [...parts].sort((a, b) => b[0].length - a[0].length)) {
    search(part, (start) => ({ start, end: start + part.length, text: part, type: 'PERSON', source: 'consistency', confidence: 0.6, linkTo: nearestFullName(cands, part, start) ?? c.start }));
  }
  // Tentative single words that match a person's name part become that person.
  for (const c of cands) {
    if (c.confidence >= CONFIDENT || c.type === 'DATE') continue;
    const p = parts.get(c.text);
    if (p) {
      c.type = 'PERSON';
      c.confidence = 0.6;
      c.source = 'consistency';
      c.linkTo = nearestFullName(cands, c.text, c.start) ?? p.start;
    }
  }
  return added;
}

/** Starts of confident full person names containing each name part, in document order. */
let fullNameIndex: { cands: DocCandidate[]; byPart: Map<string, number[]> } | null = null;

function indexFullNames(cands: DocCandidate[]): Map<string, number[]> {
  if (fullNameIndex?.cands === cands) return fullNameIndex.byPart;
  const byPart = new Map<string, number[]>();
  for (const c of cands) {
    if (c.type !== 'PERSON' || !c.text.includes(' ') || c.confidence < CONFIDENT) continue;
    for (const w of c.text.split(' ')) {
      for (const p of new Set([w, w.replace(/^(?:al|el)-/, '')])) {
        const list = byPart.get(p) ?? [];
        list.push(c.start);
        byPart.set(p, list);
      }
    }
  }
  for (const list of byPart.values()) list.sort((a, b) => a - b);
  fullNameIndex = { cands, byPart };
  return byPart;
}

/** The full name a name part refers to: the closest preceding full name containing it. */
function nearestFullName(cands: DocCandidate[], part: string, at: number): number | undefined {
  const list = indexFullNames(cands).get(part);
  if (!list?.length) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= at) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best >= 0 ? list[best] : list[0];
}

function isWordBoundary(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text[start - 1] : ' ';
  const after = end < text.length ? text[end] : ' ';
  return !/[\p{L}\p{N}-]/u.test(before) && !/[\p{L}\p{N}]/u.test(after) && !(after === '-' && /[\p{L}]/u.test(text[end + 1] ?? ''));
}
