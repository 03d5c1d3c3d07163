import { describe, expect, it } from 'vitest';
import { isAbort, Turns } from '../../../lib/messaging/turns';

/** A promise and its resolve, to hold work at a point the test chooses. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Rejects with the signal's reason once it is aborted, as analyseTextInWindows does at its next pause. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

describe('turns (lib/messaging/turns.ts)', () => {
  it('runs one call at a time, in order, each after what was already waiting', async () => {
    const order: string[] = [];
    let running = 0;
    const turns = new Turns(async (_signal, name: string) => {
      running++;
      expect(running).toBe(1);
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      order.push(`end ${name}`);
      running--;
      return name;
    });
    const a = turns.run('1:0', 'a');
    const b = turns.run('2:0', 'b');
    queueMicrotask(() => order.push('a lookup answered'));
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(order).toEqual(['a lookup answered', 'start a', 'end a', 'start b', 'end b']);
  });

  it('a failing call fails alone', async () => {
    const turns = new Turns(async (_signal, fail: boolean) => {
      if (fail) throw new Error('kapot');
      return 'ok';
    });
    const failed = turns.run('1:0', true);
    const next = turns.run('2:0', false);
    await expect(failed).rejects.toThrow('kapot');
    await expect(next).resolves.toBe('ok');
  });

  it("drops an owner's waiting call when it asks again: the earlier one never starts", async () => {
    const started: string[] = [];
    const hold = gate();
    const turns = new Turns(async (_signal, name: string) => {
      started.push(name);
      if (name === 'other tab') await hold.opened;
      return name;
    });
    const other = turns.run('1:0', 'other tab');
    const first = turns.run('2:0', 'first page');
    const second = turns.run('2:0', 'page after reload');
    hold.open();
    await expect(first).rejects.toSatisfy(isAbort);
    await expect(first).rejects.toThrow('its page asked again');
    expect(await other).toBe('other tab');
    expect(await second).toBe('page after reload');
    expect(started).toEqual(['other tab', 'page after reload']);
  });

  it("stops an owner's running call when it asks again, through its signal", async () => {
    const running = gate();
    const turns = new Turns(async (signal, name: string) => {
      if (name === 'long') {
        running.open();
        return untilAborted(signal);
      }
      return name;
    });
    const long = turns.run('3:0', 'long');
    await running.opened;
    const again = turns.run('3:0', 'again');
    await expect(long).rejects.toSatisfy(isAbort);
    expect(await again).toBe('again');
  });

  it("cancels a closed tab's calls, in every frame, running or waiting, and no one else's", async () => {
    const started: string[] = [];
    const running = gate();
    const turns = new Turns(async (signal, name: string) => {
      started.push(name);
      if (name === 'tab 4, top') {
        running.open();
        return untilAborted(signal);
      }
      return name;
    });
    const top = turns.run('4:0', 'tab 4, top');
    const frame = turns.run('4:2', 'tab 4, frame');
    const tab40 = turns.run('40:0', 'tab 40');
    await running.opened;
    turns.cancel((owner) => owner.startsWith('4:'), 'its tab was closed');
    await expect(top).rejects.toThrow('its tab was closed');
    await expect(frame).rejects.toSatisfy(isAbort);
    expect(await tab40).toBe('tab 40');
    expect(started).toEqual(['tab 4, top', 'tab 40']);
  });

  it('never drops a call without an owner, and says while calls are unfinished', async () => {
    const turns = new Turns(async (_signal, name: string) => name);
    expect(turns.busy).toBe(false);
    const a = turns.run(undefined, 'a');
    const b = turns.run(undefined, 'b');
    turns.cancel(() => true, 'everything');
    expect(turns.busy).toBe(true);
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(turns.busy).toBe(false);
  });
});
