/**
 * The ClaudeNest agent's pairing (`claudenest-agent pair`) against server-lite, request by request as
 * `packages/agent/src/index.ts` (handlePair, pollForPairing) sends them, with the answers ClaudeNest's
 * `packages/server/app/Http/Controllers/Api/PairingController.php` gives; the document's flow keeps working beside it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../../index.ts";
import { fakeAgent } from "../testing/fake-agent.ts";
import { newUser, startServer } from "../testing/test-support.ts";

let server: LiteServer;
const ORIGIN = "http://lite.test/claudenest";

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await server.close();
});

/** A request exactly as the agent makes it: plain fetch, JSON, no Authorization header. */
async function agentRequest(path: string, body?: unknown) {
  const response = await server.fetch(
    new Request(`${ORIGIN}${path}`, {
      method: body === undefined ? "GET" : "POST",
      ...(body === undefined ? {} : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
    }),
  );
  return { status: response.status, body: (await response.json()) as { success: boolean; data: any; error?: any } };
}

// index.ts handlePair: `agent_info: { platform, hostname, arch, node_version, agent_version }`.
const agentInfo = {
  platform: "linux",
  hostname: "devbox",
  arch: "x64",
  node_version: "v22.3.0",
  agent_version: "2.4.0",
};

describe("the agent's pairing", () => {
  it("registers the agent's code, answers 202 while pending, then 200 with {token, machine_id}", async () => {
    // handlePair: POST /api/pairing/initiate {code, agent_info}; 409 means "draw another code".
    const initiated = await agentRequest("/api/pairing/initiate", { code: "K7P-2QX", agent_info: agentInfo });
    expect(initiated.status).toBe(201);
    expect(initiated.body.data).toMatchObject({ code: "K7P-2QX", expires_in_seconds: 600 });
    const again = await agentRequest("/api/pairing/initiate", { code: "K7P-2QX", agent_info: agentInfo });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("PAR_003");

    // pollForPairing: GET /api/pairing/{code} without auth; 202 → data.seconds_remaining, keep polling.
    const pending = await agentRequest("/api/pairing/K7P-2QX");
    expect(pending.status).toBe(202);
    expect(pending.body).toMatchObject({ success: true, data: { status: "pending", seconds_remaining: 600 } });

    // The user enters the code in the dashboard (PairingController::complete).
    const alice = await newUser(server, "alice");
    const { machine } = await alice.nest.pairing.complete({ code: "K7P-2QX" });
    expect(machine.hostname).toBe("devbox");
    // PairingController::complete creates the machine `offline`: it is online once its agent connects.
    expect(machine.status).toBe("offline");
    expect((await alice.nest.machines.get({ id: machine.id })).status).toBe("offline");

    // 200 → data.token and data.machine_id.
    const done = await agentRequest("/api/pairing/K7P-2QX");
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({
      status: "completed",
      machine_id: machine.id,
      token: expect.stringMatching(/^mn_/),
    });

    // The token and id it received open /ws/agent: `claudenest-agent start` connects.
    const origin = await server.listen(0);
    const agent = await fakeAgent(origin, { id: done.body.data.machine_id, token: done.body.data.token });
    expect(agent.connection.status).toBe("connected");
    expect((await alice.nest.machines.get({ id: machine.id })).status).toBe("online");
    agent.connection.close();
  });

  it("answers 410 once the code expired, and 401 to a tokenless poll of a code never registered", async () => {
    await agentRequest("/api/pairing/initiate", { code: "ABC-234", agent_info: agentInfo });
    server.clock.advance(10 * 60 * 1000);
    const expired = await agentRequest("/api/pairing/ABC-234");
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe("PAR_002");
    // Only a code the agent registered may be polled without a token (PairingController answers 404 here).
    expect((await agentRequest("/api/pairing/ZZZ-999")).status).toBe(401);
    // An expired code may be registered again.
    expect((await agentRequest("/api/pairing/initiate", { code: "ABC-234", agent_info: agentInfo })).status).toBe(201);
  });

  it("refuses a malformed code with VAL_001, and a tokenless poll of a code the server chose", async () => {
    const bad = await agentRequest("/api/pairing/initiate", { code: "abc", agent_info: agentInfo });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("VAL_001");
    const documented = await agentRequest("/api/pairing/initiate", { agent_info: agentInfo });
    expect(documented.body.data.token).toMatch(/^pt_/);
    const poll = await agentRequest(`/api/pairing/${documented.body.data.code}`);
    expect(poll.status).toBe(401);
    expect(poll.body.error.code).toBe("AUTH_002");
  });
});
