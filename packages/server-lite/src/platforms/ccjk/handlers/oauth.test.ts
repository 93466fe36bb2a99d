import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CCJKHarness, startCCJK } from "../testing/harness.ts";

let h: CCJKHarness;
beforeEach(async () => {
  h = await startCCJK();
});
afterEach(async () => {
  await h.close();
  expect(h.unexpected).toEqual([]);
});

function enterpriseClient() {
  const { accountId } = h.account("enterprise", "Acme");
  return { accountId, ...h.services.accounts.createOAuthClient(accountId) };
}

describe("§2 OAuth client credentials", () => {
  it("gives a bearer token that works like a key, through the SDK's oauth option", async () => {
    const { clientId, clientSecret, accountId } = enterpriseClient();
    const ccjk = h.client(undefined, { oauth: { clientId, clientSecret } });
    const { taskId } = await ccjk.agents.createTask({ agentRole: "ccjk-testing-specialist", task: { name: "tests" } });
    const row = h.server.db.get<{ account_id: string }>("SELECT account_id FROM ccjk_tasks WHERE id = ?", taskId);
    expect(row?.account_id).toBe(accountId);
  });

  it("answers the token with the credentials in the query (the document) or a form (RFC 6749), at both bases", async () => {
    const { clientId, clientSecret } = enterpriseClient();
    const viaSdk = await h.client().oauth.token({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(viaSdk).toEqual({
      access_token: expect.stringMatching(/^ccjk_oat_/),
      token_type: "Bearer",
      expires_in: 3600,
    });

    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    });
    const atRoot = await h.server.fetch(
      new Request("http://lite.test/ccjk/oauth/token", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
      }),
    );
    expect(atRoot.status).toBe(200);
    const { data } = await atRoot.json();
    const me = h.client(data.access_token);
    expect((await me.sync.setConfig({ provider: "s3" })).status).toBe("active");
  });

  it("refuses bad credentials, other grants and non-Enterprise accounts, writing nothing", async () => {
    const { clientId } = enterpriseClient();
    const c = h.client();
    await expect(
      c.oauth.token({ grant_type: "client_credentials", client_id: clientId, client_secret: "wrong" }),
    ).rejects.toMatchObject({ status: 401, code: "AUTH_INVALID" });
    await expect(c.oauth.token({ grant_type: "password" })).rejects.toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
      details: {
        grant_type: ["Only the client_credentials grant is supported."],
        client_id: ["The client_id field is required."],
        client_secret: ["The client_secret field is required."],
      },
    });
    const pro = h.account("pro");
    const proClient = h.services.accounts.createOAuthClient(pro.accountId);
    await expect(
      c.oauth.token({
        grant_type: "client_credentials",
        client_id: proClient.clientId,
        client_secret: proClient.clientSecret,
      }),
    ).rejects.toMatchObject({ status: 403, code: "AUTH_INSUFFICIENT" });
    expect(h.server.db.get<{ n: number }>("SELECT count(*) AS n FROM ccjk_oauth_tokens")!.n).toBe(0);
  });

  it("expires tokens after an hour (AUTH_EXPIRED)", async () => {
    const { clientId, clientSecret } = enterpriseClient();
    const { access_token } = await h.client().oauth.token({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    });
    const me = h.client(access_token);
    await me.sync.setConfig({ provider: "s3" });
    h.server.clock.advance(3600_000);
    await expect(me.sync.getConfig()).rejects.toMatchObject({ status: 401, code: "AUTH_EXPIRED" });
  });
});

describe("§2 API keys", () => {
  it("refuses missing, unknown, revoked and expired keys, also on endpoints that allow anonymous calls", async () => {
    const { accountId, key } = h.account();
    const response = await h.request("POST", "/webhooks", {
      body: { url: "https://example.com", events: ["task.completed"] },
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({
      code: "AUTH_INVALID",
      message: "Send your API key as Authorization: Bearer <key>.",
      messageZh: "API 密钥无效或缺失",
      details: {},
    });
    await expect(h.client("ccjk_made_up").skills.list()).rejects.toMatchObject({ status: 401, code: "AUTH_INVALID" });
    const keys = h.services.accounts.listKeys(accountId);
    h.services.accounts.revokeKey(keys[0]!.id);
    await expect(h.client(key).skills.list()).rejects.toMatchObject({ code: "AUTH_INVALID" });

    const short = h.services.accounts.createKey(accountId, "short", 60_000);
    expect((await h.client(short.key).skills.list()).skills.length).toBeGreaterThan(0);
    h.server.clock.advance(60_000);
    await expect(h.client(short.key).skills.list()).rejects.toMatchObject({
      status: 401,
      code: "AUTH_EXPIRED",
      name: "AuthenticationError",
    });
  });
});
