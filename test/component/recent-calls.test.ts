import type { StateSnapshot } from '../../server/src/contract';
import {
  act,
  issue,
  SERVICE,
  startQueueFixture,
  vietnamTime,
  type QueueFixture,
} from '../support/queue-helpers';
import { RecordingSocket } from '../support/socket-client';
import { ManualClock } from '../support/test-server';

const COUNTER_1 = 1;

describe('recent calls', () => {
  let f: QueueFixture;
  const sockets: RecordingSocket[] = [];

  beforeEach(async () => {
    f = await startQueueFixture(new ManualClock(vietnamTime('2026-11-27', '16:00')));
    await f.admin.post(`/api/counters/${COUNTER_1}/sign-in`);
  });

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await f.server.stop();
  });

  async function calledNumbers(): Promise<string[]> {
    const state = await f.anonymous.get<StateSnapshot>('/api/state');
    return state.body.recentCalls.map((call) => call.number);
  }

  async function snapshotCalls(): Promise<string[]> {
    const screen = new RecordingSocket(f.server.url, []);
    sockets.push(screen);
    await screen.waitFor(() => screen.snapshots.length > 0);
    return screen.snapshots[0]?.recentCalls.map((call) => call.number) ?? [];
  }

  async function callOne(): Promise<string> {
    await issue(f.anonymous, SERVICE.DKKD);
    return (await act(f.admin, COUNTER_1, 'call-next')).ticket.number;
  }

  test('keep the day’s calls until midnight in the centre’s zone', async () => {
    const first = await callOne();

    f.clock.set(vietnamTime('2026-11-27', '23:59'));

    expect(await calledNumbers()).toEqual([first]);
    expect(await snapshotCalls()).toEqual([first]);
  });

  test('start the next service day empty, in GET /api/state and in the snapshot', async () => {
    await callOne();
    await act(f.admin, COUNTER_1, 'start');

    f.clock.set(vietnamTime('2026-11-28', '07:30'));

    expect(await calledNumbers()).toEqual([]);
    expect(await snapshotCalls()).toEqual([]);
  });

  test('show only the new day’s calls once the new day calls', async () => {
    await callOne();
    await act(f.admin, COUNTER_1, 'start');
    f.clock.set(vietnamTime('2026-11-28', '07:30'));
    await f.admin.login(f.server.adminUsername, f.server.adminPassword);
    await f.admin.post(`/api/counters/${COUNTER_1}/sign-in`);

    const today = await callOne();

    expect(await calledNumbers()).toEqual([today]);
  });
});
