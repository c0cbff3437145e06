// Month, weekday, season and number words for the date grammar.
export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Index = JavaScript getUTCDay(). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};
/** Words that make an unnumbered period vague ("several weeks"). */
export const VAGUE_COUNTS = ['few', 'several', 'some', 'many'];
export const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
/** TIMEX3 season codes, and the month each season starts in (to place it before or after the document date). */
export const SEASONS: Record<string, { code: string; month: number }> = {
  spring: { code: 'SP', month: 3 }, summer: { code: 'SU', month: 6 }, autumn: { code: 'FA', month: 9 },
  fall: { code: 'FA', month: 9 }, winter: { code: 'WI', month: 12 },
};
export const PARTS_OF_DAY: Record<string, 'MO' | 'AF' | 'EV' | 'NI'> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };
/** Cues that a date without a year, or a bare weekday, points forward ("will meet on Friday"). */
export const FUTURE_CUES = /\b(will|shall|'ll|going to|scheduled|due to|expects?|expected|forecasts?|plans? to|planned|next|upcoming|set to|set for|slated|to be held|(?:should|may|might|must|could) be)\b/i;
/** Cues after a date that make it a future one ("a June 3 hearing has been scheduled", "a June 1 deadline"). */
export const FUTURE_CUES_AFTER = /^[^.;!?]{0,40}\b(scheduled|deadline|is due|are due)\b/i;
