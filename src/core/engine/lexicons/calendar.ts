// Month, weekday and number words for the date grammar.
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
/** Cues that a bare weekday points forward ("will meet on Friday"). */
export const FUTURE_CUES = /\b(will|shall|'ll|going to|scheduled|due to|expects?|expected|forecasts?|plans? to|planned|next|upcoming)\b/i;
