import { describe, expect, it, vi } from "vitest";
import { JsonEvent } from "./json-event.ts";
import { sseFrame, sseResponse } from "./stream.ts";

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

describe("sseResponse's chunks", () => {
  const text = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);
  const names = (chunk: Uint8Array | undefined) => [...text(chunk).matchAll(/^event: (.+)$/gm)].map((m) => m[1]);

  it("sends the first event alone, then a burst of ready events as one chunk", async () => {
    async function* events() {
      for (const name of ["a", "b", "c", "d"]) yield { event: name, data: { name } };
    }
    const reader = sseResponse(events(), {
      signal: new AbortController().signal,
      onError: () => null,
    }).body!.getReader();
    expect(names((await reader.read()).value)).toEqual(["a"]);
    expect(names((await reader.read()).value)).toEqual(["b", "c", "d"]);
    expect((await reader.read()).done).toBe(true);
  });

  it("does not hold a ready event back while the handler waits for the next one", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* events() {
      yield { event: "a", data: 1 };
      yield { event: "b", data: 2 };
      await gate;
      yield { event: "c", data: 3 };
    }
    const reader = sseResponse(events(), {
      signal: new AbortController().signal,
      onError: () => null,
    }).body!.getReader();
    expect(names((await reader.read()).value)).toEqual(["a"]);
    // "b" arrives while "c" is still waiting on the gate.
    expect(names((await reader.read()).value)).toEqual(["b"]);
    release();
    expect(names((await reader.read()).value)).toEqual(["c"]);
    expect((await reader.read()).done).toBe(true);
  });

  it("sends the events produced before a failure, then the error event", async () => {
    async function* events() {
      yield { event: "a", data: 1 };
      yield { event: "b", data: 2 };
      yield { event: "c", data: 3 };
      throw new Error("the handler broke");
    }
    const reader = sseResponse(events(), {
      signal: new AbortController().signal,
      onError: () => ({ code: "X" }),
    }).body!.getReader();
    let all = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) all += text(chunk.value);
    expect([...all.matchAll(/^event: (.+)$/gm)].map((m) => m[1])).toEqual(["a", "b", "c", "error"]);
    expect(all).toContain('data: {"code":"X"}');
  });
});

describe("sseFrame", () => {
  it("writes an event's name, id and data as JSON, one frame", () => {
    expect(sseFrame({ event: "step", data: { id: "s-1", ok: true }, id: "e-3" })).toBe(
      'event: step\nid: e-3\ndata: {"id":"s-1","ok":true}\n\n',
    );
    expect(sseFrame({ event: "ping", data: undefined })).toBe("event: ping\ndata: \n\n");
  });

  it("splits data with line breaks over `data:` lines", () => {
    const event = new JsonEvent("note", '{\n  "a": 1\n}');
    expect(sseFrame(event)).toBe('event: note\ndata: {\ndata:   "a": 1\ndata: }\n\n');
  });

  it("frames a JsonEvent's stored text as is, the same bytes as the event it was stored from", () => {
    const data = { event_id: "e-1", text: 'line\nbreak, 引号 "quoted"', n: [1, 2.5, null] };
    const stored = new JsonEvent("message", JSON.stringify(data), "e-1");
    expect(sseFrame(stored)).toBe(sseFrame({ event: "message", data, id: "e-1" }));
    // Whoever reads its data gets it parsed.
    expect(stored.data).toEqual(data);
    expect(stored.data).toBe(stored.data);
  });
});
