// The corrections schedule under a slow worker: a ruling made and undone while the tagger is
// still adapting to it must leave the tagger on what the annotations say at the end.
import { strict as assert } from 'node:assert';
import { makeTarget } from '../../../src/core/index/anchoring';
import type { Annotation, EntityIndex } from '../../../src/core/index/types';
import type { PreparedCorrections } from '../../../src/core/index/corrections';
import { CorrectionsScheduler } from '../../../src/extension/analysis/correctionsScheduler';
import type { WorkerClient } from '../../../src/extension/analysis/workerClient';
import { MemoryWorkspace } from './fakes';

const TEXT = 'The contract went to Marlow Aerospace, and Marlow Aerospace will build the jets.\n';

/** A worker whose adaptations take `ms` each, one at a time, like the real one. */
function slowWorker(ms: number): { worker: WorkerClient; adapted: string[] } {
  let key = '';
  const adapted: string[] = [];
  let busy = Promise.resolve();
  const worker = {
    get correctionsKey() {
      return key;
    },
    adaptTo(prepared: PreparedCorrections) {
      const run = busy.then(async () => {
        await new Promise((r) => setTimeout(r, ms));
        key = prepared.key;
        adapted.push(prepared.key);
        return { kind: 'corrected' as const, id: 1, key: prepared.key, origin: 'built' as const, ms };
      });
      busy = run.then(() => undefined);
      return run;
    },
  };
  return { worker: worker as unknown as WorkerClient, adapted };
}

describe('extension: the corrections schedule', () => {
  it('a ruling undone while the tagger adapts to it leaves the shipped tagger', async () => {
    const ws = new MemoryWorkspace({ 'seen.txt': TEXT });
    const start = TEXT.indexOf('Marlow Aerospace');
    const ruling: Annotation = {
      id: 'urn:test:1', kind: 'relabel', author: 'Tester', created: '2026-01-01T00:00:00.000Z',
      target: makeTarget('seen.txt', TEXT, start, start + 'Marlow Aerospace'.length), body: { type: 'ORG' },
    };
    let annotations: Annotation[] = [ruling];
    const index = { readOnly: true, annotations: () => annotations } as unknown as EntityIndex;
    const { worker, adapted } = slowWorker(50);
    let changes = 0;
    const scheduler = new CorrectionsScheduler({ index: async () => index, port: () => ws, changed: async () => void changes++ }, worker, { info: () => {}, warn: () => {} });
    try {
      scheduler.schedule(0);
      await new Promise((r) => setTimeout(r, 20)); // the adaptation to the ruling is under way
      annotations = [];
      scheduler.schedule(0);
      for (let i = 0; i < 100 && adapted.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(adapted.length, 2, 'the undo is followed too');
      assert.equal(worker.correctionsKey, '', 'the tagger is back to the shipped model');
      assert.equal(changes, 2, 'each change of tagger re-analyses');
    } finally {
      scheduler.dispose();
    }
  });
});
