import { describe, expect, it } from "vitest";
import { LiveError, LiveOverflowError } from "./errors.ts";
import { type WatchEvent, Watcher, type WatcherSink } from "./watcher.ts";

interface Events {
  "task:claimed": { id: string };
  "file:unlocked": { path: string };
}

/** A watcher fed by hand; `stopped` tells whether its source was stopped. */
function manual(bufferSize?: number) {
  let sink!: WatcherSink<Events>;
  const source = { stopped: 0 };
  const watcher = new Watcher<Events>(
    (s) => {
      sink = s;
      return () => {
        source.stopped++;
      };
    },
    { bufferSize },
  );
  return { watcher, sink, source };
}

describe("Watcher", () => {
  it("emits typed events with their channel, and on/once/off behave as eventemitter3's", () => {
    const { watcher, sink } = manual();
    const seen: string[] = [];
    const listener = (data: { id: string }, channel: string) => seen.push(`${data.id}@${channel}`);
    watcher.on("task:claimed", listener);
    watcher.once("file:unlocked", (data) => seen.push(data.path));
    sink.event("task:claimed", { id: "t1" }, "private-project.p");
    sink.event("file:unlocked", { path: "a.ts" }, "private-project.p");
    sink.event("file:unlocked", { path: "b.ts" }, "private-project.p");
    watcher.off("task:claimed", listener);
    sink.event("task:claimed", { id: "t2" }, "private-project.p");
    expect(seen).toEqual(["t1@private-project.p", "a.ts"]);
  });

  it("reports status changes and ends with closed", () => {
    const { watcher, sink, source } = manual();
    const statuses: string[] = [];
    watcher.on("status", (s) => statuses.push(s));
    sink.status("connected");
    sink.status("connected");
    sink.status("reconnecting");
    watcher.close();
    watcher.close();
    expect(statuses).toEqual(["connected", "reconnecting", "closed"]);
    expect(watcher.status).toBe("closed");
    expect(source.stopped).toBe(1);
  });

  it("iterates with for await, and close() ends the loop", async () => {
    const { watcher, sink } = manual();
    const got: WatchEvent<Events>[] = [];
    const loop = (async () => {
      for await (const e of watcher) got.push(e);
    })();
    sink.event("task:claimed", { id: "t1" }, "c");
    await Promise.resolve();
    sink.event("file:unlocked", { path: "x" }, "c");
    watcher.close();
    await loop;
    expect(got).toEqual([
      { event: "task:claimed", data: { id: "t1" }, channel: "c" },
      { event: "file:unlocked", data: { path: "x" }, channel: "c" },
    ]);
  });

  it("drops the oldest events of a loop that fell behind and says so once", async () => {
    const { watcher, sink } = manual(2);
    const iterator = watcher[Symbol.asyncIterator]();
    const errors: Error[] = [];
    watcher.on("error", (e) => errors.push(e));
    for (const id of ["1", "2", "3", "4"]) sink.event("task:claimed", { id }, "c");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(LiveOverflowError);
    expect((await iterator.next()).value).toMatchObject({ data: { id: "3" } });
    expect((await iterator.next()).value).toMatchObject({ data: { id: "4" } });
    await iterator.return!();
  });

  it("gives every loop its own buffer and forgets a loop that broke out", async () => {
    const { watcher, sink } = manual();
    const first = watcher[Symbol.asyncIterator]();
    const second = watcher[Symbol.asyncIterator]();
    sink.event("task:claimed", { id: "1" }, "c");
    expect((await first.next()).value).toMatchObject({ data: { id: "1" } });
    expect((await second.next()).value).toMatchObject({ data: { id: "1" } });
    const pending = first.next();
    await first.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    sink.event("task:claimed", { id: "2" }, "c");
    expect(await first.next()).toEqual({ value: undefined, done: true });
    expect((await second.next()).value).toMatchObject({ data: { id: "2" } });
    watcher.close();
  });

  it("delivers buffered events, then throws the error the source ended with", async () => {
    const { watcher, sink, source } = manual();
    const iterator = watcher[Symbol.asyncIterator]();
    const failure = new LiveError("refused", { code: 4001 });
    sink.event("task:claimed", { id: "1" }, "c");
    sink.end(failure);
    expect(source.stopped).toBe(1);
    expect((await iterator.next()).value).toMatchObject({ data: { id: "1" } });
    await expect(iterator.next()).rejects.toBe(failure);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it("rejects a waiting loop when the source fails", async () => {
    const { watcher, sink } = manual();
    const loop = (async () => {
      for await (const _ of watcher) {
        // waiting for events
      }
    })();
    await Promise.resolve();
    sink.end(new LiveError("gone"));
    await expect(loop).rejects.toThrow("gone");
  });

  it("keeps serving the loops when a listener throws", async () => {
    const { watcher, sink } = manual();
    const iterator = watcher[Symbol.asyncIterator]();
    watcher.on("task:claimed", () => {
      throw new Error("listener bug");
    });
    expect(() => sink.event("task:claimed", { id: "1" }, "c")).toThrow("listener bug");
    expect((await iterator.next()).value).toMatchObject({ data: { id: "1" } });
    watcher.close();
  });
});
