// A date expression as written, resolved to a TIMEX3 value only in the document pass.

/** TIMEX3 part-of-day codes: "Friday morning" = 2010-07-16TMO. */
export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

export type DateExpr =
  /** `direction`: "last May" is the latest May before the document date, "next May" the first after. */
  | { kind: 'absolute'; year?: number; month?: number; day?: number; yearFromContext?: boolean; future?: boolean; yearOffset?: number; direction?: 'last' | 'next' }
  | { kind: 'weekday'; dow: number; modifier: 'last' | 'next' | 'this' | 'none'; part?: PartOfDay }
  | { kind: 'relDay'; offset: number; part?: PartOfDay }
  | { kind: 'relUnit'; unit: 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'fiscalYear'; offset: number }
  | { kind: 'duration'; value: string }
  | { kind: 'decade'; value: string }
  /** A value fully given by the words ("fiscal 2009" = FY2009). */
  | { kind: 'fixed'; value: string }
  /**
   * Relative to the previous date in the text ("Weeks later", "a year earlier", "the same day"); n null = vague.
   * `samePeriod`: the previous date's own period, shifted ("the same month a year ago").
   */
  | { kind: 'anchored'; unit: 'day' | 'week' | 'month' | 'year'; n: number | null; sign: 1 | -1; samePeriod?: boolean }
  /** A part of a year: quarters (Q3), halves (H1), seasons (SU); the year written, or from the document. */
  | { kind: 'yearPart'; code: string; year?: number; yearOffset?: number; future?: boolean }
  /** "the last week of March": n = 1..4 from the start, -1 for the last. */
  | { kind: 'monthWeek'; month: number; n: number; year?: number; future?: boolean }
  | { kind: 'time'; hour: number; minute: number; utc: boolean; day: DateExpr | null }
  /** A holiday ("Thanksgiving", "Christmas Eve"), by its key in the holiday table; the year written or the nearest. */
  | { kind: 'holiday'; name: string; year?: number; future?: boolean }
  /** A part of the day a date names ("the morning of March 3", "that night"): the part is kept only on a day value. */
  | { kind: 'withPart'; date: DateExpr; part: PartOfDay };
