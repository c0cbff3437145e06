// Aliases across documents: a short name in one article joins the full entity of another,
// only when exactly one entity fits and the user has not ruled otherwise.
import * as assert from 'node:assert/strict';
import { entityId, type Analysis, type EntityType } from '../../../src/core/model';
import type { EntityIndex } from '../../../src/core/index/types';
import { openTestIndex } from './fakes';

/** An engine analysis of `text` naming [surface form, type, canonical, aliases of that entity]. */
function analysis(text: string, names: [string, EntityType, string, string[]?][]): Analysis {
  const mentions: Analysis['mentions'] = [];
  const entities = new Map<string, Analysis['entities'][number]>();
  for (const [form, type, canonical, aliases = []] of names) {
    const start = text.indexOf(form);
    const id = entityId(type, canonical);
    mentions.push({ start, end: start + form.length, text: form, type, entity: id, confidence: 0.9, source: 'ner' });
    entities.set(id, { id, type, canonical, aliases });
  }
  return { documentDate: null, documentDateSource: 'none', engineVersion: 'dict-1', entities: [...entities.values()], mentions: mentions.sort((a, b) => a.start - b.start) };
}

async function corpus(docs: Record<string, [string, [string, EntityType, string, string[]?][]]>): Promise<EntityIndex> {
  const { index } = await openTestIndex({});
  for (const [path, [text, names]] of Object.entries(docs)) await index.updateDocument(path, text, analysis(text, names));
  return index;
}

const entityOf = (index: EntityIndex, path: string, text: string) => index.getDocument(path)?.mentions.find((m) => m.text === text)?.entity;

describe('index: aliases across documents', () => {
  it('a surname alone joins the one full name of the workspace', async () => {
    const index = await corpus({
      'a.txt': ['Abdelhamid Abaaoud was killed.', [['Abdelhamid Abaaoud', 'PERSON', 'Abdelhamid Abaaoud']]],
      'b.txt': ['Police say Abaaoud planned it.', [['Abaaoud', 'PERSON', 'Abaaoud']]],
    });
    assert.equal(entityOf(index, 'b.txt', 'Abaaoud'), 'person:abdelhamid-abaaoud');
    assert.deepEqual(index.getEntity('person:abaaoud')?.aliases, ['Abaaoud']);
    assert.equal(index.getEntity('person:abdelhamid-abaaoud')?.counts.documents, 2);
    index.dispose();
  });

  it('a surname with a particle joins the full name', async () => {
    const index = await corpus({
      'a.txt': ['Marieke de Vries spoke.', [['Marieke de Vries', 'PERSON', 'Marieke de Vries']]],
      'b.txt': ['Later de Vries left.', [['de Vries', 'PERSON', 'de Vries']]],
    });
    assert.equal(entityOf(index, 'b.txt', 'de Vries'), 'person:marieke-de-vries');
    index.dispose();
  });

  it('an acronym joins the organisation another article spelt out', async () => {
    const index = await corpus({
      'a.txt': ['The World Meteorological Organization (WMO) said.', [['World Meteorological Organization', 'ORG', 'World Meteorological Organization', ['WMO']]]],
      'b.txt': ['The WMO agreed.', [['WMO', 'ORG', 'WMO']]],
    });
    assert.equal(entityOf(index, 'b.txt', 'WMO'), 'org:world-meteorological-organization');
    index.dispose();
  });

  it('two candidates: nothing is guessed', async () => {
    const index = await corpus({
      'a.txt': ['Andrew Hall and Stuart Hall met.', [['Andrew Hall', 'PERSON', 'Andrew Hall'], ['Stuart Hall', 'PERSON', 'Stuart Hall']]],
      'b.txt': ['Hall spoke.', [['Hall', 'PERSON', 'Hall']]],
    });
    assert.equal(entityOf(index, 'b.txt', 'Hall'), 'person:hall');
    index.dispose();
  });

  it('the link follows the documents: it appears with the full name and goes with it', async () => {
    const index = await corpus({ 'b.txt': ['Police say Abaaoud planned it.', [['Abaaoud', 'PERSON', 'Abaaoud']]] });
    assert.equal(entityOf(index, 'b.txt', 'Abaaoud'), 'person:abaaoud');
    const text = 'Abdelhamid Abaaoud was killed.';
    await index.updateDocument('a.txt', text, analysis(text, [['Abdelhamid Abaaoud', 'PERSON', 'Abdelhamid Abaaoud']]));
    assert.equal(entityOf(index, 'b.txt', 'Abaaoud'), 'person:abdelhamid-abaaoud');
    await index.removeDocument('a.txt');
    assert.equal(entityOf(index, 'b.txt', 'Abaaoud'), 'person:abaaoud');
    index.dispose();
  });

  it('a split by the user keeps the short name apart', async () => {
    // Re-analysis after the split runs the (dictionary) engine, which knows both names.
    const { index } = await openTestIndex({ 'a.txt': 'Abdelhamid Abaaoud was killed.', 'b.txt': 'Police say Abaaoud planned it.' });
    assert.equal(entityOf(index, 'b.txt', 'Abaaoud'), 'person:abdelhamid-abaaoud');
    await index.annotate({ kind: 'split', entity: 'person:abdelhamid-abaaoud', alias: 'Abaaoud', name: 'Yassine Abaaoud' });
    assert.equal(entityOf(index, 'b.txt', 'Abaaoud'), 'person:yassine-abaaoud');
    assert.equal(entityOf(index, 'a.txt', 'Abdelhamid Abaaoud'), 'person:abdelhamid-abaaoud');
    assert.deepEqual(index.getEntity('person:abdelhamid-abaaoud')?.aliases, []);
    await index.undo();
    assert.equal(entityOf(index, 'b.txt', 'Abaaoud'), 'person:abdelhamid-abaaoud');
    index.dispose();
  });
});
