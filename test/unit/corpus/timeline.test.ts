// The timeline: which DATE mentions become events, where they sit, and what surrounds them.
import * as assert from 'node:assert/strict';
import { buildTimeline, dateInterval } from '../../../src/core/corpus/timeline';
import { fakeCorpus } from './fakes';

describe('corpus: timeline', () => {
  const intervals: [string, [string, string, string] | null][] = [
    ['2015-11-13', ['day', '2015-11-13', '2015-11-14']],
    ['2016-02-29', ['day', '2016-02-29', '2016-03-01']],
    ['2015-12-31', ['day', '2015-12-31', '2016-01-01']],
    ['2015-11-13TNI', ['day', '2015-11-13', '2015-11-14']],
    ['2015-W46', ['week', '2015-11-09', '2015-11-16']],
    ['2021-W01', ['week', '2021-01-04', '2021-01-11']],
    ['2015-11', ['month', '2015-11-01', '2015-12-01']],
    ['2015-12', ['month', '2015-12-01', '2016-01-01']],
    ['2015-Q4', ['quarter', '2015-10-01', '2016-01-01']],
    ['2015', ['year', '2015-01-01', '2016-01-01']],
    ['199X', ['decade', '1990-01-01', '2000-01-01']],
    ['P3W', null],
    ['PXDE', null],
    ['XXXX-05', null],
    ['2015-02-30', null],
    ['2015-13', null],
    ['', null],
    ['<script>', null],
  ];
  for (const [value, expect] of intervals) {
    it(`"${value}" covers ${expect ? expect.join(' … ') : 'nothing'}`, () => {
      const i = dateInterval(value);
      assert.deepEqual(i ? [i.precision, i.start, i.end] : null, expect);
    });
  }

  const corpus = fakeCorpus(
    {
      'b.txt': {
        text: 'On Friday Ana Ruiz flew to Lima. The talks lasted three weeks. In 2014 the port opened.',
        mentions: [
          { text: 'Friday', type: 'DATE', entity: 'date:2015-11-13' },
          { text: 'Ana Ruiz', type: 'PERSON' },
          { text: 'Lima', type: 'PLACE' },
          { text: 'three weeks', type: 'DATE', entity: 'date:p3w' },
          { text: '2014', type: 'DATE', entity: 'date:2014' },
        ],
      },
      'a.md': {
        text: 'In November 2015 the Harbour Board met. Ruiz was there on 13 November 2015. Someday in May.',
        mentions: [
          { text: 'November 2015', type: 'DATE', entity: 'date:2015-11' },
          { text: 'Harbour Board', type: 'ORG' },
          { text: 'Ruiz', type: 'PERSON', entity: 'person:ana-ruiz' },
          { text: '13 November 2015', type: 'DATE', entity: 'date:2015-11-13' },
          { text: 'May', type: 'DATE', entity: 'date:xxxx-05' },
        ],
      },
      'c.txt': {
        text: 'On 1 May 2016 nothing happened.',
        mentions: [{ text: '1 May 2016', type: 'DATE', entity: 'date:2016-05-01', provenance: 'rejected' }],
      },
    },
    {
      'date:2015-11-13': { type: 'DATE', canonical: 'November 13, 2015', value: '2015-11-13' },
      'date:2015-11': { type: 'DATE', canonical: 'November 2015', value: '2015-11' },
      'date:2014': { type: 'DATE', canonical: '2014', value: '2014' },
      'date:p3w': { type: 'DATE', canonical: 'three weeks', value: 'P3W' },
      'date:xxxx-05': { type: 'DATE', canonical: 'May', value: 'XXXX-05' },
      'date:2016-05-01': { type: 'DATE', canonical: 'May 1, 2016', value: '2016-05-01' },
      'person:ana-ruiz': { type: 'PERSON', canonical: 'Ana Ruiz' },
    },
  );
  const model = buildTimeline(corpus);

  it('orders events by date, the finer interval first on the same start', () => {
    assert.deepEqual(
      model.events.map((e) => [e.value, e.text, e.at.path]),
      [
        ['2014', '2014', 'b.txt'],
        ['2015-11', 'November 2015', 'a.md'],
        ['2015-11-13', '13 November 2015', 'a.md'],
        ['2015-11-13', 'Friday', 'b.txt'],
      ],
    );
  });

  it('counts durations and unanchored dates instead of drawing them; rejected dates are gone', () => {
    assert.deepEqual(model.skipped, { durations: 1, unresolved: 1 });
    assert.equal(model.events.some((e) => e.value === '2016-05-01'), false);
  });

  it('groups by precision', () => {
    assert.deepEqual(model.byPrecision, { day: 2, week: 0, month: 1, quarter: 0, year: 1, decade: 0 });
    assert.deepEqual(model.range, { start: '2014-01-01', end: '2015-12-01' });
  });

  it('gives each event its sentence, location and the entities named with it (merges resolved)', () => {
    const friday = model.events.find((e) => e.text === 'Friday')!;
    assert.equal(friday.label, 'November 13, 2015');
    assert.equal(friday.sentence, 'On Friday Ana Ruiz flew to Lima.');
    assert.deepEqual(friday.at, { path: 'b.txt', start: 3, end: 9, line: 0 });
    assert.deepEqual(friday.related.map((r) => [r.id, r.label]), [['person:ana-ruiz', 'Ana Ruiz'], ['place:lima', 'Lima']]);
    const day = model.events.find((e) => e.text === '13 November 2015')!;
    assert.deepEqual(day.related.map((r) => r.label), ['Ana Ruiz']);
  });

  const focused: { name: string; entity: string; expect: string[]; focus: string | null }[] = [
    { name: 'a person: the dates named with her (aliases and merges included)', entity: 'person:ana-ruiz', expect: ['13 November 2015', 'Friday'], focus: 'Ana Ruiz' },
    { name: 'a date: its own mentions', entity: 'date:2015-11-13', expect: ['13 November 2015', 'Friday'], focus: 'November 13, 2015' },
    { name: 'an unknown id: everything, unfocused', entity: 'person:nobody', expect: ['2014', 'November 2015', '13 November 2015', 'Friday'], focus: null },
  ];
  for (const f of focused) {
    it(`focus on ${f.name}`, () => {
      const m = buildTimeline(corpus, { entity: f.entity });
      assert.deepEqual([m.events.map((e) => e.text), m.focus?.label ?? null], [f.expect, f.focus]);
    });
  }

  it('an empty corpus gives an empty timeline', () => {
    const empty = buildTimeline(fakeCorpus({}));
    assert.deepEqual([empty.events, empty.range, empty.documents], [[], null, 0]);
  });

  it('cuts a long sentence around the date', () => {
    const long = `${'filler '.repeat(100)}on 2015 ${'more '.repeat(100)}.`;
    const m = buildTimeline(fakeCorpus({ 'x.txt': { text: long, mentions: [{ text: '2015', type: 'DATE' }] } }, { 'date:2015': { type: 'DATE', canonical: '2015', value: '2015' } }));
    const s = m.events[0].sentence;
    assert.ok(s.length <= 290 && s.includes('on 2015') && s.startsWith('…') && s.endsWith('…'), s);
  });
});
