import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CCJKCloud } from "@agentlane/sdk/ccjk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServer } from "../../server.ts";

const run = promisify(execFile);
const cliPath = fileURLToPath(new URL("../../cli.ts", import.meta.url));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ccjk-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--conditions=agentlane-source", cliPath, "ccjk", ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withServer<T>(db: string, work: (ccjk: (key: string) => CCJKCloud) => Promise<T>): Promise<T> {
  const server = await createServer({ db, platform: "ccjk" });
  try {
    return await work(
      (key) =>
        new CCJKCloud({
          baseUrl: "http://lite.test/api/v1",
          token: key,
          retry: 0,
          fetch: (input, init) => server.fetch(new Request(input, init)),
        }),
    );
  } finally {
    await server.close();
  }
}

describe("agentlane-server ccjk api-key ...", () => {
  it("creates, lists and revokes keys in a database file the server then uses", { timeout: 60_000 }, async () => {
    const db = join(dir, "ccjk.db");
    const created = await cli("api-key", "create", "--name", "laptop", "--plan", "pro", "--db", db);
    expect(created.code).toBe(0);
    const key = /^\s+(ccjk_\S+)$/m.exec(created.stdout)?.[1];
    const keyId = /Created API key (key_\w+)/.exec(created.stdout)?.[1];
    expect(key).toBeDefined();

    const listed = await cli("api-key", "list", "--db", db);
    expect(listed.stdout).toContain(`${keyId}  laptop  ${key!.slice(0, 12)}...`);
    expect(listed.stdout).toContain("active");
    expect(listed.stdout).not.toContain(key);

    await withServer(db, async (ccjk) => {
      const pool = await ccjk(key!).agents.scalePool({ role: "ccjk-devops-engineer", target: 20, max: 25 });
      expect(pool.target).toBe(20); // a Pro account's pools may reach 25
    });

    expect((await cli("api-key", "revoke", keyId!, "--db", db)).stdout).toContain(`Revoked API key ${keyId}.`);
    expect((await cli("api-key", "list", "--db", db)).stdout).toContain("revoked");
    await withServer(db, async (ccjk) => {
      await expect(ccjk(key!).sync.getConfig()).rejects.toMatchObject({ status: 401, code: "AUTH_INVALID" });
    });
  });

  it("refuses unknown commands, keys and plans with exit code 2", { timeout: 60_000 }, async () => {
    // Each run has a store of its own, so the processes can run side by side.
    const db = (n: number) => join(dir, `ccjk-${n}.db`);
    const [unknown, revoke, plan, client] = await Promise.all([
      cli("api-key", "rotate", "--db", db(1)),
      cli("api-key", "revoke", "key_nope", "--db", db(2)),
      cli("api-key", "create", "--plan", "gold", "--db", db(3)),
      cli("oauth-client", "create", "--plan", "enterprise", "--db", db(4)),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "api-key rotate"');
    expect(revoke).toMatchObject({ code: 2, stderr: expect.stringContaining("no active API key key_nope") });
    expect(plan).toMatchObject({ code: 2, stderr: expect.stringContaining("--plan must be one of") });
    expect(client.stdout).toMatch(/client_id:\s+ccjk_client_/);
  });
});

describe("--seed and GET /_lite/seed", () => {
  it("create a key and an OAuth client that work", async () => {
    const server = await createServer({ platform: "ccjk", seed: true, lite: true });
    try {
      const seeded = await (await server.fetch(new Request("http://lite.test/_lite/seed"))).json();
      expect(Object.keys(seeded)).toEqual(["ccjk"]);
      const { apiKey, clientId, clientSecret } = seeded.ccjk;
      const options = {
        baseUrl: "http://lite.test/api/v1",
        retry: 0,
        fetch: (i: Request | URL | string, init?: RequestInit) => server.fetch(new Request(i, init)),
      };
      const byKey = new CCJKCloud({ ...options, token: apiKey });
      await byKey.sync.setConfig({ provider: "s3" });
      const { syncId } = await byKey.sync.start({});
      expect(syncId).toMatch(/^sync_/);
      const byOAuth = new CCJKCloud({
        ...options,
        oauth: { clientId, clientSecret, tokenUrl: "http://lite.test/oauth/token" },
      });
      expect((await byOAuth.sync.getConfig()).provider).toBe("s3");
    } finally {
      await server.close();
    }
  });
});
