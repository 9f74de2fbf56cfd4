import { expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { createServerClock } from './server-clock.mjs';
// @ts-expect-error plain ESM script without types
import { runPool } from './pool.mjs';

it('lends the clock to one holder at a time and returns to real time', async () => {
  const clock = createServerClock();
  const seen: number[] = [];
  const hold = (time: number) =>
    clock.hold(async (setTime: (t: number) => void) => {
      setTime(time);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(clock.now());
    });
  await Promise.all([hold(1000), hold(2000), hold(3000)]);
  expect(seen).toEqual([1000, 2000, 3000]);
  expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  await expect(clock.hold(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  await hold(4000);
  expect(seen.at(-1)).toBe(4000);
});

it('runs a pool with at most `limit` tasks at once and reports the first failure', async () => {
  let running = 0;
  let most = 0;
  const workers = new Set<number>();
  await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (_: number, worker: number) => {
    workers.add(worker);
    most = Math.max(most, ++running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
  });
  expect(most).toBe(3);
  expect([...workers].sort()).toEqual([0, 1, 2]);
  await expect(
    runPool([1, 2, 3], 2, async (n: number) => {
      if (n === 2) throw new Error('visit 2 failed');
    }),
  ).rejects.toThrow('visit 2 failed');
});
