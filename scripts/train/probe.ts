// Development probe (not shipped): scores the rules, the shipped engine and raw compromise on the
// training corpora of ../shared/train (text the rules were not written on), per type, and writes
// the rules' errors to /tmp/probe-<corpus>.txt for error analysis by class.
// Run: npx esbuild scripts/train/probe.ts --bundle --platform=node --outfile=dist/probe.js && node dist/probe.js
// (PROBE=wikigold,uner_ewt picks corpora; paris and meantime name the dev sets; PROBE_SYSTEMS=rules
// runs only the rules). The shipped engine was trained on these corpora, so only
// the rules' and compromise's figures are unseen-text figures; the gate is tuned on held-out thirds.
import fs from 'node:fs';
import path from 'node:path';
import { analyze, analyzeRules, analyzeBaseline } from '../../src/core/engine/index';
import { evaluate, formatErrors, GoldDocument } from '../../src/core/engine/eval/report';
import { micro, prf } from '../../src/core/engine/eval/score';
import type { EntityType } from '../../src/core/model';

const shared = process.env.DOSSIER_SHARED ?? path.resolve(__dirname, '..', '..', 'shared');
const which = (process.env.PROBE ?? 'wikigold,uner_ewt').split(',');
const limit = Number(process.env.PROBE_LIMIT ?? 1e9);
const only = process.env.PROBE_SYSTEMS?.split(',');

function goldDir(dir: string, names: string[]): GoldDocument[] {
  return names.map((n) => ({ ...(JSON.parse(fs.readFileSync(path.join(dir, `${n}.gold.json`), 'utf8')) as GoldDocument), name: `${n}.txt`, text: fs.readFileSync(path.join(dir, `${n}.txt`), 'utf8') }));
}

function load(name: string): GoldDocument[] {
  if (name === 'paris') return goldDir(path.join(shared, 'corpus'), ['paris-2015']);
  if (name === 'meantime') {
    const dir = path.join(shared, 'corpus', 'meantime');
    return goldDir(dir, fs.readdirSync(dir).filter((n) => n.endsWith('.gold.json')).sort().map((n) => n.replace(/\.gold\.json$/, '')));
  }
  const lines = fs.readFileSync(path.join(shared, 'train', `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).slice(0, limit);
  return lines.map((l, i) => {
    const d = JSON.parse(l) as { text: string; entities: { start: number; end: number; type: string; text: string }[] };
    return { name: `${name}-${i}`, text: d.text, entities: [], mentions: d.entities.filter((e) => !/^[@#]/.test(e.text)).map((e, k) => ({ ...e, type: e.type as EntityType, entity: `e${k}` })) };
  });
}

for (const name of which) {
  const docs = load(name);
  const all: Record<string, Parameters<typeof evaluate>[1]> = { rules: (t, o) => analyzeRules(t, o), shipped: (t, o) => analyze(t, o), compromise: (t) => analyzeBaseline(t) };
  const systems = Object.fromEntries(Object.entries(all).filter(([k]) => !only || only.includes(k)));
  for (const [sys, fn] of Object.entries(systems)) {
    const r = evaluate(docs, fn);
    const s = r.score.strict;
    const noDate = { ...s, DATE: { tp: 0, fp: 0, fn: 0 } };
    const per = (['PERSON', 'ORG', 'PLACE'] as EntityType[]).map((t) => { const p = prf(s[t]); return `${t} ${p.p.toFixed(2)}/${p.r.toFixed(2)}/${p.f1.toFixed(2)}`; }).join('  ');
    const ov = micro({ ...r.score.overlap, DATE: { tp: 0, fp: 0, fn: 0 } }).f1;
    console.log(`${name.padEnd(10)} ${sys.padEnd(10)} strict ${micro(noDate).f1.toFixed(3)} overlap ${ov.toFixed(3)}  ${per}  ${r.millis} ms`);
    if (sys === 'rules' || sys === 'shipped') fs.writeFileSync(`/tmp/probe-${name}-${sys}.txt`, formatErrors({ ...r, errors: r.errors.filter((e) => (e.error.system ?? e.error.gold)!.type !== 'DATE') }));
  }
}
