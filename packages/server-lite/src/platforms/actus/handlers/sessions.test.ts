import { ConflictError, NotFoundError, PermissionDeniedError } from "@agentlane/sdk";
import type { ChatEvent } from "@agentlane/sdk/actus";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActusWorld, actusWorld, errorOf } from "../testing/harness.ts";

let w: ActusWorld;
beforeAll(async () => {
  w = await actusWorld();
});
afterAll(() => w.server.close());

async function collect(stream: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for await (const e of stream) events.push(e);
  return events;
}

describe("sessions", () => {
  it("creates, lists and shows a session", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    const { sessions } = await w.alice.actus.sessions.list();
    expect(sessions.find((s) => s.session_id === session_id)).toMatchObject({
      title: "",
      status: "pending",
      latest_message: "",
      latest_message_at: null,
      unread_message_count: 0,
    });
    const detail = await w.alice.actus.sessions.get({ session_id });
    expect(detail).toEqual({ session_id, title: "", status: "pending", events: [] });
  });

  it("streams a chat turn in order and ends with done", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    const events = await collect(
      w.alice.actus.sessions.chat({
        session_id,
        message: "List things\n$ echo hello\n> notes.txt: 你好\n$ cat notes.txt",
      }),
    );
    expect(events.map((e) => e.event)).toEqual([
      "message",
      "title",
      "plan",
      ...["step", "tool", "tool", "step"],
      ...["step", "tool", "tool", "step"],
      ...["step", "tool", "tool", "step"],
      "message",
      "done",
    ]);
    expect(events.every((e) => e.id === e.data.event_id)).toBe(true);
    const tools = events.filter((e) => e.event === "tool" && e.data.status === "called");
    expect(tools.map((e) => (e.data as { content: { output?: string } }).content.output)).toEqual([
      "hello\n",
      undefined,
      "你好\n",
    ]);
    const answer = events.at(-2);
    expect(answer?.event === "message" && answer.data.role).toBe("assistant");
    const detail = await w.alice.actus.sessions.get({ session_id });
    expect(detail.title).toBe("List things");
    expect(detail.status).toBe("completed");
    expect(detail.events.map((e) => e.event)).toEqual(events.map((e) => e.event));
    const item = (await w.alice.actus.sessions.list()).sessions.find((s) => s.session_id === session_id);
    expect(item?.unread_message_count).toBe(1);
    expect(item?.latest_message).toMatch(/Ran 3 step/);
    await w.alice.actus.sessions.clearUnread({ session_id });
    expect(
      (await w.alice.actus.sessions.list()).sessions.find((s) => s.session_id === session_id)?.unread_message_count,
    ).toBe(0);
  });

  it("keeps the sandbox: files, file read and shell output", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    await collect(w.alice.actus.sessions.chat({ session_id, message: "> out/report.md: # Report\n$ ls out" }));
    const { files } = await w.alice.actus.sessions.files({ session_id });
    expect(files).toEqual([
      expect.objectContaining({
        filename: "report.md",
        filepath: "/home/ubuntu/out/report.md",
        extension: "md",
        size: 9,
      }),
    ]);
    const read = await w.alice.actus.sessions.readFile({ session_id, filepath: "/home/ubuntu/out/report.md" });
    expect(read.content).toBe("# Report\n");
    const outside = await errorOf(w.alice.actus.sessions.readFile({ session_id, filepath: "/etc/passwd" }));
    expect(outside.status).toBe(400);
    const shell = await w.alice.actus.sessions.shell({ id: session_id, session_id: "main" });
    expect(shell.console).toEqual([{ ps1: expect.any(String), command: "ls out", output: "report.md\n" }]);
    const missing = await errorOf(w.alice.actus.sessions.shell({ id: session_id, session_id: "other" }));
    expect(missing).toBeInstanceOf(NotFoundError);
    // The session's files download like uploads.
    const download = await w.alice.actus.files.download({ file_id: files[0]!.id });
    expect(new TextDecoder().decode(download.data)).toBe("# Report\n");
  });

  it("refuses commands outside the allow-list as failed steps", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    const events = await collect(
      w.alice.actus.sessions.chat({ session_id, message: "$ rm -rf x\n$ cat ../../etc/passwd" }),
    );
    const steps = events.filter((e) => e.event === "step" && e.data.status !== "running");
    expect(steps.map((e) => (e.data as { status: string }).status)).toEqual(["failed", "failed"]);
    expect(events.at(-1)?.event).toBe("done");
  });

  it("ends a turn with wait on a question, and continues on the next message", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    const first = await collect(w.alice.actus.sessions.chat({ session_id, message: "? Which folder?" }));
    expect(first.at(-1)).toMatchObject({ event: "wait", data: { question: "Which folder?" } });
    expect((await w.alice.actus.sessions.get({ session_id })).status).toBe("waiting");
    const second = await collect(w.alice.actus.sessions.chat({ session_id, message: "$ pwd" }));
    expect(second[0]).toMatchObject({ event: "message", data: { role: "user", message: "$ pwd" } });
    expect(second.map((e) => e.event)).not.toContain("title");
    expect(second.at(-1)?.event).toBe("done");
  });

  it("resumes after an event id without repeating or losing events", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    const all = await collect(w.alice.actus.sessions.chat({ session_id, message: "$ echo a\n$ echo b" }));
    const cut = 4;
    const rest = await collect(w.alice.actus.sessions.chat({ session_id, event_id: all[cut - 1]!.id! }));
    expect(rest.map((e) => e.id)).toEqual(all.slice(cut).map((e) => e.id));
    const unknown = await errorOf(collect(w.alice.actus.sessions.chat({ session_id, event_id: "nope" })));
    expect(unknown).toBeInstanceOf(NotFoundError);
  });

  it("the watcher resumes a turn after the connection drops", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    const seenRequests: string[] = [];
    let dropped = false;
    const { clientFor } = await import("../testing/harness.ts");
    const actus = clientFor(w.server, {
      token: w.alice.token,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const body = request.method === "POST" ? await request.clone().text() : "";
        seenRequests.push(body);
        const response = await w.server.fetch(request);
        if (dropped || !response.headers.get("content-type")?.startsWith("text/event-stream")) return response;
        dropped = true;
        // Deliver the first three frames, then break the connection.
        const reader = response.body!.getReader();
        let text = "";
        while ((text.match(/\n\n/g) ?? []).length < 3) {
          const { value } = await reader.read();
          text += new TextDecoder().decode(value);
        }
        const frames = text.split("\n\n").slice(0, 3).join("\n\n") + "\n\n";
        reader.cancel();
        let pulls = 0;
        return new Response(
          new ReadableStream({
            pull(c) {
              if (pulls++ === 0) c.enqueue(new TextEncoder().encode(frames));
              else c.error(new Error("connection reset"));
            },
          }),
          { headers: response.headers },
        );
      },
    });
    const watcher = actus.sessions.watchChat(
      session_id,
      { message: "$ echo one\n$ echo two" },
      { backoff: { minDelay: 1, maxDelay: 5 } },
    );
    const names: string[] = [];
    const ids: string[] = [];
    for await (const item of watcher) {
      names.push(item.event);
      ids.push((item.data as { event_id: string }).event_id);
    }
    expect(names.at(-1)).toBe("done");
    expect(new Set(ids).size).toBe(ids.length);
    const detail = await w.alice.actus.sessions.get({ session_id });
    expect(ids).toEqual(detail.events.map((e) => e.data.event_id));
    // The message was sent once; the reopening asked for the events after the third.
    expect(seenRequests.filter((b) => b.includes("echo one"))).toHaveLength(1);
    // The reopening resumed after an event the watcher had delivered (the parser may drop a frame that was
    // still queued when the connection broke; it is then sent again, once).
    expect(seenRequests).toHaveLength(2);
    const resumedAfter = (JSON.parse(seenRequests[1]!) as { event_id: string }).event_id;
    expect(ids.slice(0, 3)).toContain(resumedAfter);
  });

  it("refuses a second turn while one runs, and stop ends it with done", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    const stream = w.alice.actus.sessions.chat({ session_id, message: "$ echo 1\n$ echo 2\n$ echo 3\n$ echo 4" });
    const iterator = stream[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.event).toBe("message");
    const busy = await errorOf(collect(w.alice.actus.sessions.chat({ session_id, message: "again" })));
    expect(busy).toBeInstanceOf(ConflictError);
    await w.alice.actus.sessions.stop({ session_id });
    const rest: string[] = [];
    for (;;) {
      const { value, done } = await iterator.next();
      if (done) break;
      rest.push(value.event);
    }
    expect(rest.at(-1)).toBe("done");
    expect((await w.alice.actus.sessions.get({ session_id })).status).toBe("completed");
  });

  it("aborting a stream that would never end ends it without an error", async () => {
    const stream = w.alice.actus.sessions.stream();
    const seen: string[] = [];
    for await (const e of stream) {
      seen.push(e.event);
      stream.abort();
    }
    expect(seen).toEqual(["sessions"]);
  });

  it("a chat without message follows the latest turn", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    await collect(w.alice.actus.sessions.chat({ session_id, message: "first" }));
    const second = await collect(w.alice.actus.sessions.chat({ session_id, message: "second" }));
    const replay = await collect(w.alice.actus.sessions.chat({ session_id }));
    expect(replay.map((e) => e.id)).toEqual(second.map((e) => e.id));
  });

  it("takes only the caller's own files as attachments (an admin any)", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    const mine = await w.alice.actus.files.upload({ file: new File(["data"], "data.txt", { type: "text/plain" }) });
    const theirs = await w.bob.actus.files.upload({ file: new File(["secret"], "secret.txt") });
    const refused = await errorOf(
      collect(
        w.alice.actus.sessions.chat({ session_id, message: "$ cat upload/secret.txt", attachments: [theirs.id] }),
      ),
    );
    expect(refused).toBeInstanceOf(NotFoundError);
    const events = await collect(
      w.alice.actus.sessions.chat({ session_id, message: "$ cat upload/data.txt", attachments: [mine.id] }),
    );
    expect(events[0]).toMatchObject({ event: "message", data: { attachments: [{ id: mine.id }] } });
    const output = events.find((e) => e.event === "tool" && e.data.status === "called");
    expect(output?.data).toMatchObject({ content: { output: "data" } });
    const { files } = await w.alice.actus.sessions.files({ session_id });
    expect(files.map((f) => f.id)).toContain(mine.id);
  });

  it("scopes sessions: 404 for others, 403 on delete and clear-unread, admins read across users", async () => {
    const { session_id } = await w.alice.actus.sessions.create();
    expect(await errorOf(w.bob.actus.sessions.get({ session_id }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(w.bob.actus.sessions.stop({ session_id }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(w.bob.actus.sessions.remove({ session_id }))).toBeInstanceOf(PermissionDeniedError);
    expect(await errorOf(w.bob.actus.sessions.clearUnread({ session_id }))).toBeInstanceOf(PermissionDeniedError);
    expect(await errorOf(w.admin.actus.sessions.remove({ session_id }))).toBeInstanceOf(PermissionDeniedError);
    expect((await w.admin.actus.sessions.get({ session_id })).session_id).toBe(session_id);
    expect((await w.bob.actus.sessions.list()).sessions.map((s) => s.session_id)).not.toContain(session_id);
    await w.alice.actus.sessions.remove({ session_id });
    expect(await errorOf(w.alice.actus.sessions.get({ session_id }))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(w.alice.actus.sessions.remove({ session_id }))).toBeInstanceOf(NotFoundError);
  });

  it("streams the session list at once and after each change", async () => {
    const user = await (await import("../testing/harness.ts")).newUser(w.server, "lists");
    const watcher = user.actus.sessions.watch();
    const lists: number[][] = [];
    const next = () =>
      new Promise<{ sessions: { unread_message_count: number }[] }>((resolve) => watcher.once("sessions", resolve));
    const first = await next();
    expect(first.sessions).toEqual([]);
    const created = next();
    const { session_id } = await user.actus.sessions.create();
    const afterCreate = await created;
    lists.push(afterCreate.sessions.map((s) => s.unread_message_count));
    expect(lists).toEqual([[0]]);
    const removed = next();
    await user.actus.sessions.remove({ session_id });
    expect((await removed).sessions).toEqual([]);
    watcher.close();
  });
});
