// A subscription's event queue: events in order, a consumer that returns ends it once, and a
// consumer that stops reading is ended with an error event saying why instead of growing memory.
import { expect, it } from 'vitest';
import { EventQueue } from '../../src/live/queue.js';

it('hands events over in order, to a waiting reader or from the queue', async () => {
  const q = new EventQueue<number>(() => undefined);
  const first = q.next();
  q.push(1);
  q.push(2);
  q.push(3);
  expect(await first).toEqual({ value: 1, done: false });
  expect(await q.next()).toEqual({ value: 2, done: false });
  q.end();
  expect(await q.next()).toEqual({ value: 3, done: false });
  expect(await q.next()).toEqual({ value: undefined, done: true });
});

it('tells its owner once when the reader goes away', async () => {
  let closed = 0;
  const q = new EventQueue<number>(() => closed++);
  const pending = q.next();
  await q.return();
  q.end();
  expect(await pending).toEqual({ value: undefined, done: true });
  expect(closed).toBe(1);
  expect(q.push(1)).toBe(false);
});

it('ends a stream whose reader fell too far behind, with a last event that says so', async () => {
  let closed = 0;
  const q = new EventQueue<string>(
    () => closed++,
    3,
    () => 'too slow',
  );
  for (const e of ['a', 'b', 'c', 'd', 'e']) q.push(e);
  const read: string[] = [];
  for await (const e of q) read.push(e);
  expect(read).toEqual(['a', 'b', 'c', 'too slow']);
  expect(closed).toBe(1);
});
