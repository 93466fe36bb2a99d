import { AuthenticationError, ConnectionError, InternalServerError, NotFoundError } from "@agentlane/sdk";
import { describe, expect, it } from "vitest";
import { RequestStatus, requestBackend } from "./request-status.ts";
import type { LiveStatus } from "./types.ts";

const apiError = <T>(Class: new (init: { status: number; message: string }) => T, status: number) =>
  new Class({ status, message: "no" });

describe("RequestStatus", () => {
  it("goes offline when the server or the credentials fail, and back when a request succeeds", async () => {
    const status = new RequestStatus();
    const seen: LiveStatus[] = [];
    status.onStatus((s) => seen.push(s));
    await expect(status.track(() => Promise.reject(new ConnectionError("ECONNREFUSED")))).rejects.toThrow();
    status.failed(apiError(InternalServerError, 502));
    status.failed(apiError(AuthenticationError, 401));
    expect(await status.track(async () => 42)).toBe(42);
    expect(seen.map((s) => s.state)).toEqual(["offline", "offline", "offline", "connected"]);
    expect(seen[0]).toMatchObject({ reason: expect.stringContaining("ECONNREFUSED") });
  });

  it("stays connected when the server refuses one request (it answered)", () => {
    const status = new RequestStatus();
    const seen: LiveStatus[] = [];
    status.onStatus((s) => seen.push(s));
    status.failed(apiError(NotFoundError, 404));
    expect(status.status.state).toBe("connected");
    expect(seen).toEqual([]);
  });

  it("makes a backend of the parts given, reporting the same status", () => {
    const status = new RequestStatus();
    let closed = false;
    const backend = requestBackend("test", {}, status, () => {
      closed = true;
    });
    status.failed(new Error("down"));
    expect(backend.status).toEqual({ state: "offline", reason: "down" });
    backend.dispose();
    expect([closed, backend.skills, backend.chats]).toEqual([true, undefined, undefined]);
  });
});
