import { readEvents } from "@agentlane/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActusWorld, actusWorld, BASE_URL } from "../testing/harness.ts";

let w: ActusWorld;
beforeAll(async () => {
  w = await actusWorld();
});
afterAll(() => w.server.close());

const STEPS = 40;
const MESSAGE = Array.from({ length: STEPS }, (_, i) => `> notes/${i}.txt: line ${i}`).join("\n");

/** A chat request's answer, straight from the server: its body read chunk by chunk. */
async function chat(sessionId: string, body: Record<string, unknown>): Promise<Response> {
  return w.server.fetch(
    new Request(`${BASE_URL}/sessions/${sessionId}/chat`, {
      method: "POST",
      headers: { authorization: `Bearer ${w.alice.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

async function chunksOf(response: Response): Promise<string[]> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of response.body!) chunks.push(decoder.decode(chunk as Uint8Array));
  return chunks;
}

/** The SSE frames of a text, each with its `id` and `data` line. */
const framesOf = (text: string) =>
  text
    .split("\n\n")
    .filter(Boolean)
    .map((frame) => ({
      frame,
      id: /^id: (.*)$/m.exec(frame)?.[1],
      data: /^data: (.*)$/m.exec(frame)?.[1],
    }));

describe("a chat turn's stream", () => {
  it("sends each event's data as it was stored, in the order of the log, live and replayed", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    const live = framesOf((await chunksOf(await chat(session_id, { message: MESSAGE }))).join(""));
    const replayed = framesOf((await chunksOf(await chat(session_id, {}))).join(""));
    const { events } = await w.alice.actus.sessions.get({ session_id });
    expect(live).toHaveLength(3 + 4 * STEPS + 2);
    expect(live.map((f) => f.data)).toEqual(events.map((e) => JSON.stringify(e.data)));
    expect(live.map((f) => f.id)).toEqual(events.map((e) => e.data.event_id));
    expect(replayed.map((f) => f.frame)).toEqual(live.map((f) => f.frame));
    expect(live.at(-1)?.frame).toMatch(/^event: done$/m);
  });

  it("replays a stored turn as a burst: the first event alone, then the rest in few chunks, in order", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    await chunksOf(await chat(session_id, { message: MESSAGE }));
    const chunks = await chunksOf(await chat(session_id, {}));
    expect(framesOf(chunks[0]!)).toHaveLength(1);
    // The whole log was stored when the replay began: it goes out coalesced, not a chunk per event.
    expect(chunks.length).toBeLessThan(10);
    const ids = framesOf(chunks.join("")).map((f) => f.id!);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("resumes after a connection cut in the middle of a burst, missing and repeating nothing", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    await chunksOf(await chat(session_id, { message: MESSAGE }));
    const whole = framesOf((await chunksOf(await chat(session_id, {}))).join(""));

    // Read the replay up to the middle of its burst, then go away.
    const reader = (await chat(session_id, {})).body!.getReader();
    let text = "";
    while (framesOf(text).length < whole.length / 2) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    // The frame cut in half (if any) was never received: resume after the last whole one.
    const received = framesOf(text.slice(0, text.lastIndexOf("\n\n") + 2));
    const cut = Math.floor(whole.length / 2);
    const before = received.slice(0, cut);
    const after = [];
    for await (const e of readEvents((await chat(session_id, { event_id: before.at(-1)!.id })).body!)) after.push(e);

    expect([...before.map((f) => f.id), ...after.map((e) => e.id)]).toEqual(whole.map((f) => f.id));
    expect(after.at(-1)?.event).toBe("done");
  });
});
