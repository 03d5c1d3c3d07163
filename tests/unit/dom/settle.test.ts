// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Fights } from '../../../lib/page/fights';
import { settler } from '../../../lib/page/settle';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(taskMs = 0) {
  const runs: number[] = [];
  const settle = settler(
    async () => {
      runs.push(Date.now());
      if (taskMs) await new Promise((r) => setTimeout(r, taskMs));
    },
    {
      quietMs: 150,
      maxWaitMs: 1_000,
      setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      now: () => Date.now(),
    },
  );
  return { settle, runs, t0: Date.now() };
}

describe('the debounce', () => {
  it('runs once, a quiet period after the last change', async () => {
    const { settle, runs, t0 } = setup();
    for (let i = 0; i < 5; i++) {
      settle.poke();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([t0 + 400 + 150]);
  });

  it('runs at the latest the longest wait after the first change, however busy the page', async () => {
    const { settle, runs, t0 } = setup();
    for (let i = 0; i < 30; i++) {
      settle.poke();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs[0]).toBe(t0 + 1_000);
  });

  it('runs one at a time: changes during a run get a run after it', async () => {
    const { settle, runs, t0 } = setup(500);
    settle.poke();
    await vi.advanceTimersByTimeAsync(200);
    settle.poke();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toEqual([t0 + 150, t0 + 650 + 150]);
  });
});

describe('fights', () => {
  const el = () => document.createElement('p');
  it('leaves an element alone after the limit of strikes, a root only after more', () => {
    const fights = new Fights({
      now: () => 0,
      windowMs: 2_000,
      limit: 3,
      rootLimit: 10,
      isRoot: (e) => e.id === 'root',
    });
    const widget = el();
    const root = el();
    root.id = 'root';
    for (let i = 0; i < 3; i++) {
      expect(fights.isLeftAlone(widget)).toBe(false);
      fights.strike(widget);
      fights.strike(root);
    }
    expect(fights.isLeftAlone(widget)).toBe(true);
    expect(fights.isLeftAlone(root)).toBe(false);
    for (let i = 3; i < 10; i++) fights.strike(root);
    expect(fights.isLeftAlone(root)).toBe(true);
  });

  it('counts only links taken away soon after they went in', () => {
    let now = 0;
    const fights = new Fights({ now: () => now, windowMs: 2_000, limit: 3, rootLimit: 10, isRoot: () => false });
    now = 1_999;
    expect(fights.isYoung(0)).toBe(true);
    now = 2_000;
    expect(fights.isYoung(0)).toBe(false);
  });
});
