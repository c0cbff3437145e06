// Quote detection and attribution over one document: direct quotes in any quotation style,
// mixed quotes (split by a cue, or quoted words inside reported speech) and indirect speech.
// A quote needs a speaker cue (a reporting verb, "according to", or a colon after a name):
// scare quotes, titles and mottos are left alone.
import type { Mention, Quote, QuoteKind } from '../../model';
import { documentMarks, MarkSpan, PlacedParagraph } from './marks';
import { Bound, sentenceBounds } from './sentences';
import { AUX_BEFORE, BARE_CLAUSE, DATELINE, TRAILING_ADVERBIAL, NOUN_LIKE, OBJECT_FIRST, PASSIVE_AUX, REPORTING_FORMS, TITLE_CUE } from './lexicon';
import { Attribution, followingSpeaker, subjectSpeaker } from './speaker';

interface Cue {
  start: number;
  end: number;
  lemma: string;
}

interface Found {
  start: number;
  end: number;
  kind: QuoteKind;
  cue: Cue;
  who: Attribution | null;
}

/** Finds and attributes the quotes of a document. `text` is the masked text (same offsets as raw). */
export function findQuotes(raw: string, text: string, paragraphs: PlacedParagraph[], mentions: Mention[]): Quote[] {
  const marks = documentMarks(paragraphs).filter((q) => !TITLE_CUE.test(text.slice(Math.max(0, q.start - 30), q.start)));
  const found: Found[] = [];
  // Marks and sentences both run in document order: one moving index finds a sentence's marks.
  let first = 0;
  for (const s of sentenceBounds(text, marks)) {
    while (first < marks.length && marks[first].start < s.start) first++;
    const inS: MarkSpan[] = [];
    for (let i = first; i < marks.length && marks[i].start < s.end; i++) if (marks[i].end <= s.end) inS.push(marks[i]);
    for (const cue of cuesIn(text, s, inS)) {
      const f = linkCue(text, s, inS, cue, mentions);
      if (f && f.end > f.start && !found.some((o) => o.start < f.end && f.start < o.end)) found.push(f);
    }
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ ...f, end: closeMarkup(raw, f.start, f.end) }))
    .map((f) => ({
      start: f.start,
      end: f.end,
      text: raw.slice(f.start, f.end),
      speaker: f.who?.speaker ?? null,
      cue: { start: f.cue.start, end: f.cue.end },
      kind: f.kind,
      confidence: Math.round((f.who?.confidence ?? 0.4) * (f.kind === 'indirect' ? 0.9 : 1) * 100) / 100,
    }));
}

/** Emphasis opened inside a quote ("*over*") closes inside it too. */
function closeMarkup(raw: string, start: number, end: number): number {
  const run = raw.slice(end).match(/^[*_~]+/)?.[0];
  return run && raw.slice(start, end).includes(run) ? end + run.length : end;
}

function cuesIn(text: string, s: Bound, quotes: MarkSpan[]): Cue[] {
  const cues: Cue[] = [];
  const re = /[Aa]ccording to|[a-z]+/g;
  const body = text.slice(s.start, s.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const start = s.start + m.index;
    if (quotes.some((q) => start >= q.start && start < q.end)) continue;
    if (m.index > 0 && /[\p{L}-]/u.test(body[m.index - 1])) continue;
    const lemma = /^according to$/i.test(m[0]) ? 'according' : REPORTING_FORMS.get(m[0]);
    if (!lemma || /[\p{L}]/u.test(body[m.index + m[0].length] ?? '')) continue;
    if (PASSIVE_AUX.test(body.slice(0, m.index))) continue;
    // "the report found", "the French state": a verb form that is also a noun needs a subject or auxiliary.
    if (NOUN_LIKE.has(lemma) && m[0] !== lemma + 'ed' && m[0] !== lemma + 'd' && !AUX_BEFORE.test(body.slice(0, m.index))) continue;
    cues.push({ start, end: start + m[0].length, lemma });
  }
  return cues;
}

function linkCue(text: string, s: Bound, quotes: MarkSpan[], cue: Cue, mentions: Mention[]): Found | null {
  const before = quotes.filter((q) => q.end <= cue.start);
  const after = quotes.filter((q) => q.start >= cue.end);
  const last = before[before.length - 1];
  const clauseFrom = Math.max(s.start, last?.end ?? s.start);
  if (cue.lemma === 'according') return accordingTo(text, s, quotes, cue, mentions);

  // '“…,” de Vries told reporters' / '“…,” said Obama' / '“A,” he said, “B.”'
  if (last && /^[\s,—–-]*$/.test(text.slice(last.end, clauseFrom)) && /[,!?.—–-]\s*$/.test(text.slice(last.start, last.end - 1)) && /^[,\s]*(?:[^,;:.!?“”"]{0,50})$/.test(text.slice(last.end, cue.start))) {
    const who = subjectSpeaker(text, last.end, cue.start, mentions) ?? followingSpeaker(text, cue.end, mentions);
    const next = after[0];
    const gap = next ? text.slice(cue.end, next.start) : '';
    if (next && /^[^.;:!?“”"]{0,60},\s*$/.test(gap)) return { start: last.start, end: next.end, kind: 'mixed', cue, who };
    return { start: last.start, end: last.end, kind: 'direct', cue, who };
  }
  const who = (): Attribution | null => (/[\p{L}]/u.test(text.slice(clauseFrom, cue.start)) ? subjectSpeaker(text, clauseFrom, cue.start, mentions) : followingSpeaker(text, cue.end, mentions));

  // 'said: “…”' / 'Lynch said: "…"'
  const colon = after[0] && /^[^.;!?“”"]{0,40}:\s*$/.test(text.slice(cue.end, after[0].start));
  if (colon) return { start: after[0].start, end: after[0].end, kind: 'direct', cue, who: who() };

  const from = complementStart(text, s, cue);
  if (from !== null) return complement(text, s, quotes, from, cue, who());

  // '…, the Rail Accident Investigation Branch said on Monday.'
  const lastComma = text.lastIndexOf(',', cue.start);
  const trailing = text.slice(cue.end, s.end);
  if (lastComma > s.start && lastComma >= clauseFrom && /^[^,;:“”"]{0,40}$/.test(trailing) && text.slice(s.start, lastComma).split(/\s+/).length >= 4) {
    const hasSubject = /[\p{L}]/u.test(text.slice(lastComma + 1, cue.start));
    const speaker = hasSubject ? subjectSpeaker(text, lastComma + 1, cue.start, mentions) : followingSpeaker(text, cue.end, mentions);
    // "…, announces upcoming update": no subject and an object after the verb is a headline, not a report.
    if (!hasSubject && !speaker) return null;
    if (hasSubject && !TRAILING_ADVERBIAL.test(trailing)) return null;
    return spanOf(text, quotes, s.start, lastComma, cue, speaker);
  }
  return null;
}

/** Where the reported clause after a cue begins, or null when the cue reports no content. */
function complementStart(text: string, s: Bound, cue: Cue): number | null {
  const rest = text.slice(cue.end, s.end);
  // Adverbials may sit between the verb and "that" ("said on March 3, 2024 that").
  const that = rest.match(/^((?:\s+(?![“"‘«„])[^\s;:.!?“”"]+){0,8}?)\s+that[\s,]+/);
  if (that && !/\b(?:said|that)\b/.test(that[1])) return cue.end + that[0].length;
  if (OBJECT_FIRST.has(cue.lemma) && !BARE_CLAUSE.has(cue.lemma)) return null;
  if (!BARE_CLAUSE.has(cue.lemma)) {
    // 'stated aim to “degrade …”': a quotation a few words on, in the same clause.
    const near = rest.match(/^(?:\s+[^\s,;:.!?“”"]+){0,4}?\s*(?=[“"‘«„])/);
    return near ? cue.end + near[0].length : null;
  }
  const bare = rest.match(/^\s+(?!(?:on|in|at|to|of|for|with|by|from|last|this|earlier|yesterday|today|as|and|or|but|so)\b)(?=[\p{L}“"‘«„])/u);
  // "can add applications": after a modal a bare base form is an action, not a report.
  if (!bare || (cue.lemma !== 'say' && text.slice(cue.start, cue.end) === cue.lemma)) return null;
  const words = rest.trim().split(/\s+/).length;
  return words >= 3 ? cue.end + bare[0].length : null;
}

function complement(text: string, s: Bound, quotes: MarkSpan[], from: number, cue: Cue, who: Attribution | null): Found {
  return spanOf(text, quotes, from, s.end, cue, who);
}

/** The quote covering [from, to): direct when it is one quotation, mixed when it holds some. */
function spanOf(text: string, quotes: MarkSpan[], start: number, to: number, cue: Cue, who: Attribution | null): Found {
  // A leading dateline ("LONDON, October 3, 2022 — ") is the paper's, not the speaker's.
  const dateline = text.slice(start, to).match(DATELINE);
  const from = dateline ? start + dateline[0].length : start;
  let end = to;
  while (end > from && /[\s.,;:!?]/.test(text[end - 1])) end--;
  const inner = quotes.filter((q) => q.start >= from && q.end <= to + 1);
  if (inner.length === 1 && /^\s*$/.test(text.slice(from, inner[0].start)) && /^[\s.,;:!?]*$/.test(text.slice(inner[0].end, to))) {
    return { start: inner[0].start, end: inner[0].end, kind: 'direct', cue, who };
  }
  if (inner.length) end = Math.max(inner[inner.length - 1].end, cue.start < from ? inner[inner.length - 1].end : end);
  return { start: from, end, kind: inner.length ? 'mixed' : 'indirect', cue, who };
}

function accordingTo(text: string, s: Bound, quotes: MarkSpan[], cue: Cue, mentions: Mention[]): Found | null {
  const who = followingSpeaker(text, cue.end, mentions);
  const comma = text.indexOf(',', cue.end);
  if (comma > 0 && comma < s.end - 3 && !text.slice(s.start, cue.start).trim()) return spanOf(text, quotes, comma + 1 + (text.slice(comma + 1).length - text.slice(comma + 1).trimStart().length), s.end, cue, who);
  const lead = text.lastIndexOf(',', cue.start);
  if (lead > s.start) return spanOf(text, quotes, s.start, lead, cue, who);
  return null;
}
