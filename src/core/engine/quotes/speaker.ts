// Who said it: the speaker entity for a cue, read from the words around it and the document's
// final mentions. Named subject first, then pronoun or role resolved to the nearest compatible
// entity before the cue; null ("unattributed") when nothing fits.
import type { Mention } from '../../model';
import { ORG_NOUNS, PREPOSITION_BEFORE, PRONOUNS, RELATIVE_OPENER, ROLE_NOUNS } from './lexicon';

export interface Attribution {
  speaker: string | null;
  /** 0..1: named speakers are surer than resolved pronouns or roles. */
  confidence: number;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG']);
const FILLER = /(?:\s+|\b(?:has|had|have|also|will|would|did|does|then|later|again|once|not|both|all|only|first|further|\w+ly))+$/i;

/** Index of the first mention starting at or after `pos` (mentions are sorted and never overlap). */
function firstFrom(mentions: Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Speaker mentions wholly inside [from, to): a binary search, not a scan of the document. */
function speakers(mentions: Mention[], from: number, to: number): Mention[] {
  const out: Mention[] = [];
  for (let i = firstFrom(mentions, from); i < mentions.length && mentions[i].start < to; i++) {
    const m = mentions[i];
    if (SPEAKER_TYPES.has(m.type) && m.end <= to) out.push(m);
  }
  return out;
}

/** The subject of a cue found in text[from, to) (to = the cue's start). */
export function subjectSpeaker(text: string, from: number, to: number, mentions: Mention[]): Attribution | null {
  const tail = text.slice(from, to).replace(FILLER, '');
  const lastWord = (tail.match(/([\p{L}’'-]+)\W*$/u)?.[1] ?? '').toLowerCase();
  if (lastWord in PRONOUNS) return nearestBefore(mentions, from + tail.length, PRONOUNS[lastWord], 0.7);
  const inWindow = speakers(mentions, from, to);
  const roleAtEnd = ROLE_NOUNS.test(tail.trimEnd()) && !inWindow.some((m) => m.end >= from + tail.trimEnd().length - 1);
  if (roleAtEnd) {
    const role = tail.trimEnd().match(ROLE_NOUNS)![1].toLowerCase();
    const introduced = introducedBy(text, mentions, role, from);
    if (introduced) return { speaker: introduced.entity, confidence: 0.65 };
  }
  // "Jobs, the Apple chief, … where he promoted it by saying": a later subject pronoun wins.
  const pronoun = [...text.slice(from, to).matchAll(/\b(he|she)\b/gi)].pop();
  if (pronoun && !inWindow.some((m) => m.start > from + pronoun.index!)) return nearestBefore(mentions, from + pronoun.index!, PRONOUNS[pronoun[1].toLowerCase()], 0.7);
  if (!inWindow.length) return ORG_NOUNS.test(tail.trimEnd()) ? nearestBefore(mentions, from, 'ORG', 0.65) : null;
  const excluded = inWindow.filter((m) => isComplement(text, from, m, to));
  const heads = inWindow.filter((m) => !excluded.includes(m));
  const pick = (heads.length ? heads : inWindow)[(heads.length ? heads : inWindow).length - 1];
  return { speaker: pick.entity, confidence: heads.length ? 0.9 : 0.75 };
}

/** The speaker named after an inverted cue ("…,” said Obama) or after "according to". */
export function followingSpeaker(text: string, from: number, mentions: Mention[]): Attribution | null {
  const stop = text.slice(from).search(/[,.;:!?\n“"]/);
  const to = stop < 0 ? text.length : from + stop;
  const found = speakers(mentions, from, to);
  // "according to the France 24 journalist Leela Jacinto": the head is the last name, unless it follows "of".
  const heads = found.filter((m) => !isComplement(text, from, m, to));
  if (found.length) return { speaker: (heads.length ? heads : found)[(heads.length ? heads : found).length - 1].entity, confidence: 0.9 };
  const role = text.slice(from, to).trim().match(ROLE_NOUNS);
  if (role) {
    const introduced = introducedBy(text, mentions, role[1].toLowerCase(), from);
    if (introduced) return { speaker: introduced.entity, confidence: 0.65 };
  }
  return null;
}

/** A mention after a preposition or inside a relative clause is no subject. */
function isComplement(text: string, from: number, m: Mention, to = text.length): boolean {
  const before = text.slice(from, m.start);
  if (PREPOSITION_BEFORE.test(before)) return true;
  const comma = before.lastIndexOf(',');
  // Only a relative clause closed before the cue ("X, who chaired the WMO talks, said").
  return comma >= 0 && RELATIVE_OPENER.test(before.slice(comma + 1)) && text.slice(m.end, to).includes(',');
}

function nearestBefore(mentions: Mention[], pos: number, type: 'PERSON' | 'ORG', confidence: number): Attribution | null {
  // A mention starting at or after pos cannot end before it.
  for (let i = firstFrom(mentions, pos) - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.end <= pos && m.type === type) return { speaker: m.entity, confidence };
  }
  return null;
}

/** The nearest earlier person the text introduced with this role ("group spokesman X", "X, the spokesman"). */
function introducedBy(text: string, mentions: Mention[], role: string, pos: number): Mention | null {
  const stem = role.replace(/s$/, '');
  const beforeRe = new RegExp(`\\b${stem}s?,?\\s*$`);
  const afterRe = new RegExp(`^,\\s*(?:the|its|their|his|her)?\\s*(?:[\\w’'-]+\\s+){0,3}${stem}\\b`);
  for (let i = firstFrom(mentions, pos) - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.type !== 'PERSON' || m.end > pos) continue;
    const before = text.slice(Math.max(0, m.start - 40), m.start).toLowerCase();
    const after = text.slice(m.end, m.end + 40).toLowerCase();
    if (beforeRe.test(before) || afterRe.test(after)) return m;
  }
  return null;
}
