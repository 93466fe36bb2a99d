/**
 * The check against server-lite behind a proxy that changes answers: each change (a removed key, a renamed enum
 * value, another envelope, a 500, an extra key) is named in the report, with what the SDK does with it. In-process,
 * so without the realtime handshake (which needs a socket).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckReport, renderReport } from "../../src/check/index.ts";
import { type LiteWorld, startLiteWorld } from "./lite-world.ts";
import { type Mutation, mutatingProxy } from "./mutating-proxy.ts";

let world: LiteWorld;
beforeAll(async () => {
  world = await startLiteWorld();
});
afterAll(() => world.server.close());

type Envelope = { success: boolean; data: unknown; meta: unknown };
type Machine = Record<string, unknown>;

/** Changes every machine of a ClaudeNest machine list. */
const eachMachine =
  (change: (m: Machine) => void): Mutation["mutate"] =>
  (body) => {
    const envelope = body as Envelope;
    for (const machine of envelope.data as Machine[]) change(machine);
    return { body: envelope };
  };

async function checkClaudeNest(mutations: Mutation[]): Promise<{ report: CheckReport; writes: unknown[] }> {
  const proxy = mutatingProxy(world.fetch, mutations);
  const report = await world.check("claudenest", { fetch: proxy.fetch, realtime: false });
  return { report, writes: proxy.writes };
}

const outcome = (report: CheckReport, endpoint: string) => report.outcomes.find((o) => o.endpoint === endpoint)!;

describe("checkServer behind a mutating proxy", () => {
  it("names a removed key, a renamed enum value, another envelope, a 500 and an extra key", async () => {
    const { report, writes } = await checkClaudeNest([
      {
        path: "/machines",
        mutate: eachMachine((m) => {
          delete m.hostname;
          m.status = m.status === "online" ? "connected" : "sleeping";
          m.gpu = "none";
        }),
      },
      {
        path: "/health",
        mutate: (body) => ({ body: { ok: true, result: (body as Envelope).data } }),
      },
      { path: "/auth/tokens", mutate: () => ({ status: 500, body: { message: "Server Error" } }) },
    ]);
    expect(writes).toEqual([]);

    const machines = outcome(report, "machines.list");
    expect(machines.status).toBe("differs");
    expect(machines.sdk).toBe("throws");
    expect(machines.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "missing-key", path: "data[].hostname", seen: "absent", sdk: "throws" }),
        expect.objectContaining({ kind: "enum", path: "data[].status", sdk: "throws" }),
      ]),
    );
    const status = machines.differences.find((d) => d.kind === "enum")!;
    expect(status.documented).toContain('"online"');
    expect(status.seen).toMatch(/"(connected|sleeping)"/);

    const health = outcome(report, "health.check");
    expect(health.differences.filter((d) => d.kind === "envelope").map((d) => d.path)).toEqual(
      expect.arrayContaining(["body.success", "body.data", "body.meta"]),
    );
    expect(health.sdk).toBe("throws");

    const tokens = outcome(report, "auth.listTokens");
    expect(tokens.differences).toEqual([
      expect.objectContaining({ kind: "server-error", path: "(status)", documented: "200", seen: "500" }),
    ]);
    expect(report.breaking).toBe(true);

    const text = renderReport(report);
    for (const expected of ["data[].hostname", "data[].status", "body.success", "server error", "would throw"])
      expect(text).toContain(expected);
  });

  it("reports a key the contract does not document without calling it breaking", async () => {
    const { report } = await checkClaudeNest([{ path: "/machines", mutate: eachMachine((m) => (m.gpu = "none")) }]);
    const machines = outcome(report, "machines.list");
    expect(machines.differences).toEqual([
      expect.objectContaining({ kind: "unknown-key", path: "data[].gpu", example: '"none"', sdk: "reads" }),
    ]);
    expect(report.breaking).toBe(false);
  });

  it("reports a known variant as such, not as a failure", async () => {
    const { checkProfile } = await import("../../src/platforms/claudenest/check.ts");
    const { z } = await import("zod");
    const proxy = mutatingProxy(world.fetch, [
      { path: "/health", mutate: (body) => ({ body: { ...(body as Envelope), data: { status: "ok" } } }) },
    ]);
    const variants = [{ endpoint: "health.check", name: "status only", schema: z.object({ status: z.literal("ok") }) }];
    const report = await world.check("claudenest", {
      platform: { ...checkProfile, variants },
      fetch: proxy.fetch,
      realtime: false,
    });
    const health = outcome(report, "health.check");
    expect(health.status).toBe("variant");
    expect(health.sdk).toBe("reads-variant");
    expect(health.differences).toEqual([expect.objectContaining({ kind: "variant", seen: "status only" })]);
    expect(report.summary.variant).toBe(1);
    expect(report.breaking).toBe(false);
  });

  it("waits as a Retry-After asks, then reads the answer", async () => {
    const { report } = await checkClaudeNest([
      {
        path: "/auth/me",
        times: 1,
        mutate: () => ({ status: 429, headers: { "retry-after": "0" }, body: { success: false } }),
      },
    ]);
    expect(outcome(report, "auth.me").status).toBe("ok");
  });

  it("stops at the first 401 with a clear message and sends nothing more", async () => {
    const proxy = mutatingProxy(world.fetch);
    const credentials = { token: "cn_not-a-real-token-at-all" };
    const report = await world.check("claudenest", { credentials, fetch: proxy.fetch, realtime: false });
    expect(report.stopped).toMatch(/refused the credentials \(401\) at GET \/auth\/me/);
    expect(report.breaking).toBe(true);
    const refused = proxy.requests.findIndex((r) => r.path.endsWith("/auth/me"));
    expect(proxy.requests.length).toBe(refused + 1);
    expect(JSON.stringify(report)).not.toContain("cn_not-a-real-token-at-all");
  });

  it("never shows a credential, even one the server echoes", async () => {
    const { token } = world.credentials("claudenest");
    const { report } = await checkClaudeNest([
      {
        path: "/auth/me",
        mutate: (body) => {
          const envelope = body as Envelope & { data: { user: object } };
          const user = { ...envelope.data.user, name: [`Bearer ${token}`] };
          return { body: { ...envelope, data: { user } } };
        },
      },
    ]);
    const me = outcome(report, "auth.me");
    expect(me.differences).toEqual([
      expect.objectContaining({ kind: "wrong-type", path: "data.user.name", example: '["Bearer [redacted]"]' }),
    ]);
    expect(JSON.stringify(report)).not.toContain(token!);
    expect(renderReport(report)).not.toContain(token!);
  });
});
