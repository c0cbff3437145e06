// One table per TIMEX3 class the date grammar knows: the extent found and the value it resolves to.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/engine/index';
import { found, valueOf } from './support';
import { renderValue } from '../../../src/core/engine/dates/calendar';

// Document dated Tuesday 2015-11-17.
const DOC = '2015-11-17';

function itResolves(title: string, cases: [string, string, string][]): void {
  describe(title, () => {
    for (const [text, surface, value] of cases) {
      it(`"${surface}" -> ${value}`, () => {
        const a = analyze(text, { documentDate: DOC });
        assert.ok(found(a, 'DATE').includes(surface), `found ${JSON.stringify(found(a, 'DATE'))}`);
        assert.equal(valueOf(a, surface), value);
      });
    }
  });
}

function itFindsNoDate(title: string, texts: string[]): void {
  it(title, () => {
    for (const text of texts) assert.deepEqual(found(analyze(text, { documentDate: DOC }), 'DATE'), [], text);
  });
}

describe('engine: date classes', () => {
  itResolves('modified periods keep the period value', [
    ['Cuts will come by the end of 2016 at the plant.', 'the end of 2016', '2016'],
    ['Profits fell at the end of last year in Asia.', 'the end of last year', '2014'],
    ['The model ships in mid-2016 to dealers.', 'mid-2016', '2016'],
    ['Talks resume early next year in Geneva.', 'early next year', '2016'],
    ['Stocks rose at the start of this month in Asia.', 'the start of this month', '2015-11'],
    ['The line opened in late March 2014 to riders.', 'late March 2014', '2014-03'],
    ['Sales were weak at the beginning of the year in Asia.', 'the beginning of the year', '2015'],
    ['Profit doubled at the very start of the financial year in Asia.', 'the very start of the financial year', 'FY2015'],
    ['Sales rebounded in the last week of March at the dealers.', 'the last week of March', '2015-W13'],
    ['Sales rose in the first week of June 2014 at the dealers.', 'the first week of June 2014', '2014-W23'],
  ]);
  itResolves('months relative to the document date', [
    ['Prices peaked last March at a record.', 'last March', '2015-03'],
    ['Franchises end after October of next year for all.', 'October of next year', '2016-10'],
    ['A December 3 hearing has been scheduled in the case.', 'December 3', '2015-12-03'],
    ['The deal may be signed on December 12 in Rome.', 'December 12', '2015-12-12'],
    ['The plane was set to land on Monday after a test.', 'Monday', '2015-11-16'],
  ]);
  itResolves('weekdays with the date they name', [['The talks ended on Monday, November 16 in Vienna.', 'Monday, November 16', '2015-11-16']]);
  itResolves('numeric and short years', [
    ['The event was dated 7/8/07 in the files.', '7/8/07', '2007-07-08'],
    ['The log starts on 2014-03-09 at the site.', '2014-03-09', '2014-03-09'],
    ['The index is at its lowest level since \u201982 in Tokyo.', '\u201982', '1982'],
  ]);
  itResolves('fiscal years, quarters and halves', [
    ['Sales rose in fiscal 2014 across the group.', 'fiscal 2014', 'FY2014'],
    ['The firm posted third-quarter results on the day.', 'third-quarter', '2015-Q3'],
    ['Losses grew in the fourth quarter of last year overall.', 'the fourth quarter of last year', '2014-Q4'],
    ['Revenue beat forecasts in Q2 2015 again.', 'Q2 2015', '2015-Q2'],
    ['Profit doubled during the last quarter at the firm.', 'the last quarter', '2015-Q3'],
    ['Demand slowed in the first half of 2015 in China.', 'the first half of 2015', '2015-H1'],
    ['Output grew in the fourth quarter at the plant.', 'the fourth quarter', '2015-Q4'],
    ['Net income rose 8% in the quarter on higher sales.', 'the quarter', '2015-Q3'],
    ['Sales recovered in the second half as demand grew.', 'the second half', '2015-H2'],
    ['The merger should close by year-end as planned.', 'year-end', '2015'],
    ['Prices fell at the end of the month in Asia.', 'the end of the month', '2015-11'],
  ]);
  itResolves('seasons', [
    ['Prices rose last summer in the city.', 'last summer', '2014-SU'],
    ['The shop opens in the spring of 2016 downtown.', 'the spring of 2016', '2016-SP'],
    ['Growth slowed this autumn in Europe.', 'this autumn', '2015-FA'],
    ['The bank held its Autumn meetings in Lima.', 'Autumn', '2015-FA'],
    ['The school opens in the fall with new staff.', 'the fall', '2015-FA'],
    ['Prices rose in spring across the region.', 'spring', '2015-SP'],
  ]);
  itResolves('named days', [['Markets fell on what is known as Black Monday in 1987.', 'Black Monday', 'XXXX-XX-XX']]);
  itResolves('vague past', [['The mine closed several years ago in the valley.', 'several years ago', 'PAST_REF']]);
  itResolves('parts of days', [
    ['Apple announced the plan this morning in a statement.', 'this morning', '2015-11-17TMO'],
    ['GM admitted Thursday night that losses grew.', 'Thursday night', '2015-11-12TNI'],
    ['The vote is tonight in the hall.', 'tonight', '2015-11-17TNI'],
    ['Police were called last night to the port.', 'last night', '2015-11-16TNI'],
    ['The index rose in morning trading on the exchange.', 'morning', '2015-11-17TMO'],
  ]);
  itResolves('weekends, weeks and quarters relative to the document date', [
    ['The ministers met over the weekend in Lima.', 'the weekend', '2015-W46-WE'],
    ['Markets will be calm this weekend in Asia.', 'this weekend', '2015-W47-WE'],
    ['Prices fell this past week in Asia.', 'this past week', '2015-W46'],
    ['A vote is due later in the year in the senate.', 'later in the year', '2015'],
    ['The mine closed two decades ago in the valley.', 'two decades ago', '1995'],
  ]);
  itResolves('dates relative to the previous date in the text', [
    ['The plant opened on March 3, 2014. A day earlier, the union voted.', 'A day earlier', '2014-03-02'],
    ['The plant opened in 2012. The previous year, the site was sold.', 'The previous year', '2011'],
    ['Shares fell on November 12, 2015. Data released the same day showed losses.', 'the same day', '2015-11-12'],
    ['The Dow fell 2% on Friday, ending the day at 9,000.', 'the day', '2015-11-13'],
    ['Trading stopped at the start of the day in Moscow.', 'the start of the day', '2015-11-17'],
    ['The index rebounded late in the day in New York.', 'late in the day', '2015-11-17'],
    ['Sales rose 5% compared to the same period last year in Europe.', 'the same period last year', '2014'],
    ['Sales rose 35% in January, compared to the same month a year ago in Europe.', 'the same month a year ago', '2014-01'],
  ]);
  itResolves('times of day', [
    ['The market opened at 10 a.m. EST on the day.', '10 a.m. EST', '2015-11-17T10:00'],
    ['The landing was at 6:40 p.m. (GMT +8) in Beijing.', '6:40 p.m. (GMT +8)', '2015-11-17T18:40'],
    ['At a press conference at 16:15 UTC, November 16th, the chief spoke.', '16:15 UTC', '2015-11-16T16:15Z'],
    ['The strike starts at noon tomorrow in the port.', 'noon tomorrow', '2015-11-18T12:00'],
  ]);
  itFindsNoDate('words that look like dates but are not', [
    'Steve Jobs believes that this may have a large impact.',
    'The Russell 2000 Index of smaller companies dropped.',
    'The Summer Olympics drew big crowds.',
    'Leaves fall in the park every day.',
    'The fall of the wall changed Europe.',
    'The Arab Spring began in Tunisia.',
    'Water came from a hot spring nearby.',
    'The firm will cut 10,000 jobs over the next four years.',
  ]);

  it('names the new values in words for entity canonicals', () => {
    const cases: [string, string][] = [
      ['2015-H1', 'H1 2015'], ['2015-Q3', 'Q3 2015'], ['2014-SU', 'summer 2014'], ['FY2009', 'fiscal 2009'],
      ['2015-W46-WE', 'weekend of week 46 of 2015'], ['2015-11-13TNI', 'November 13, 2015 (night)'],
    ];
    for (const [value, words] of cases) assert.equal(renderValue(value), words);
  });
});
