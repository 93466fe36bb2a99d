import { describe, expect, it, vi } from "vitest";
import { sseResponse } from "./stream.ts";

describe("sseResponse", () => {
  it("leaves the stream alone once the reader cancelled, while the handler was still producing", async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    async function* events() {
      try {
        yield { event: "first", data: 1 };
        await released;
        yield { event: "second", data: 2 };
      } finally {
        finished = true;
      }
    }
    const onError = vi.fn(() => null);
    const response = sseResponse(events(), { signal: new AbortController().signal, onError });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("event: first");
    // The stream pulls the next event, which the handler is still producing; the client goes away meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
    await reader.cancel();
    release();
    await vi.waitFor(() => expect(finished).toBe(true));
    // Let the pull that was waiting for the handler run to its end.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(onError).not.toHaveBeenCalled();
  });
});
