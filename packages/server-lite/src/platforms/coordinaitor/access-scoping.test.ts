import type { EndpointSpec } from "@agentlane/sdk/contract";
import { contract } from "@agentlane/sdk/coordinaitor/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SweepWorld, samples, sweepWorld } from "./testing/samples.ts";
import { BASE_URL } from "./testing/world.ts";

/** Every endpoint that needs credentials, called by someone other than the owner of the rows it names. */
const endpoints = Object.entries(contract)
  .flatMap(([resource, group]) =>
    Object.entries(group).map(([name, { spec }]) => ({ id: `${resource}.${name}`, spec: spec as EndpointSpec })),
  )
  .filter(({ spec }) => spec.auth !== "none")
  // Logout ends the caller's own session; it reaches nobody else's rows.
  .filter(({ id }) => id !== "auth.logout");

/** Agents belong to the organization: members read them, only their creator or an administrator changes them. */
const ORG_READABLE = new Set(["agents.get", "agents.tasks", "agents.metrics"]);
const CREATOR_ONLY = new Set(["agents.update", "agents.enable", "agents.disable"]);
const ADMIN_ONLY = new Set(["users.list", "users.create", "system.logs"]);

let w: SweepWorld;
beforeAll(async () => {
  w = await sweepWorld();
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
  let body: BodyInit | undefined;
  if (spec.contentType === "multipart") {
    const form = new FormData();
    form.set(id === "users.uploadAvatar" ? "avatar" : "file", new File(["hi"], "a.txt", { type: "text/plain" }));
    body = form;
  } else if (spec.contentType === "form" && sample.body) {
    body = new URLSearchParams(sample.body as Record<string, string>);
  } else if (sample.body) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(sample.body);
  }
  const response = await w.server.fetch(
    new Request(`${BASE_URL}${path}${query ? `?${query}` : ""}`, { method: spec.method, headers, body }),
  );
  return { status: response.status, text: await response.text() };
}

describe("nobody reaches rows that are not theirs", () => {
  it("another user: every endpoint naming the owner's rows answers 404 (403 for shared agents) and tells nothing", async () => {
    const token = w.stranger.client.tokens.accessToken!;
    const leaks: string[] = [];
    for (const { id, spec } of endpoints) {
      const { status, text } = await call(id, spec, token);
      const named = Object.keys(samples(w)[id]!.params).length > 0;
      const expected = ORG_READABLE.has(id)
        ? 200
        : CREATOR_ONLY.has(id) || ADMIN_ONLY.has(id)
          ? 403
          : named
            ? 404
            : undefined;
      if (expected !== undefined && status !== expected) leaks.push(`${id}: ${status} ${text.slice(0, 120)}`);
      const told = w.privateIds().filter((ownerId) => text.includes(ownerId));
      if (told.length > 0) leaks.push(`${id}: answered ${told.join(", ")}`);
    }
    expect(leaks).toEqual([]);
  });

  it("an API key reaches exactly what its permissions and its owner allow", async () => {
    const key = await w.stranger.client.auth.createApiKey({ name: "all", permissions: ["tasks:read", "tasks:write"] });
    const leaks: string[] = [];
    for (const { id, spec } of endpoints) {
      const { status, text } = await call(id, spec, key.key);
      const permitted = spec.auth === "tasks:read" || spec.auth === "tasks:write" || spec.auth === "user";
      if (!permitted && status !== 403) leaks.push(`${id}: ${status} without the permission`);
      const told = w.privateIds().filter((ownerId) => text.includes(ownerId));
      if (told.length > 0) leaks.push(`${id}: answered ${told.join(", ")}`);
    }
    expect(leaks).toEqual([]);
  });
});
