// Small readers over an Analysis so test tables can say what a user sees: "Paris" is a PLACE.
import * as assert from 'node:assert/strict';
import type { Analysis, AnalyzeOptions, EntityType, Mention } from '../../../src/core/model';
import { analyze } from '../../../src/core/engine/index';

export function found(a: Analysis, type?: EntityType): string[] {
  return a.mentions.filter((m) => !type || m.type === type).map((m) => m.text);
}

export function typed(a: Analysis): string[] {
  return a.mentions.map((m) => `${m.type}:${m.text}`);
}

export function entityOf(a: Analysis, text: string): string | undefined {
  return a.mentions.find((m) => m.text === text)?.entity;
}

export function valueOf(a: Analysis, text: string): string | undefined {
  const m = a.mentions.find((x) => x.text === text && x.type === 'DATE');
  return m ? a.entities.find((e) => e.id === m.entity)?.value : undefined;
}

/** The invariants every analysis must keep, whatever the input. */
export function assertWellFormed(text: string, a: Analysis): void {
  let prev: Mention | undefined;
  for (const m of a.mentions) {
    assert.equal(text.slice(m.start, m.end), m.text, `span text of ${JSON.stringify(m)}`);
    assert.ok(m.end > m.start, 'non-empty span');
    if (prev) assert.ok(m.start >= prev.end, `sorted and non-overlapping at ${m.start}`);
    assert.ok(a.entities.some((e) => e.id === m.entity), `entity ${m.entity} exists`);
    prev = m;
  }
}

/** One `it` per [name, text, expected "TYPE:text" mentions] row: well-formed spans, then the mentions. */
export function itFindsTyped(cases: [string, string, string[]][], options: AnalyzeOptions = {}): void {
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const a = analyze(text, options);
      assertWellFormed(text, a);
      assert.deepEqual(typed(a), expected);
    });
  }
}
