// A generated corpus for the team-index load tests and bench: N short articles built from the
// tagger's seeded generator over invented names, so every run writes the same files.
// Usage: node scripts/pg/corpus.mjs DIR N [SEED]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// The tagger's seeded generator (mulberry32), from the compiled sources (npm run compile-tests).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { seeded } = createRequire(import.meta.url)(path.join(root, 'out/src/core/engine/tagger/train.js'));

const FIRST = ['Anna', 'Marek', 'Lucia', 'Tomas', 'Ines', 'Pavel', 'Greta', 'Hugo', 'Sofia', 'Jonas', 'Elena', 'Viktor', 'Clara', 'Ruben', 'Nadia', 'Oskar'];
const LAST = ['Keller', 'Novak', 'Brandt', 'Moreau', 'Lindqvist', 'Costa', 'Horvath', 'Petrov', 'Almeida', 'Fischer', 'Dubois', 'Jansen', 'Kowalski', 'Ricci', 'Weber', 'Sauer'];
const ORGS = ['Northfield Council', 'Harbour Workers Union', 'National Rail Authority', 'Green Valley Cooperative', 'Eastern Water Board', 'Civic Audit Office', 'Riverside Hospital Trust', 'Coastal Ferry Company'];
const PLACES = ['Lisbon', 'Vienna', 'Gdansk', 'Porto', 'Ghent', 'Bergen', 'Trieste', 'Malmo', 'Bordeaux', 'Leipzig'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Article `i` of the corpus: a few paragraphs naming people, organisations, places and dates. */
export function article(i, rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const date = () => `${1 + Math.floor(rnd() * 28)} ${pick(MONTHS)} ${2015 + Math.floor(rnd() * 10)}`;
  const a = person();
  const b = person();
  const org = pick(ORGS);
  const place = pick(PLACES);
  return [
    `Report ${i}: ${org} under review`,
    '',
    `${place}, ${date()}. ${a}, a spokesperson for the ${org}, said on Tuesday that the review of case ${i} would be published soon.`,
    `${b} met officials of the ${pick(ORGS)} in ${pick(PLACES)} to discuss the budget, according to people familiar with the talks.`,
    `The inquiry, opened on ${date()}, heard from ${person()} and ${person()}. "We will answer every question," ${a.split(' ')[1]} said.`,
    '',
  ].join('\n');
}

export function writeCorpus(dir, n, seed = 1) {
  const rnd = seeded(seed);
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `doc-${String(i).padStart(5, '0')}.txt`), article(i, rnd));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, n, seed] = process.argv.slice(2);
  if (!dir || !Number(n)) {
    console.error('usage: node scripts/pg/corpus.mjs DIR N [SEED]');
    process.exit(2);
  }
  writeCorpus(dir, Number(n), Number(seed ?? 1));
}
