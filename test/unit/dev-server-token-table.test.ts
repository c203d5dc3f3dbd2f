/**
 * The login table when it is full (issue 24, N6): logins from many addresses push out the tokens of the
 * address that holds the most, never the one token of a bystander.
 */
import { TokenTable } from '../../dev-server/token-table';

const holder = (address: string, expiresAt = 1000) => ({ userId: `user-${address}`, sdkAppId: '1', expiresAt, address });

test('a full table loses the oldest token of the address holding the most, so floods from four addresses never evict a bystander', () => {
  const table = new TokenTable(10, 5);
  table.add('victim', holder('127.0.0.9'), 0);
  let n = 0;
  for (let round = 0; round < 50; round += 1) {
    for (const address of ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5']) table.add(`t${n++}`, holder(address), 0);
  }
  expect(table.size).toBe(10);
  expect(table.get('victim', 0)).toEqual(holder('127.0.0.9'));
  // The flooders share the rest: none holds more than one token over another.
  const held = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'].map((address) => Array.from({ length: n }, (_, i) => `t${i}`).filter((t) => table.get(t, 0) !== undefined && (table.get(t, 0) as { address: string }).address === address).length);
  expect(held.reduce((a, b) => a + b)).toBe(9);
  expect(Math.max(...held) - Math.min(...held)).toBeLessThanOrEqual(1);
  // The newest tokens are the ones kept.
  expect(table.get(`t${n - 1}`, 0)).toBeDefined();
  expect(table.get('t0', 0)).toBeUndefined();
});

test('one address: its own oldest goes past its share; expired tokens go first and are reported as expired', () => {
  const table = new TokenTable(100, 3);
  for (let i = 0; i < 5; i += 1) table.add(`a${i}`, holder('10.0.0.1'), 0);
  expect(['a0', 'a1', 'a2', 'a3', 'a4'].map((t) => table.get(t, 0) !== undefined)).toEqual([false, false, true, true, true]);
  table.add('b0', holder('10.0.0.2', 10), 0);
  expect(table.get('b0', 20)).toBe('expired');
  expect(table.get('b0', 20)).toBeUndefined();
  table.add('c0', holder('10.0.0.3', 5000), 2000);
  expect(table.size).toBe(1);
});

test('when every address holds as many, the table evicts from the one that reached that count first', () => {
  const table = new TokenTable(4, 10);
  for (const [token, address] of [['x1', 'x'], ['y1', 'y'], ['x2', 'x'], ['y2', 'y']]) table.add(token, holder(address), 0);
  table.add('z1', holder('z'), 0);
  expect(table.get('x1', 0)).toBeUndefined();
  expect(['y1', 'x2', 'y2', 'z1'].every((t) => table.get(t, 0) !== undefined)).toBe(true);
  table.add('z2', holder('z'), 0);
  expect(table.get('y1', 0)).toBeUndefined();
});
