import { contract } from "@agentlane/sdk/actus/contract";
import type { EndpointSpec } from "@agentlane/sdk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SweepWorld, sweepWorld } from "./testing/sweep-world.ts";

/**
 * Every endpoint that needs a token, called with well-formed requests naming alice's rows (so validation passes
 * and the ownership or role check is what answers), by bob, who may not touch them.
 */
const endpoints = Object.entries(contract)
  .flatMap(([resource, group]) =>
    Object.entries(group).map(([name, { spec }]) => ({ id: `${resource}.${name}`, spec: spec as EndpointSpec })),
  )
  .filter(({ spec }) => spec.auth !== "none");

/** The document's two owner-only session endpoints answer 403 for another user's session (not 404). */
const FORBIDDEN_FOR_OTHERS = new Set(["sessions.clearUnread", "sessions.remove"]);

let w: SweepWorld;
beforeAll(async () => {
  w = await sweepWorld();
});
afterAll(async () => {
  await w.close();
  expect(w.unexpected).toEqual([]);
});

async function call(
  id: string,
  spec: EndpointSpec,
  token: string,
): Promise<{ status: number; code: number; text: string }> {
  const sample = w.samples[id]!;
  const path = spec.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodeURIComponent(sample.params[name]!));
  const headers = new Headers({ authorization: `Bearer ${token}` });
  let body: BodyInit | undefined;
  if (spec.contentType === "multipart") {
    const form = new FormData();
    form.set("file", new File(["x"], "x.txt"));
    body = form;
  } else if (sample.body) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(sample.body);
  }
  const response = await w.server.fetch(new Request(`${w.baseUrl}${path}`, { method: spec.method, headers, body }));
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    await reader.cancel();
    return { status: response.status, code: 200, text: new TextDecoder().decode(value) };
  }
  const text = await response.text();
  return { status: response.status, code: (JSON.parse(text) as { code: number }).code, text };
}

describe("nobody reaches rows that are not theirs", () => {
  it("another user: alice's rows answer 404 (403 where the document says), admin endpoints 403, nothing leaks", async () => {
    const leaks: string[] = [];
    for (const { id, spec } of endpoints) {
      const { status, code, text } = await call(id, spec, w.bob.token);
      const named = Object.keys(w.samples[id]!.params).some((p) => ["session_id", "id", "file_id"].includes(p));
      if (spec.auth === "admin" && (status !== 403 || code !== 403)) leaks.push(`${id}: admin-only answered ${status}`);
      else if (spec.auth === "user" && named) {
        const expected = FORBIDDEN_FOR_OTHERS.has(id) ? 403 : 404;
        if (status !== expected) leaks.push(`${id}: ${status} ${text.slice(0, 120)}`);
      }
      const told = w.aliceIds().filter((aliceId) => text.includes(aliceId));
      if (told.length > 0) leaks.push(`${id}: answered ${told.join(", ")}`);
    }
    expect(leaks).toEqual([]);
    // Nothing bob did changed alice's rows.
    expect((await w.alice.actus.sessions.get({ session_id: w.sessionId })).session_id).toBe(w.sessionId);
    expect((await w.alice.actus.files.get({ file_id: w.fileId })).id).toBe(w.fileId);
  });

  it("the same calls with alice's own token succeed (so the 404s above are the ownership check)", async () => {
    const failures: string[] = [];
    for (const { id, spec } of endpoints) {
      if (spec.auth !== "user" || !Object.keys(w.samples[id]!.params).length) continue;
      if (id === "sessions.remove" || id === "files.remove") continue;
      const { status, code } = await call(id, spec, w.alice.token);
      await w.services.agent.stopAll();
      if (status !== 200 || code !== 200) failures.push(`${id}: ${status}/${code}`);
    }
    expect(failures).toEqual([]);
  });

  it("an admin reads across users, but cannot delete another user's session", async () => {
    expect((await w.admin.actus.sessions.get({ session_id: w.sessionId })).session_id).toBe(w.sessionId);
    expect((await w.admin.actus.sessions.files({ session_id: w.sessionId })).files.length).toBeGreaterThan(0);
    expect((await w.admin.actus.files.get({ file_id: w.fileId })).id).toBe(w.fileId);
    const { status } = await call("sessions.remove", contract.sessions.remove.spec as EndpointSpec, w.admin.token);
    expect(status).toBe(403);
  });

  it("a token that is missing, unknown or expired is HTTP 401 with code 401 everywhere", async () => {
    const failures: string[] = [];
    for (const { id, spec } of endpoints) {
      const { status, code } = await call(id, spec, "act_not_a_token");
      if (status !== 401 || code !== 401) failures.push(`${id}: ${status}/${code}`);
    }
    expect(failures).toEqual([]);
  });
});
