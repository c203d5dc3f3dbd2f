import { IDLE_VIEW, nextDerivedView } from '../../src/components/call-screen/derived-state';
import type { DerivedAction } from '../../src/components/call-screen/derived-state';
import { statusTextOf } from '../../src/components/call-screen/screen-state';
import type { CoreView } from '../../src/components/call-screen/screen-state';
import { zhCN } from '../../src/common/locale';

const run = (actions: DerivedAction[], from: CoreView = IDLE_VIEW) => actions.reduce(nextDerivedView, from);

test('a call on a core with only the documented surface: connecting → waiting → talking → ended', () => {
  const phases: string[] = [];
  let view = IDLE_VIEW;
  for (const action of [{ type: 'start', kind: 'video' }, { type: 'started' }, { type: 'accepted' }, { type: 'ended' }] as DerivedAction[]) {
    view = nextDerivedView(view, action);
    phases.push(view.phase);
  }
  expect(phases).toEqual(['starting', 'waiting', 'active', 'idle']);
  expect(run([{ type: 'start', kind: 'video' }, { type: 'started' }]).kind).toBe('video');
});

test('events out of order or repeated change nothing they should not', () => {
  // sessionStart and the start's resolution both say "started"; accepted may come before either.
  expect(run([{ type: 'start', kind: 'audio' }, { type: 'started' }, { type: 'started' }]).phase).toBe('waiting');
  expect(run([{ type: 'start', kind: 'audio' }, { type: 'accepted' }, { type: 'started' }]).phase).toBe('active');
  // Nothing happens from idle but a start; a second start during a call is ignored.
  for (const action of [{ type: 'started' }, { type: 'accepted' }, { type: 'hangUp' }, { type: 'ended' }, { type: 'startFailed' }] as DerivedAction[]) {
    expect(nextDerivedView(IDLE_VIEW, action)).toBe(IDLE_VIEW);
  }
  const talking = run([{ type: 'start', kind: 'audio' }, { type: 'accepted', seatName: '小王' }]);
  expect(nextDerivedView(talking, { type: 'start', kind: 'video' })).toBe(talking);
  // A failed start after the agent answered does not end the call.
  expect(nextDerivedView(talking, { type: 'startFailed' })).toBe(talking);
});

test('the agent\'s name only when it is a string; controls are remembered and reset by the next call', () => {
  expect(run([{ type: 'start', kind: 'audio' }, { type: 'accepted', seatName: 42 }]).seatName).toBe('');
  expect(run([{ type: 'start', kind: 'audio' }, { type: 'accepted', seatName: '小王' }]).seatName).toBe('小王');
  const controlled = run([{ type: 'start', kind: 'video' }, { type: 'muted', muted: true }, { type: 'soundMode', soundMode: 'ear' }, { type: 'camera', enabled: false }]);
  expect(controlled).toMatchObject({ muted: true, soundMode: 'ear', cameraEnabled: false });
  const next = run([{ type: 'hangUp' }, { type: 'ended' }, { type: 'start', kind: 'audio' }], controlled);
  expect(next).toMatchObject({ phase: 'starting', muted: false, soundMode: 'speaker', cameraEnabled: true });
});

test('status texts for what a core may leave out', () => {
  expect(statusTextOf({ phase: 'waiting' }, zhCN, null)).toBe('等待客服接听…');
  expect(statusTextOf({ phase: 'active' }, zhCN, null)).toBe('通话中');
  expect(statusTextOf({ phase: 'active', seatName: '小王' }, zhCN, null)).toBe('小王 为您服务');
  expect(statusTextOf({ phase: 'idle' }, zhCN, {})).toBe('通话已结束');
  expect(statusTextOf({ phase: 'idle' }, zhCN, { closeBy: 'seat' })).toBe('通话已结束');
  expect(statusTextOf({ phase: 'idle' }, zhCN, { closeBy: 'admin', reason: 'noSeatOnline' })).toBe('暂无客服在线，请稍后再试');
  expect(statusTextOf({ phase: 'idle' }, zhCN, { closeBy: 'admin', reason: 'somethingNew' })).toBe('通话异常结束');
  expect(statusTextOf({ phase: 'idle' }, zhCN, { closeBy: 'user', reason: 'noSeatOnline' })).toBe('通话已结束');
});
