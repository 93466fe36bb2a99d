/**
 * @module
 * Test support: what a watcher over the sample platform's replay stream saw, as `step N` lines and `done`, for
 * the tests that drop or cut that stream.
 */
import { createWatcher, type LiveTransport } from "@agentlane/sdk";

/** Follows the replay of note `id` through `transport` until its `done` event; answers what arrived, in order. */
export async function watchReplay(transport: LiveTransport, id: string): Promise<string[]> {
  const watcher = createWatcher<{ progress: { step: number }; done: { steps: number } }>({
    transport: () => transport,
    channels: [id],
  });
  const seen: string[] = [];
  for await (const { event, data } of watcher) {
    seen.push(event === "progress" ? `step ${(data as { step: number }).step}` : "done");
    if (event === "done") watcher.close();
  }
  return seen;
}
