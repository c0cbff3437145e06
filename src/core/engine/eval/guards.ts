// Gate guards for `npm run train`: short sentences of the classes of text the rules handle on
// purpose and the unit tests check (datelines, a capitalised common word opening a sentence,
// "Person of the Organisation", a maker inside a product name, an organisation named with an
// industry word the rules do not know, a club or landmark named after a place). On these the
// engine must give the rules' answer: a candidate gate under which the tagger changes any of them
// is rejected by the gate search. The sentences and names are invented for this list; none comes
// from a dev article.
import type { Placed } from '../grouping';
import type { Token } from '../tokens';
import { analyzeRules } from '../index';
import { Gates, RULES_ONLY, combine } from '../tagger/combine';
import type { Perceptron } from '../tagger/perceptron';
import { prepare, tag, type Tagging } from '../tagger/prepare';

export interface Guard {
  /** The class of text it stands for. */
  kind: string;
  text: string;
}

const of = (kind: string, texts: string[]): Guard[] => texts.map((text) => ({ kind, text }));

export const GUARDS: Guard[] = [
  ...of('dateline, then a common word', [
    'BERGEN — Harbour pilots stopped work at noon.',
    'TALLINN – Ferry staff voted to strike.',
    'NAIROBI, Kenya — Bakers raised the price of bread.',
    'QUITO — Cabin staff left the terminal.',
    'PERTH, Australia — Miners blocked the only road.',
    'HELSINKI — Ilkka Saarinen resigned on Friday.',
  ]),
  ...of('a capitalised common word opens the sentence', [
    'Cabin fees rose again this year.',
    'Harbour dues were cut by a third.',
    'Timber prices fell for a second week.',
    'Dock workers gathered outside the gates.',
    'Rail unions rejected the offer.',
    'Cabin crews and pilots joined the march.',
  ]),
  ...of('a person of an organisation', [
    'Jonas Vikberg of the Northern Fisheries Council said the quota was too low.',
    'Priya Ramanathan of the Coastal Research Institute disagreed.',
    'Ola Brekke of the Harbour Authority declined to comment.',
    'The Bank of Genoa cut its forecast.',
    'Members of Friends of the Moorland objected.',
  ]),
  ...of('a maker inside a product name', [
    'The carrier leased six Fokker 100 planes.',
    'The navy ordered two Saab 340 aircraft.',
    'She drove a Volvo 240 estate to the coast.',
    'The airline ordered eight Embraer 190 jets.',
    'Two Cessna 172 planes landed on the strip.',
    'The crew flew an Antonov 124 freighter.',
  ]),
  ...of('an organisation named with an industry word the rules do not know', [
    'The order went to Halvick Aerospace last year.',
    'Investors expect Torrin Aerospace to bid again.',
    'The tender went to Brannock Avionics in March.',
    'The deal went to Corbel Aerospace last month.',
    'The contract went to Hexley Aerospace in the spring.',
    'Analysts expect Vennor Aerospace to lose the bid.',
  ]),
  ...of('a club, a landmark or an address named after a place', [
    'The champions lost to Bergen United at home.',
    'Tourists queued at the Oslo Memorial.',
    'Send the forms to Leeds LS2 by Monday.',
  ]),
];

interface Frozen {
  text: string;
  rules: Placed[];
  tokens: Token[];
  tagging: Tagging;
  /** The rules' answer as the gate gives it with every threshold closed. */
  expected: string;
}

const names = (text: string, rules: Placed[], tagging: Tagging, tokens: Token[], gates: Gates): string =>
  combine(text, rules, tagging, tokens, gates)
    .filter((m) => m.type !== 'DATE')
    .map((m) => `${m.type}:${text.slice(m.start, m.end)}`)
    .join(' | ');

/** The guards tagged once by a model (the tagging does not depend on the gate). */
export function freezeGuards(model: Perceptron, guards: Guard[] = GUARDS): Frozen[] {
  return guards.map((g) => {
    const rules = analyzeRules(g.text).mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, source: m.source, confidence: m.confidence, text: m.text }) as Placed);
    const p = prepare(g.text, rules);
    const tagging = tag(model, p);
    return { text: g.text, rules, tokens: p.tokens, tagging, expected: names(g.text, rules, tagging, p.tokens, RULES_ONLY) };
  });
}

/** The guards a gate breaks, each as "text: rules' answer -> the gated answer" (empty: safe). */
export function brokenGuards(frozen: Frozen[], gates: Gates): string[] {
  const out: string[] = [];
  for (const f of frozen) {
    const got = names(f.text, f.rules, f.tagging, f.tokens, gates);
    if (got !== f.expected) out.push(`${f.text}: ${f.expected || '(none)'} -> ${got || '(none)'}`);
  }
  return out;
}
