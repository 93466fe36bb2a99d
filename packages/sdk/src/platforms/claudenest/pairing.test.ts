import { createServer, type LiteServer } from "@agentlane/testing/claudenest-in-process";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle } from "../../../test/fake-clock.ts";
import { isAbortError } from "../../core/errors/abort-error.ts";
import { GoneError } from "../../core/errors/api-error.ts";
import { ClaudeNest } from "./client.ts";
import { contract } from "./contract/index.ts";

const agentInfo = { platform: "linux", hostname: "build-box", agent_version: "1.0.0" };
let server: LiteServer;

beforeEach(async () => {
  server = await createServer({ seed: true });
  // Only the helper's timers are faked; the server's clock moves with `server.clock.advance()`.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});

afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

function nest(token?: string): ClaudeNest {
  return new ClaudeNest({
    baseUrl: "http://lite.test/claudenest/api",
    fetch: (input, init) => server.fetch(new Request(input, init)),
    ...(token ? { token } : {}),
    validate: { contract },
    retry: 0,
  });
}

describe("pairMachine", () => {
  it("completes once the user confirms the code, with a working machine token", async () => {
    const user = nest(server.seedInfo.claudenest!.token);
    let confirmation: Promise<unknown> | undefined;
    const codes: string[] = [];
    const { value: paired, error } = await settle(
      nest().pairMachine(agentInfo, {
        interval: 1000,
        onCode: (code, ticket) => {
          codes.push(code);
          expect(ticket.code).toBe(code);
          confirmation = user.pairing.complete({ code, name: "Build box" });
        },
      }),
    );
    expect(error).toBeUndefined();
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^[A-Z]{3}-\d{3}$/);
    await expect(confirmation).resolves.toMatchObject({ machine: { id: paired!.id, name: "Build box" } });
    expect(paired!.token).toMatch(/^mn_/);
    expect(vi.getTimerCount()).toBe(0);

    const agent = nest(paired!.token);
    await expect(agent.machines.get({ id: paired!.id })).resolves.toMatchObject({
      id: paired!.id,
      hostname: "build-box",
      status: "online",
    });
  });

  it("keeps polling while the code is pending", async () => {
    const user = nest(server.seedInfo.claudenest!.token);
    let polls = 0;
    const agent = new ClaudeNest({
      baseUrl: "http://lite.test/claudenest/api",
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === "GET" && ++polls === 3) {
          const code = new URL(request.url).pathname.split("/").pop()!;
          await user.pairing.complete({ code });
        }
        return server.fetch(request);
      },
      retry: 0,
    });
    const { value } = await settle(agent.pairMachine(agentInfo, { interval: 1000, maxInterval: 1500 }));
    expect(value?.token).toMatch(/^mn_/);
    expect(polls).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with GoneError PAR_002 when the code expires", async () => {
    const { error } = await settle(nest().pairMachine(agentInfo, { onCode: () => server.clock.advance(11 * 60_000) }));
    expect(error).toBeInstanceOf(GoneError);
    expect(error).toMatchObject({ status: 410, code: "PAR_002" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops with AbortError when aborted while waiting, leaving no timer", async () => {
    const controller = new AbortController();
    const { error } = await settle(
      nest().pairMachine(agentInfo, {
        signal: controller.signal,
        onCode: () => queueMicrotask(() => controller.abort(new Error("cancelled"))),
      }),
    );
    expect(isAbortError(error)).toBe(true);
    expect(((error as Error).cause as Error).message).toBe("cancelled");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops with AbortError when aborted during a poll", async () => {
    const controller = new AbortController();
    const agent = new ClaudeNest({
      baseUrl: "http://lite.test/claudenest/api",
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (request.method === "GET") controller.abort();
        return server.fetch(request);
      },
      retry: 0,
    });
    const { error } = await settle(agent.pairMachine(agentInfo, { signal: controller.signal, interval: 10 }));
    expect(isAbortError(error)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("sends nothing when the signal has already fired", async () => {
    const fetch = vi.fn((input: Request | URL | string, init?: RequestInit) => server.fetch(new Request(input, init)));
    const agent = new ClaudeNest({ baseUrl: "http://lite.test/claudenest/api", fetch });
    const { error } = await settle(agent.pairMachine(agentInfo, { signal: AbortSignal.abort() }));
    expect(isAbortError(error)).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });
});
