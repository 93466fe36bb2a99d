import { contract } from "@agentlane/sdk/ccjk/contract";
import type { EndpointSpec } from "@agentlane/sdk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CCJKWorld, ccjkWorld, samples } from "../testing/world.ts";

/**
 * Every endpoint, called with the well-formed samples that name the owner's rows (so validation passes and the
 * handler's ownership check is what answers): the owner succeeds, another account is told nothing of them.
 */
const endpoints = Object.entries(contract)
  .flatMap(([resource, group]) =>
    Object.entries(group).map(([name, { spec }]) => ({ id: `${resource}.${name}`, spec: spec as EndpointSpec })),
  )
  // Cancelling ends the owner's task: it goes last.
  .sort((a, b) => Number(a.id === "agents.cancelTask") - Number(b.id === "agents.cancelTask"));

/** The endpoints whose sample names a row of the owner's (in the path, query or body). */
const NAMING = new Set([
  "sync.status",
  "sync.resolveConflict",
  "skills.get",
  "skills.install",
  "agents.getTask",
  "agents.cancelTask",
]);

let w: CCJKWorld;
beforeAll(async () => {
  w = await ccjkWorld();
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
  let body: string | undefined;
  if (sample.body) {
    const form = spec.contentType === "form";
    headers.set("content-type", form ? "application/x-www-form-urlencoded" : "application/json");
    body = form ? new URLSearchParams(sample.body as Record<string, string>).toString() : JSON.stringify(sample.body);
  }
  const response = await w.server.fetch(
    new Request(`${w.baseUrl}${path}${query ? `?${query}` : ""}`, { method: spec.method, headers, body }),
  );
  return { status: response.status, text: await response.text() };
}

describe("nobody reaches rows that are not theirs", () => {
  // The owner goes first: a sample that creates a row (a published skill) is then a conflict for the other account.
  it("the owner: every sample succeeds", async () => {
    const failed: string[] = [];
    for (const { id, spec } of endpoints) {
      const { status, text } = await call(id, spec, w.owner.key);
      if (status >= 400) failed.push(`${id}: ${status} ${text.slice(0, 160)}`);
    }
    expect(failed).toEqual([]);
  });

  it("another account: every endpoint naming the owner's rows answers 404, and no answer tells of them", async () => {
    const leaks: string[] = [];
    for (const { id, spec } of endpoints) {
      if (spec.auth === "none") continue;
      const { status, text } = await call(id, spec, w.stranger.key);
      if (NAMING.has(id) && status !== 404) leaks.push(`${id}: ${status} ${text.slice(0, 120)}`);
      const told = w.ownerIds().filter((ownerId) => text.includes(ownerId));
      if (told.length > 0) leaks.push(`${id}: answered ${told.join(", ")}`);
    }
    expect(leaks).toEqual([]);
  });
});
