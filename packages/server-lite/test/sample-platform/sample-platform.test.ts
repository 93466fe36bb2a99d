/**
 * The core's seams, proven by a platform that shares nothing with ClaudeNest but the core: an API-key scheme with
 * permissions, a list under a named key with a cursor, errors inside HTTP 200 (typed and retried by the status
 * their code stands for), a multipart upload and a stream of Server-Sent Events, resumed by a watcher after it
 * drops. None of it needed a line of core code.
 */
import {
  AuthenticationError,
  ConflictError,
  isAPIError,
  NotFoundError,
  PermissionDeniedError,
  SseTransport,
} from "@agentlane/sdk";
import { createServer, type LiteServer } from "@agentlane/server-lite";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Notes, type NotesOptions } from "./client.ts";
import { watchReplay } from "./replay-watch.ts";
import { notes as definition } from "./server.ts";

let server: LiteServer;
beforeEach(async () => {
  server = await createServer({ definitions: [definition], platform: "notes" });
});
afterEach(() => server.close());

const client = (options: Partial<NotesOptions> = {}) =>
  new Notes({
    baseUrl: "http://lite.test/v2",
    fetch: (input, init) => server.fetch(new Request(input, init)),
    retry: { limit: 3, baseDelay: 0 },
    apiKey: "key_rw",
    ...options,
  });

describe("a platform defined outside the core", () => {
  it("sends its API key in its own header and answers permission errors by their code", async () => {
    const notes = client();
    await expect(notes.notes.create({ text: "one" })).resolves.toMatchObject({ id: "n1", text: "one" });
    const reader = client({ apiKey: "key_r" });
    const refused = await reader.notes.create({ text: "two" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermissionDeniedError);
    expect(refused).toMatchObject({ status: 403, httpStatus: 200, code: "40300" });
    const anonymous = client({ apiKey: undefined });
    await expect(anonymous.notes.list()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("types an error inside HTTP 200 by the status its code stands for, without retrying a 4xx", async () => {
    const notes = client();
    await notes.notes.create({ text: "same" });
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init)));
    const duplicate = await client({ fetch })
      .notes.create({ text: "same" }, { idempotencyKey: true })
      .catch((e) => e);
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect(fetch).toHaveBeenCalledTimes(1);
    const missing = await notes.notes.attach({ id: "nope", file: new File(["x"], "x.txt") }).catch((e) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
  });

  it("retries an error inside HTTP 200 whose code is a 5xx, like any server fault", async () => {
    await expect(client().notes.flaky()).resolves.toEqual({ calls: 3 });
    await server.close();
    server = await createServer({ definitions: [definition], platform: "notes" });
    const error = await client({ retry: 0 })
      .notes.flaky()
      .catch((e: unknown) => e);
    expect(isAPIError(error) && error.status).toBe(503);
  });

  it("iterates a list kept under a named key, following the platform's cursor", async () => {
    const notes = client();
    for (const text of ["a", "b", "c", "d", "e"]) await notes.notes.create({ text });
    const first = await notes.notes.list();
    expect(first.notes.map((n) => n.text)).toEqual(["a", "b"]);
    expect(first.next_cursor).toBe("n2");
    const all: string[] = [];
    for await (const note of notes.notes.list({ limit: 2 })) all.push(note.text);
    expect(all).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("uploads multipart form data with a file", async () => {
    const notes = client();
    const { id } = await notes.notes.create({ text: "with a file" });
    const note = await notes.notes.attach({ id, file: new File(["hello"], "hello.txt"), label: "greeting" });
    expect(note.files).toEqual(["greeting:5"]);
  });

  it("streams Server-Sent Events on the same request path, typed by the contract", async () => {
    const notes = client();
    const { id } = await notes.notes.create({ text: "stream" });
    const events = [];
    for await (const event of notes.notes.replay({ id, steps: 3 })) events.push(event);
    expect(events).toEqual([
      { event: "progress", data: { step: 1 }, id: "1" },
      { event: "progress", data: { step: 2 }, id: "2" },
      { event: "progress", data: { step: 3 }, id: "3" },
      { event: "done", data: { steps: 3 }, id: undefined },
    ]);
    const refused = notes.notes.replay({ id: "nope", steps: 1 });
    await expect(refused[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("resumes a dropped stream from its last event id through a watcher", async () => {
    const notes = client();
    const { id } = await notes.notes.create({ text: "resume" });
    const afters: (number | undefined)[] = [];
    let opened = 0;
    const transport = new SseTransport({
      backoff: { minDelay: 1, maxDelay: 5 },
      final: (event) => event.event === "done",
      open: async function* (channel, lastEventId, signal) {
        const after = lastEventId === undefined ? undefined : Number(lastEventId);
        afters.push(after);
        const stream = notes.notes.replay({ id: channel, steps: 4, after }, { signal });
        let seen = 0;
        for await (const event of stream) {
          yield event;
          // The first connection drops after two events.
          if (++opened && afters.length === 1 && ++seen === 2) return;
        }
      },
    });
    expect(await watchReplay(transport, id)).toEqual(["step 1", "step 2", "step 3", "step 4", "done"]);
    expect(afters).toEqual([undefined, 2]);
  });

  it("ends a live stream at once when the key that opened it is revoked", async () => {
    const reader = client({ apiKey: "key_r" });
    const stream = reader.notes.follow()[Symbol.asyncIterator]();
    expect((await stream.next()).value).toMatchObject({ event: "hello" });
    const next = stream.next();
    await client().notes.revokeKey({ key: "key_r" });
    expect(await next).toMatchObject({ done: true });
    await expect(reader.notes.list()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
