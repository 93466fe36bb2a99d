import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { LiveStatus } from "../types.ts";
import { LiveStatusTracker } from "./live-status.ts";

/** A transport whose status the test sets, and a WebSocket class that records its sockets. */
class FakeTransport extends EventEmitter {
  status: "connecting" | "connected" | "reconnecting" | "closed" = "connecting";
  closeError: Error | undefined;
  set(status: FakeTransport["status"]) {
    this.status = status;
    this.emit("status", status);
  }
}
class FakeSocket {
  static opened = 0;
  constructor() {
    FakeSocket.opened++;
  }
}

describe("LiveStatusTracker", () => {
  it("reports connected, then each reconnection attempt by its number, then offline", () => {
    const tracker = new LiveStatusTracker();
    const Socket = tracker.countingWebSocket(FakeSocket) as new (url: string) => FakeSocket;
    const transport = new FakeTransport();
    tracker.follow(transport as never);
    const seen: LiveStatus[] = [];
    tracker.onStatus((status) => seen.push(status));

    new Socket("ws://x");
    transport.set("connected");
    transport.set("reconnecting");
    new Socket("ws://x");
    new Socket("ws://x");
    transport.set("connected");
    transport.closeError = new Error("refused");
    transport.set("closed");

    expect(seen).toEqual([
      { state: "connected" },
      { state: "reconnecting", attempt: 1 },
      { state: "reconnecting", attempt: 1 },
      { state: "reconnecting", attempt: 2 },
      { state: "connected" },
      { state: "offline", reason: "refused" },
    ]);
    expect(FakeSocket.opened).toBe(3);
    expect(tracker.status).toEqual({ state: "offline", reason: "refused" });
  });
});
