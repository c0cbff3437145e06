// The one compromise instance of the engine, with the dates plugin (used by the baseline) and
// created on first use so that importing the engine costs nothing at extension activation.
import nlpImport from 'compromise';
import datesPlugin from 'compromise-dates';

type Nlp = typeof nlpImport;
let instance: Nlp | null = null;

export function getNlp(): Nlp {
  if (!instance) {
    // compromise's plugin API mutates its global instance; done once.
    nlpImport.plugin(datesPlugin as unknown as Parameters<Nlp['plugin']>[0]);
    instance = nlpImport;
  }
  return instance;
}

export interface TaggedTerm {
  start: number;
  end: number;
  text: string;
  tags: Set<string>;
}

/** Terms of a text with their own offsets (match-level offsets are wrong around punctuation). */
export function tagTerms(text: string): TaggedTerm[] {
  const out: TaggedTerm[] = [];
  try {
    const json = getNlp()(text).json({ offset: true }) as {
      terms: { text: string; tags: string[]; offset: { start: number; length: number } }[];
    }[];
    for (const sentence of json) {
      for (const t of sentence.terms) {
        const start = t.offset.start;
        const end = start + t.offset.length;
        // Guard against any drift: a term must sit exactly where its text is.
        if (text.slice(start, end) !== t.text) continue;
        out.push({ start, end, text: t.text, tags: new Set(t.tags) });
      }
    }
  } catch {
    // compromise failing on odd input must never cost the rest of the analysis.
  }
  return out;
}

const COMMON_TAGS = new Set(['Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Modal', 'Copula', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Auxiliary', 'Negative']);

/**
 * Whether compromise's lexicon knows a word as a function word, verb (or, when asked,
 * adjective): such a word opening a sentence is capitalised for grammar, not as a name.
 */
export function isCommonWord(word: string, adjectives: boolean): boolean {
  const model = getNlp().model() as unknown as { one: { lexicon: Record<string, string | string[]> } };
  const tag = model.one.lexicon[word.toLowerCase()];
  if (!tag) return false;
  const tags = Array.isArray(tag) ? tag : [tag];
  return tags.some((t) => COMMON_TAGS.has(t) || (adjectives && (t === 'Adjective' || t === 'Comparative' || t === 'Superlative')));
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific', 'Place', 'Country', 'City', 'Organization']);

/** A word compromise knows only as a common noun or adjective ("store", "program", "air"). */
export function isCommonNoun(word: string): boolean {
  const model = getNlp().model() as unknown as { one: { lexicon: Record<string, string | string[]> } };
  const tag = model.one.lexicon[word.toLowerCase()];
  if (!tag) return false;
  const tags = Array.isArray(tag) ? tag : [tag];
  return !tags.some((t) => NAME_TAGS.has(t)) && tags.some((t) => t === 'Singular' || t === 'Plural' || t === 'Noun' || t === 'Adjective' || t === 'Uncountable');
}

const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/** A word compromise's lexicon lists as a given name ("Andrew", "Olga"), whatever its context. */
export function isGivenName(word: string): boolean {
  const model = getNlp().model() as unknown as { one: { lexicon: Record<string, string | string[]> } };
  const tag = model.one.lexicon[word.toLowerCase()];
  if (!tag) return false;
  return (Array.isArray(tag) ? tag : [tag]).some((t) => GIVEN_NAME_TAGS.has(t));
}

const FUNCTION_WORD_TAGS = new Set(['Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Negative']);

/** Adverbs, prepositions and the like: never the last word of a name ("Reuters Perhaps"). */
export function isFunctionWord(word: string): boolean {
  const model = getNlp().model() as unknown as { one: { lexicon: Record<string, string | string[]> } };
  const tag = model.one.lexicon[word.toLowerCase()];
  if (!tag) return false;
  return (Array.isArray(tag) ? tag : [tag]).some((t) => FUNCTION_WORD_TAGS.has(t));
}

/** compromise's lexicon tags for a word (its context-free knowledge): tagger features. */
export function lexiconTags(word: string): string[] {
  const model = getNlp().model() as unknown as { one: { lexicon: Record<string, string | string[]> } };
  const tag = model.one.lexicon[word.toLowerCase()];
  if (!tag) return [];
  return Array.isArray(tag) ? tag : [tag];
}
