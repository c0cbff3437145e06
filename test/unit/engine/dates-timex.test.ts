// TIMEX3 classes added for recall on news the rules never saw: holidays, vague references to the present,
// past and future, centuries and decades in words, a year before its quarter, and parts of anchored days.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { found, valueOf } from './support';
import { CALENDAR_RULES } from '../../../src/core/engine/dates/calendarRules';
import { RELATIVE_RULES } from '../../../src/core/engine/dates/relativeRules';
import { TIME_RULES } from '../../../src/core/engine/dates/timeRules';
import { HOLIDAY_RULES } from '../../../src/core/engine/dates/holidays';
import { REFERENCE_RULES } from '../../../src/core/engine/dates/referenceRules';

// Document dated Tuesday 2015-11-17.
const DOC = '2015-11-17';
const seen: string[] = [];

function itResolves(title: string, cases: [string, string, string][]): void {
  describe(title, () => {
    for (const [text, surface, value] of cases) {
      seen.push(text);
      it(`"${surface}" -> ${value}`, () => {
        const a = analyze(text, { documentDate: DOC });
        assert.ok(found(a, 'DATE').includes(surface), `found ${JSON.stringify(found(a, 'DATE'))}`);
        assert.equal(valueOf(a, surface), value);
      });
    }
  });
}

function itFindsNoDate(title: string, texts: [string, string][]): void {
  it(title, () => {
    for (const [text, notADate] of texts) {
      seen.push(text);
      assert.ok(!found(analyze(text, { documentDate: DOC }), 'DATE').some((d) => d.includes(notADate)), `${notADate} in: ${text}`);
    }
  });
}

describe('engine: TIMEX3 classes for recall', () => {
  itResolves('holidays, on the nearest date or the year written', [
    ['The vote was held on Thanksgiving in the town.', 'Thanksgiving', '2014-11-27'],
    ['The shops will open on Thanksgiving this time.', 'Thanksgiving', '2015-11-26'],
    ['The port will close on Christmas Eve for the night.', 'Christmas Eve', '2015-12-24'],
    ['Pilgrims gathered on Easter Sunday 2016 in Rome.', 'Easter Sunday 2016', '2016-03-27'],
    ['The bank shut on Good Friday as usual.', 'Good Friday', '2015-04-03'],
    ['The strike began on Labor Day 2009 in Ohio.', 'Labor Day 2009', '2009-09-07'],
    ['Parades marked Memorial Day 2010 in the capital.', 'Memorial Day 2010', '2010-05-31'],
    ['Voters queued on Election Day 2008 for hours.', 'Election Day 2008', '2008-11-04'],
    ['Stores reported record sales on Black Friday in Ohio.', 'Black Friday', '2014-11-28'],
    ["Fireworks lit the sky on New Year's Eve over the bay.", "New Year's Eve", '2014-12-31'],
  ]);
  itResolves('vague references to the present, past and future', [
    ['He is now the head of the firm.', 'now', 'PRESENT_REF'],
    ['The firm currently employs 300 people.', 'currently', 'PRESENT_REF'],
    ['Prices will stay high for the time being in Asia.', 'the time being', 'PRESENT_REF'],
    ['The minister recently visited the plant.', 'recently', 'PAST_REF'],
    ['More recently, the firm cut jobs.', 'More recently', 'PAST_REF'],
    ['Such crises happened in the past as well.', 'the past', 'PAST_REF'],
    ['The plant may reopen in the future as a museum.', 'the future', 'FUTURE_REF'],
    ['Rates will rise in the near future at the bank.', 'the near future', 'FUTURE_REF'],
    ['A decision is due in the coming weeks from the board.', 'the coming weeks', 'FUTURE_REF'],
    ['Growth looks weak in the near term for Europe.', 'the near term', 'FUTURE_REF'],
    ['The plant will open two weeks from now in the valley.', 'two weeks from now', '2015-W49'],
  ]);
  itFindsNoDate('words that only look like vague references', [
    ['The now-defunct airline sold its planes.', 'now'],
    ['NOW members marched on the capital.', 'NOW'],
    ['He watched Apocalypse Now at home.', 'Now'],
    ['The future of the plant is unclear.', 'future'],
    ['The firm refinanced its long-term debt.', 'term'],
    ['Shoppers crowded the Christmas sales in London.', 'Christmas'],
    ['Sales rose during the Christmas and New Year sales period.', 'Christmas'],
    ['The ship reached Christmas Island at dawn.', 'Christmas'],
    ['He was in his sixties when he retired.', 'sixties'],
  ]);
  itResolves('"the past" before a count or a unit stays a period', [['Sales grew over the past three years in Asia.', 'the past three years', 'P3Y']]);
  itResolves('centuries and decades in words', [
    ['The town grew in the nineteenth century along the river.', 'the nineteenth century', '18'],
    ['The town grew in the 1800s along the river.', 'the 1800s', '18'],
    ['They restored a 19th-century mill by the river.', '19th-century', '18'],
    ['Trade will shift in the twenty-first century to Asia.', 'the twenty-first century', '20'],
    ['The band was famous in the eighties in Europe.', 'the eighties', '198X'],
    ['The firm grew in the late nineties in Europe.', 'the late nineties', '199X'],
  ]);
  itResolves('a year before the part of the year it owns', [
    ["Profit rose in 1989's fourth quarter at the firm.", "1989's fourth quarter", '1989-Q4'],
    ['Sales fell in the 2009 first half at the firm.', 'the 2009 first half', '2009-H1'],
    ["Sales fell in last year's third quarter at the firm.", "last year's third quarter", '2014-Q3'],
    ["Sales rose in this year's first half at the firm.", "this year's first half", '2015-H1'],
    ['Sales rose in the fiscal first quarter at the firm.', 'the fiscal first quarter', '2015-Q1'],
  ]);
  itResolves('days next to today, and parts of days', [
    ['The plant opened the day before yesterday in the valley.', 'the day before yesterday', '2015-11-15'],
    ['The plant will open the day after tomorrow in the valley.', 'the day after tomorrow', '2015-11-19'],
    ['The fire started on the morning of Feb. 12 in the mill.', 'the morning of Feb. 12', '2015-02-12TMO'],
    ['The mill opened on March 3, 2014. That night, the union voted.', 'That night', '2014-03-03TNI'],
    ['The mill opened on March 3, 2014. The next morning, it struck.', 'The next morning', '2014-03-04TMO'],
    ['The mill opened on March 3, 2014. The union had voted the night before.', 'the night before', '2014-03-02TNI'],
    ['The mill opened on March 3, 2014. Later that week, it closed.', 'Later that week', '2014-W10'],
    ['The mill opened at 10:30 a.m. Eastern time in the valley.', '10:30 a.m. Eastern time', '2015-11-17T10:30'],
  ]);
  itResolves('periods of the previous date', [
    ['Sales fell in 2012. Net income for the year was flat.', 'the year', '2012'],
    ['Net income for the year was flat at the firm.', 'the year', '2015'],
    ['GM lost $8 billion for the entire year in Europe.', 'the entire year', '2015'],
    ['Sales rose in the third quarter. Profit fell from the year-earlier quarter.', 'the year-earlier quarter', '2014-Q3'],
  ]);

  it('every rule with a cue matches only text that passes its cue', () => {
    const texts = [...seen, 'Jan. 5, 2015 and 5 Jan 2015', 'in the 1990s and the 90s', "since '82", 'the 21st century', 'Q3 2015', 'the spring of 2010'];
    for (const rule of [...CALENDAR_RULES, ...HOLIDAY_RULES, ...RELATIVE_RULES, ...TIME_RULES, ...REFERENCE_RULES]) {
      if (!rule.cue) continue;
      for (const text of texts) {
        rule.re.lastIndex = 0;
        if (rule.re.exec(text)) assert.ok(rule.cue.test(text), `${rule.cue} misses a match of ${rule.re.source.slice(0, 60)} in: ${text}`);
      }
    }
  });
});
