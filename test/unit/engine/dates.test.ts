import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { valueOf, found } from './support';

// Document dated Tuesday 2015-11-17, as a news article would be.
const DOC = '2015-11-17';

describe('engine: date values', () => {
  const cases: [string, string, string][] = [
    ['The vote was held on November 13, 2015 in the city.', 'November 13, 2015', '2015-11-13'],
    ['It opened on 4 July 2012 to crowds.', '4 July 2012', '2012-07-04'],
    ['Prices rose in September 2014 again.', 'September 2014', '2014-09'],
    ['The plant closed in 2001 for good.', '2001', '2001'],
    ['Last Friday night the lights went out.', 'Last Friday night', '2015-11-13TNI'],
    ['The police came on Friday with dogs.', 'Friday', '2015-11-13'],
    ['The envoy arrived last Friday at noon.', 'last Friday', '2015-11-13'],
    ['The board will meet on Friday to vote.', 'Friday', '2015-11-20'],
    ['The minister resigned yesterday after a row.', 'yesterday', '2015-11-16'],
    ['Two men were arrested last week in a raid.', 'last week', '2015-W46'],
    ['The rules changed earlier this month for all.', 'earlier this month', '2015-11'],
    ['Sales fell over the last 12 months overall.', 'the last 12 months', 'P12M'],
    ['Trade has grown in recent years slowly.', 'recent years', 'PXY'],
    ['It was popular in the 1990s in Europe.', 'the 1990s', '199X'],
    ['The fair ran over a two-day period in town.', 'a two-day period', 'P2D'],
    ['Losses grew in the third quarter of 2008 sharply.', 'the third quarter of 2008', '2008-Q3'],
    ['The deal was signed two years ago in secret.', 'two years ago', '2013'],
    ['The port reopened today after repairs.', 'today', '2015-11-17'],
    ['Shares fell at 16:08 UTC on the exchange.', '16:08 UTC', '2015-11-17T16:08Z'],
    ['The vote closed at 12:00 UTC Monday in the capital.', '12:00 UTC Monday', '2015-11-16T12:00Z'],
    ['Trading has been weak since September in the region.', 'September', '2015-09'],
    ['The plant was sold in December to a rival.', 'December', '2014-12'],
    ['The plant will be sold in December to a rival.', 'December', '2015-12'],
    ['Prices peaked last September at a record.', 'last September', '2015-09'],
    ['Prices will peak next September at a record.', 'next September', '2016-09'],
    ['The exchange stays closed until Friday for checks.', 'Friday', '2015-11-20'],
    ['Analysts expect a rate rise in April next spring.', 'April', '2016-04'],
    ['Jobs will go by the end of this year at the plant.', 'the end of this year', '2015'],
  ];
  for (const [text, surface, value] of cases) {
    it(`${surface} -> ${value}`, () => {
      const a = analyze(text, { documentDate: DOC });
      assert.ok(found(a, 'DATE').includes(surface), `found ${JSON.stringify(found(a, 'DATE'))}`);
      assert.equal(valueOf(a, surface), value);
    });
  }

  it('anchors "Weeks later" and "Three months later" to the previous explicit date', () => {
    const text = 'The cell formed in December 2014. Weeks later, it struck. In April 2015 a man was held. Three months later, another plot failed.';
    const a = analyze(text, { documentDate: DOC });
    assert.equal(valueOf(a, 'Weeks later'), '2015-01');
    assert.equal(valueOf(a, 'Three months later'), '2015-07');
  });

  it('splits a list of dates into separate mentions', () => {
    const a = analyze('Votes were held on March 3, 2011 and April 5, 2011 in the region.', { documentDate: DOC });
    assert.deepEqual(found(a, 'DATE'), ['March 3, 2011', 'April 5, 2011']);
  });

  it('groups one DATE entity per value with an explicit calendar canonical', () => {
    const a = analyze('The blast on Friday shook the town. By November 13, 2015 it was over.', { documentDate: DOC });
    const ids = new Set(a.mentions.filter((m) => m.type === 'DATE').map((m) => m.entity));
    assert.equal(ids.size, 1);
    const e = a.entities.find((x) => x.type === 'DATE');
    assert.equal(e?.canonical, 'November 13, 2015');
    assert.equal(e?.id, 'date:2015-11-13');
  });

  it('prepositions and possessives stay outside the date', () => {
    const a = analyze("Since 2001 the group grew. Friday’s attack was the worst.", { documentDate: DOC });
    assert.deepEqual(found(a, 'DATE'), ['2001', 'Friday']);
  });

  it('does not read amounts and model numbers as years', () => {
    const a = analyze('The firm paid $2015 for 1,999 units of model 2010-X and 1998 percent.', { documentDate: DOC });
    assert.deepEqual(found(a, 'DATE'), []);
  });
});

describe('engine: document date', () => {
  const cases: [string, string, string | undefined, string | null, string][] = [
    ['front matter wins', '---\ndate: 2019-05-02\n---\nPublished March 1, 2018\n', undefined, '2019-05-02', 'frontmatter'],
    ['dateline', 'Floods hit the valley\n\nJune 13, 2005\n\nRain fell on Monday.', '2001-01-01', '2005-06-13', 'dateline'],
    ['dateline with city and country opening the body', 'Ferry strike spreads\n\nVALLETTA, Malta, April 2, 2021 — Crews walked out across the islands on Friday after talks with the operator broke down.', undefined, '2021-04-02', 'dateline'],
    ['published line', 'Floods hit the valley\nPublished: 4 May 2010, 10:00\n\nRain fell on Monday.', undefined, '2010-05-04', 'published'],
    [
      'most frequent explicit date',
      'A long first line that is not a dateline because it runs on and on about many things in the valley.\n\nPhoto taken March 2, 2012. Another photo March 2, 2012. A plan from May 5, 2010.',
      undefined,
      '2012-03-02',
      'frequent',
    ],
    ['caller date as fallback', 'Rain fell on Monday in the valley.', '2020-02-20', '2020-02-20', 'caller'],
    ['none', 'Rain fell on Monday in the valley.', undefined, null, 'none'],
  ];
  for (const [name, text, caller, date, source] of cases) {
    it(name, () => {
      const a = analyze(text, { documentDate: caller });
      assert.equal(a.documentDate, date);
      assert.equal(a.documentDateSource, source);
    });
  }
});
