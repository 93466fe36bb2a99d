import { contract } from "@agentlane/sdk/claudenest/contract";
import type { EndpointSpec } from "@agentlane/sdk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NestWorld, nestWorld, samples } from "../testing/test-world.ts";

/**
 * Every endpoint that needs a token, called with well-formed requests naming the owner's rows (so validation
 * passes and the handler's ownership check is what answers), by someone who may not touch them.
 */
const endpoints = Object.entries(contract)
  .flatMap(([resource, group]) =>
    Object.entries(group).map(([name, { spec }]) => ({ id: `${resource}.${name}`, spec: spec as EndpointSpec })),
  )
  .filter(({ spec }) => spec.auth === "user" || spec.auth === "agent" || spec.auth === "admin")
  // Completing a pairing needs only its code, which is the secret the user types in: anyone may.
  .filter(({ id }) => id !== "pairing.complete")
  // Logout ends the very token it is called with; it reaches nobody else's rows.
  .filter(({ id }) => id !== "auth.logout");

let w: NestWorld;
beforeAll(async () => {
  w = await nestWorld();
});
afterAll(async () => {
  await w.close();
  expect(w.unexpected).toEqual([]);
});

async function call(id: string, spec: EndpointSpec, token: string): Promise<{ status: number; text: string }> {
  const sample = samples(w)[id]!;
  const path = spec.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodeURIComponent(sample.params[name]!));
  const query = new URLSearchParams(sample.query ?? {}).toString();
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (sample.body) headers.set("content-type", "application/json");
  const request = new Request(`${w.baseUrl}${path}${query ? `?${query}` : ""}`, {
    method: spec.method,
    headers,
    body: sample.body ? JSON.stringify(sample.body) : undefined,
  });
  const response = await w.server.fetch(request);
  return { status: response.status, text: await response.text() };
}

describe("nobody reaches rows that are not theirs", () => {
  it("another user: every endpoint naming the owner's rows answers 404 and tells nothing of them", async () => {
    const leaks: string[] = [];
    for (const { id, spec } of endpoints) {
      const { status, text } = await call(id, spec, w.stranger.token);
      const named = Object.keys(samples(w)[id]!.params).length > 0;
      if (named && status !== 404) leaks.push(`${id}: ${status} ${text.slice(0, 120)}`);
      const told = w.ownerIds().filter((ownerId) => text.includes(ownerId));
      if (told.length > 0) leaks.push(`${id}: answered ${told.join(", ")}`);
    }
    expect(leaks).toEqual([]);
  });

  it("a machine token: the owner's other machine's rows answer 404, personal-token endpoints 403", async () => {
    const leaks: string[] = [];
    for (const { id, spec } of endpoints) {
      const { status, text } = await call(id, spec, w.otherMachine.token);
      const expected = spec.auth === "agent" ? 404 : 403;
      const named = Object.keys(samples(w)[id]!.params).length > 0;
      // A machine token may use agent endpoints that name no row (there are none today) on its own account.
      if ((named || spec.auth !== "agent") && status !== expected) leaks.push(`${id}: ${status} ${text.slice(0, 120)}`);
    }
    expect(leaks).toEqual([]);
  });
});
