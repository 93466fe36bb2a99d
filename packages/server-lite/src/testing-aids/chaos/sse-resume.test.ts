/**
 * A Server-Sent Events watcher across streams that seeded `"stream"` faults cut after one to three events: it
 * resumes each from its last event id, so every event arrives once, in order, through to the final one.
 */
import { SseTransport } from "@agentlane/sdk";
import { afterEach, expect, it } from "vitest";
import { Notes } from "../../../test/sample-platform/client.ts";
import { watchReplay } from "../../../test/sample-platform/replay-watch.ts";
import { notes } from "../../../test/sample-platform/server.ts";
import { createServer, type LiteServer } from "../../server.ts";

let server: LiteServer;
afterEach(() => server?.close());

it("delivers every event once, in order, across cut streams", async () => {
  server = await createServer({ definitions: [notes], platform: "notes" });
  const client = new Notes({
    baseUrl: "http://lite.test/v2",
    fetch: (input, init) => server.fetch(new Request(input, init)),
    apiKey: "key_rw",
  });
  const { id } = await client.notes.create({ text: "cut" });
  server.chaos.configure({ rate: 1, seed: 4, kinds: ["stream"], routes: ["POST /v2/notes/*/replay"] });
  const resumedAfter: (string | undefined)[] = [];
  const transport = new SseTransport({
    backoff: { minDelay: 1, maxDelay: 5 },
    final: (event) => event.event === "done",
    open: (channel, lastEventId, signal) => {
      resumedAfter.push(lastEventId);
      const after = lastEventId === undefined ? undefined : Number(lastEventId);
      return client.notes.replay({ id: channel, steps: 12, after }, { signal });
    },
  });
  expect(await watchReplay(transport, id)).toEqual([...Array.from({ length: 12 }, (_, i) => `step ${i + 1}`), "done"]);
  // Every connection was cut (rate 1), so it took several, each resumed where the last one stopped.
  expect(resumedAfter.length).toBeGreaterThanOrEqual(5);
  expect(resumedAfter[0]).toBeUndefined();
  expect(server.chaos.state().counts.stream).toBe(resumedAfter.length);
});
