// The reporting-verb lexicon and the small word classes that attribution reads. Classes of
// words, never names: every rule must hold for articles nobody here has seen.

/** Verbs that introduce what someone said or wrote, as lemmas. */
const REPORTING = [
  'say', 'tell', 'write', 'warn', 'claim', 'state', 'announce', 'add', 'argue', 'insist', 'estimate', 'explain',
  'note', 'report', 'confirm', 'deny', 'declare', 'proclaim', 'predict', 'acknowledge', 'admit', 'stress',
  'suggest', 'assert', 'reveal', 'allege', 'caution', 'promise', 'vow', 'reply', 'respond', 'concede',
  'emphasise', 'emphasize', 'observe', 'remark', 'comment', 'recall', 'complain', 'contend', 'boast',
  'testify', 'assure', 'tweet', 'announce', 'conclude', 'agree', 'forecast', 'threaten', 'pledge',
];
const IRREGULAR: Record<string, string[]> = { say: ['said'], tell: ['told'], write: ['wrote', 'written'], forecast: ['forecast'] };
const DOUBLING = new Set(['admit', 'commit', 'regret']);

function inflect(base: string): string[] {
  const forms = [base];
  const stem = DOUBLING.has(base) ? base + base.slice(-1) : base;
  if (/(s|sh|ch|x)$/.test(base)) forms.push(base + 'es');
  else if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ies');
  else forms.push(base + 's');
  if (IRREGULAR[base]) forms.push(...IRREGULAR[base]);
  else if (base.endsWith('e')) forms.push(base + 'd');
  else if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ied');
  else forms.push(stem + 'ed');
  forms.push(base.endsWith('e') && !base.endsWith('ee') ? base.slice(0, -1) + 'ing' : stem + 'ing');
  return forms;
}

/** Every inflected form -> its lemma. Lower case only: "Said Kouachi" is a name, not a cue. */
export const REPORTING_FORMS: ReadonlyMap<string, string> = new Map(REPORTING.flatMap((l) => inflect(l).map((f) => [f, l] as const)));

/** Lemmas whose bare clause ("said it had…") is reported speech without "that". */
export const BARE_CLAUSE = new Set(['say', 'add', 'claim', 'insist', 'argue', 'write', 'warn', 'predict', 'estimate', 'tweet']);
/** Lemmas that take a person object before their clause ("told reporters that"). */
export const OBJECT_FIRST = new Set(['tell', 'assure', 'warn', 'promise']);

/** Before a cue, these make it passive or hearsay ("is said to be"), which is no speaker cue. */
export const PASSIVE_AUX = /\b(?:is|was|were|are|be|been|being)\s+(?:\w+ly\s+)?$/i;

export const PRONOUNS: Record<string, 'PERSON' | 'ORG'> = { he: 'PERSON', she: 'PERSON', it: 'ORG', they: 'ORG' };

/** Role nouns a speaker is introduced by ("group spokesman X", "its general secretary, X"). */
export const ROLE_NOUNS = /\b(spokes(?:man|woman|person)|official|minister|president|director|secretary|chief|chairman|chairwoman|chair|leader|head|executive|negotiator|inspector|commissioner|mayor|governor|ambassador|spokesperson|representative|journalist|analyst|expert|officer|commander|general|manager|founder|professor)s?$/i;

/** Words that open a subordinate clause inside the subject ("X, who chaired …, said"). */
export const RELATIVE_OPENER = /^\s*(?:who|which|whose|whom|that|where|when)\b/i;

/** A mention right after one of these is a complement, not the subject ("Diallo of the WMO said"). */
export const PREPOSITION_BEFORE = /\b(?:of|at|for|from|with|to|by|in|on|about|against|among|under|over|into|between)\s+(?:the\s+)?$/i;

/** Words that make quoted text a title or name rather than speech. */
export const TITLE_CUE = /\b(?:motto|slogan|titled|entitled|called|so-called|named|known as|dubbed|nicknamed|banner|hashtag|film|book|song|album|novel|series|headline)\s*$/i;

/** Lemmas whose base or -s form is as often a noun ("the report", "a claim"). */
export const NOUN_LIKE = new Set(['report', 'state', 'claim', 'comment', 'note', 'promise', 'vow', 'pledge', 'reply', 'estimate', 'forecast', 'tweet', 'remark', 'stress', 'caution', 'recall', 'boast', 'respond']);
/** A subject pronoun, modal or auxiliary just before a verb form. */
export const AUX_BEFORE = /\b(?:i|we|you|they|he|she|it|will|would|can|could|may|might|must|should|shall|did|do|does|to|not|also)\s+$/i;
/** A dateline at the start of a news story: "LONDON, October 3, 2022 — ", "GENEVA — ". */
export const DATELINE = /^\s*[A-Z][A-Z .'’-]+(?:,[^—–\n]{0,40})?\s+[—–]\s+/;
/** What may follow a clause-final cue: nothing, or when and how it was said ("said on Monday"). */
export const TRAILING_ADVERBIAL = /^\s*(?:[.!?]?\s*$|(?:on|in|at|last|this|late|earlier|yesterday|today|tonight|recently|later|separately|afterwards|then|during|after|before|through|via|when|as)\b)/i;
/** Nouns that stand for an organisation already named ("the firm said"). */
export const ORG_NOUNS = /\b(?:firm|company|group|agency|ministry|union|party|council|committee|organi[sz]ation|bank|commission|airline|carrier|retailer|manufacturer|bureau|institute|broadcaster|newspaper|court|board|federation|association)$/i;
