/**
 * Recording: every exchange as a HAR 1.2 entry with its bodies, timing and injected fault, secrets redacted in
 * headers, query and bodies, filtered by path and time, and written to a file when the server closes.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { newUser } from "../../platforms/claudenest/testing/test-support.ts";
import { createServer, type LiteServer } from "../../server.ts";
import type { LiteHar } from "./recorder.ts";
import { REDACTED } from "./redact.ts";

let server: LiteServer;
afterEach(() => server?.close());

const API = "http://lite.test/claudenest/api";
const machine = { name: "box", platform: "linux", hostname: "box.local" };

const lite = async (path: string, init?: RequestInit) =>
  server.fetch(new Request(`http://lite.test/_lite${path}`, init));

function register(token: string, headers: Record<string, string> = {}) {
  return server.fetch(
    new Request(`${API}/machines?api_key=k-123&page=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body: JSON.stringify(machine),
    }),
  );
}

describe("recording", () => {
  it("answers every exchange as HAR 1.2, with bodies and timing, and no secret anywhere", async () => {
    server = await createServer({ lite: true });
    const { token } = await newUser(server);
    expect((await register(token, { "x-request-id": "req-1" })).status).toBe(201);
    const har = (await (await lite("/requests?path=/claudenest/api/machines")).json()) as LiteHar;
    expect(har.log).toMatchObject({ version: "1.2", creator: { name: "@agentlane/server-lite" } });
    expect(har.log.entries).toHaveLength(1);
    const [entry] = har.log.entries;
    expect(entry).toMatchObject({
      _requestId: "req-1",
      request: {
        method: "POST",
        url: `${API}/machines?api_key=${encodeURIComponent(REDACTED)}&page=1`,
        queryString: [
          { name: "api_key", value: REDACTED },
          { name: "page", value: "1" },
        ],
        postData: { mimeType: "application/json", text: JSON.stringify(machine) },
      },
      response: { status: 201, content: { mimeType: expect.stringMatching(/^application\/json/) } },
      timings: { wait: expect.any(Number) },
    });
    expect(entry!.request.headers).toContainEqual({ name: "authorization", value: REDACTED });
    // The answer holds the machine's token: it is redacted too, the rest kept.
    const answer = JSON.parse(entry!.response.content.text!);
    expect(answer.data).toMatchObject({ machine: { name: "box" }, token: REDACTED });
    expect(JSON.stringify(har)).not.toContain(token);
    // The registration that made the user was recorded too; the `/_lite` calls never are.
    const all = server.requests();
    expect(all.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual([
      "/claudenest/api/auth/register",
      "/claudenest/api/machines",
    ]);
    expect(JSON.stringify(all)).not.toContain("correct horse battery");
  });

  it("filters by path glob and by time on the server clock", async () => {
    server = await createServer({ lite: true, platform: "claudenest" });
    server.clock.freeze(Date.parse("2026-01-01T00:00:00Z"));
    await server.fetch(new Request("http://lite.test/api/health"));
    server.clock.advance(60_000);
    await server.fetch(new Request("http://lite.test/api/health"));
    await server.fetch(new Request("http://lite.test/api/machines"));
    const paths = (har: LiteHar) => har.log.entries.map((e) => new URL(e.request.url).pathname);
    expect(paths(server.requests({ since: "2026-01-01T00:01:00Z" }))).toEqual(["/api/health", "/api/machines"]);
    expect(paths(server.requests({ until: Date.parse("2026-01-01T00:01:00Z") }))).toEqual(["/api/health"]);
    expect(paths(server.requests({ path: "/api/*" }))).toHaveLength(3);
    expect(paths(server.requests({ path: "/api/mach" }))).toEqual(["/api/machines"]);
    expect((await lite("/requests?since=yesterday")).status).toBe(422);
    expect(await (await lite("/requests", { method: "DELETE" })).json()).toEqual({ cleared: true });
    expect(server.requests().log.entries).toEqual([]);
  });

  it("marks injected faults, with status 0 for a dropped connection", async () => {
    server = await createServer({ lite: true, platform: "claudenest", chaos: { rate: 1, kinds: ["drop"] } });
    await expect(server.fetch(new Request("http://lite.test/api/health"))).rejects.toThrow(TypeError);
    server.chaos.configure({ rate: 1, kinds: ["503"] });
    await server.fetch(new Request("http://lite.test/api/health"));
    const entries = server.requests().log.entries;
    expect(entries.map((e) => [e._fault, e.response.status])).toEqual([
      ["drop", 0],
      ["503", 503],
    ]);
  });

  it("is off without lite or record, and writes its file when the server closes", async () => {
    server = await createServer({ platform: "claudenest" });
    expect(() => server.requests()).toThrow(/Recording is off/);
    await server.close();
    const file = join(await mkdtemp(join(tmpdir(), "lite-har-")), "requests.har");
    server = await createServer({ platform: "claudenest", record: { file } });
    await server.fetch(new Request("http://lite.test/api/health"));
    await server.close();
    const saved = JSON.parse(await readFile(file, "utf8")) as LiteHar;
    expect(saved.log.entries.map((e) => e.response.status)).toEqual([200]);
  });
});
