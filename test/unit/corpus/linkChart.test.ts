// The link chart: co-occurrence edges, their weights and evidence, filters and the top-N cut.
import * as assert from 'node:assert/strict';
import { buildLinkChart, normalise, type LinkChartOptions } from '../../../src/core/corpus/linkChart';
import { fakeCorpus } from './fakes';

const corpus = fakeCorpus(
  {
    'one.txt': {
      text: 'Ana Ruiz met Ben Ode in Lima. The Harbour Board backed Ruiz.\n\nOde flew to Oslo on 2015-11-13.',
      mentions: [
        { text: 'Ana Ruiz', type: 'PERSON' },
        { text: 'Ben Ode', type: 'PERSON' },
        { text: 'Lima', type: 'PLACE' },
        { text: 'Harbour Board', type: 'ORG' },
        { text: 'Ruiz', type: 'PERSON', entity: 'person:ana-ruiz' },
        { text: 'Ode', type: 'PERSON', entity: 'person:ben-ode' },
        { text: 'Oslo', type: 'PLACE' },
        { text: '2015-11-13', type: 'DATE' },
      ],
    },
    'two.txt': {
      text: 'Ruiz and Ode spoke again. Carla Vik stayed home. Vik denied it, said Oslo.',
      mentions: [
        { text: 'Ruiz', type: 'PERSON', entity: 'person:ruiz' },
        { text: 'Ode', type: 'PERSON', entity: 'person:ben-ode' },
        { text: 'Carla Vik', type: 'PERSON' },
        { text: 'Vik', type: 'PERSON', entity: 'person:carla-vik', provenance: 'rejected' },
        { text: 'Oslo', type: 'PLACE' },
      ],
    },
  },
  {
    // "person:ruiz" was merged into Ana Ruiz by the user.
    'person:ana-ruiz': { type: 'PERSON', canonical: 'Ana Ruiz', merged: ['person:ruiz'] },
    'person:ben-ode': { type: 'PERSON', canonical: 'Ben Ode' },
  },
);

function edges(options: LinkChartOptions = {}): string[] {
  return buildLinkChart(corpus, options).edges.map((e) => `${e.source} ${e.target} ${e.weight}`);
}

describe('corpus: link chart', () => {
  it('joins entities named in the same sentence, merges followed, dates and rejected mentions left out', () => {
    assert.deepEqual(edges(), [
      'person:ana-ruiz person:ben-ode 2',
      'org:harbour-board person:ana-ruiz 1',
      'person:ana-ruiz place:lima 1',
      'person:ben-ode place:lima 1',
      'person:ben-ode place:oslo 1',
    ]);
  });

  it('sizes nodes by mentions and sums their edge weights', () => {
    const m = buildLinkChart(corpus);
    const ana = m.nodes.find((n) => n.id === 'person:ana-ruiz')!;
    assert.deepEqual([ana.label, ana.mentions, ana.documents, ana.degree], ['Ana Ruiz', 3, 2, 4]);
    assert.deepEqual(ana.at, { path: 'one.txt', start: 0, end: 8, line: 0 });
    assert.equal(m.nodes.some((n) => n.id === 'person:carla-vik'), false, 'an entity without links is not drawn');
    assert.deepEqual(m.total, { nodes: 6, edges: 5 });
  });

  it('keeps the passages as evidence, with their documents', () => {
    const e = buildLinkChart(corpus).edges[0];
    assert.deepEqual(e.documents, ['one.txt', 'two.txt']);
    assert.deepEqual(e.evidence.map((l) => [l.path, l.start, l.line]), [['one.txt', 0, 0], ['two.txt', 0, 0]]);
  });

  const filters: { name: string; options: LinkChartOptions; expect: string[] }[] = [
    { name: 'minimum weight 2', options: { minWeight: 2 }, expect: ['person:ana-ruiz person:ben-ode 2'] },
    { name: 'people only', options: { types: ['PERSON'] }, expect: ['person:ana-ruiz person:ben-ode 2'] },
    { name: 'organisations and places only', options: { types: ['ORG', 'PLACE'] }, expect: [] },
    {
      name: 'paragraph scope',
      options: { scope: 'paragraph', types: ['PERSON', 'ORG'] },
      expect: [
        'person:ana-ruiz person:ben-ode 2',
        'org:harbour-board person:ana-ruiz 1',
        'org:harbour-board person:ben-ode 1',
        'person:ana-ruiz person:carla-vik 1',
        'person:ben-ode person:carla-vik 1',
      ],
    },
    { name: 'top 2 nodes', options: { maxNodes: 2 }, expect: ['person:ana-ruiz person:ben-ode 2'] },
    {
      name: 'focus on Ben Ode: his links and the links among the entities named with him',
      options: { focus: 'person:ben-ode' },
      expect: ['person:ana-ruiz person:ben-ode 2', 'person:ana-ruiz place:lima 1', 'person:ben-ode place:lima 1', 'person:ben-ode place:oslo 1'],
    },
    {
      name: 'focus on a merged-away id follows the merge',
      options: { focus: 'person:ruiz' },
      expect: ['person:ana-ruiz person:ben-ode 2', 'org:harbour-board person:ana-ruiz 1', 'person:ana-ruiz place:lima 1', 'person:ben-ode place:lima 1'],
    },
    { name: 'focus on an unknown id: an empty chart', options: { focus: 'person:nobody' }, expect: [] },
  ];
  for (const f of filters) {
    it(`filter: ${f.name}`, () => assert.deepEqual(edges(f.options), f.expect));
  }

  it('keeps the focused entity even when the top-N would cut it', () => {
    const m = buildLinkChart(corpus, { focus: 'place:oslo', maxNodes: 2 });
    assert.deepEqual(m.nodes.map((n) => n.id), ['place:oslo', 'person:ben-ode']);
    assert.equal(m.options.focus, 'place:oslo');
  });

  it('keeps isolated nodes on request', () => {
    const m = buildLinkChart(corpus, { isolated: true });
    assert.ok(m.nodes.some((n) => n.id === 'person:carla-vik'));
  });

  it('clamps options from untrusted messages', () => {
    const bad = { types: ['PERSON', 'DATE', 'x'], scope: 'page', minWeight: -3, maxNodes: Number.NaN, isolated: 'yes' } as unknown as LinkChartOptions;
    assert.deepEqual(normalise(bad), { types: ['PERSON'], scope: 'sentence', minWeight: 1, maxNodes: 40, isolated: false, focus: '' });
    assert.deepEqual(normalise({ maxNodes: 1e9, minWeight: 2.7 }).maxNodes, 500);
  });
});
