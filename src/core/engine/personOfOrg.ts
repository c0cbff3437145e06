// "Diallo of the WMO": a paragraph alone cannot tell a surname from "Friends" in "Friends of the
// Earth", so such runs stay whole there. Once the whole document is known, a run whose part
// before "of" is a person named elsewhere in it is split into that person and the organisation.
import type { DocCandidate } from './consistency';

const PERSON_OF = /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}) of (?:the )?(?=\p{Lu})/u;

export function splitPersonOfOrg(cands: DocCandidate[]): DocCandidate[] {
  const people = new Set<string>();
  for (const c of cands) {
    if (c.type !== 'PERSON' || c.confidence < 0.5) continue;
    people.add(c.text);
    // A full name also vouches for its surname ("Amina Diallo" for "Diallo").
    const words = c.text.split(' ');
    if (words.length > 1) people.add(words[words.length - 1]);
  }
  if (!people.size) return cands;
  const out: DocCandidate[] = [];
  for (const c of cands) {
    const m = c.type === 'ORG' || c.type === 'PLACE' ? PERSON_OF.exec(c.text) : null;
    if (!m || !people.has(m[1]) || m[0].length >= c.text.length) {
      out.push(c);
      continue;
    }
    const rest = m[0].length;
    out.push({ start: c.start, end: c.start + m[1].length, text: m[1], type: 'PERSON', source: 'rule', confidence: c.confidence });
    out.push({ ...c, start: c.start + rest, text: c.text.slice(rest), linkTo: undefined });
  }
  return out;
}
