/**
 * @module
 * Test helper: runs a promise to completion on vitest's fake clock.
 */
import { vi } from "vitest";

/**
 * Resolves with the promise's outcome instead of throwing. Before each step of the fake clock, real
 * macrotasks run (`setImmediate` is not faked) so that every response has been read and every delay
 * scheduled: the clock never jumps ahead of work still in flight. Gives up after `maxSteps` timers.
 */
export async function settle<T>(promise: Promise<T>, maxSteps = 1000): Promise<{ value?: T; error?: unknown }> {
  let done = false;
  const outcome = promise
    .then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    )
    .finally(() => {
      done = true;
    });
  for (let step = 0; step < maxSteps && !done; step++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!done) await vi.advanceTimersToNextTimerAsync();
  }
  return outcome;
}
