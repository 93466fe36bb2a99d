import { afterEach, describe, expect, it, vi } from "vitest";
import { createWatcher } from "./channel-watcher.ts";
import { PollingTransport } from "./polling.ts";

const cleanups: Array<() => unknown> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe("PollingTransport", () => {
  it("turns reads into events, backs off after failures, and stops at a final event", async () => {
    const states = ["queued", "fail", "in_progress", "completed"];
    const poll = vi.fn(async (id: string) => {
      const state = states.shift();
      if (state === "fail") throw new Error("network down");
      return [{ event: state === "completed" ? "completed" : "update", data: { id, state } }];
    });
    const transport = new PollingTransport({
      poll,
      interval: 1,
      backoff: { minDelay: 1, maxDelay: 2 },
      final: (e) => e.event === "completed",
    });
    const watcher = createWatcher<{ update: { state: string }; completed: { state: string } }>({
      transport: () => transport,
      channels: ["task_1"],
    });
    cleanups.push(() => watcher.close());
    const errors: Error[] = [];
    watcher.on("error", (e) => errors.push(e));
    const seen: string[] = [];
    for await (const { event, data } of watcher) {
      seen.push(`${event}:${(data as { state: string }).state}`);
      if (event === "completed") break;
    }
    expect(seen).toEqual(["update:queued", "update:in_progress", "completed:completed"]);
    expect(errors.map((e) => e.message)).toEqual(["network down"]);
    // Nothing is read after the final event.
    const calls = poll.mock.calls.length;
    await new Promise((resolve) => setImmediate(resolve));
    expect(poll.mock.calls.length).toBe(calls);
  });

  it("ends a channel refused with a 4xx", async () => {
    const transport = new PollingTransport({
      poll: async () => {
        throw Object.assign(new Error("Not found"), { status: 404 });
      },
    });
    const watcher = createWatcher({ transport: () => transport, channels: ["gone"] });
    const ended = await watcher[Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(ended).toMatchObject({ status: 404 });
  });
});
