// Live collaboration: LISTEN/NOTIFY carries one client's annotation to another client's index
// without a reload by hand, and the listener reconnects after the server drops its connection.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { openServerIndex, type TeamIndex } from '../../src/cli/teamIndex';
import { TeamListener, type ListenerState } from '../../src/core/index/pg/listener';
import type { Annotation, EntityIndex } from '../../src/core/index/types';
import { cli, corpus, freshDatabase, query } from './db';

/** Resolves when `index` holds annotation `id` (after the listener made it reload). */
function arrives(index: EntityIndex, id: string): Promise<void> {
  return new Promise((resolve) => {
    if (index.annotations().some((a) => a.id === id)) return resolve();
    const sub = index.onDidChange(() => {
      if (!index.annotations().some((a) => a.id === id)) return;
      sub.dispose();
      resolve();
    });
  });
}

describe('team index: live updates across two clients (LISTEN/NOTIFY)', () => {
  let url: string;
  let dir: string;
  let alice: TeamIndex;
  let bob: TeamIndex;
  let listener: TeamListener;
  const states: ListenerState[] = [];
  let onState: (s: ListenerState) => void = () => undefined;
  const reached = (want: ListenerState) => new Promise<void>((resolve) => {
    onState = (s) => s === want && resolve();
  });

  before(async () => {
    url = await freshDatabase();
    dir = corpus();
    assert.equal((await cli(['index', dir, '--db', url])).code, 0);
    alice = await openServerIndex(url, { author: 'alice' });
    bob = await openServerIndex(url, { author: 'bob' });
    await Promise.all([alice.index.scan(), bob.index.scan()]);
    const connected = reached('connected');
    listener = new TeamListener({
      url, project: 'default',
      onChange: (tables) => void (tables.has('annotations') && bob.index.reload()),
      onState: (s) => {
        states.push(s);
        onState(s);
      },
    });
    listener.start();
    await connected;
  });
  after(async () => {
    await listener.dispose();
    await alice.close();
    await bob.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const note = async (text: string): Promise<Annotation> => {
    const e = alice.index.entities().find((x) => x.type === 'PERSON') ?? alice.index.entities()[0];
    const a = await alice.index.annotate({ kind: 'note', entity: e.id, note: text });
    await alice.index.flush();
    return a;
  };

  it('an annotation made by one client arrives in the other\'s index, with its author', async () => {
    const a = await note('seen by bob?');
    await arrives(bob.index, a.id);
    const entity = bob.index.getEntity(a.body.entity as string);
    assert.ok(entity?.notes?.some((n) => n.text === 'seen by bob?' && n.author === 'alice'));
  });

  it('after the server drops the listening connection, it reconnects and updates keep arriving', async () => {
    const back = reached('connected');
    await query(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN dossier_changes'");
    await back;
    assert.ok(states.includes('reconnecting'));
    const a = await note('after the reconnect');
    await arrives(bob.index, a.id);
  });
});
