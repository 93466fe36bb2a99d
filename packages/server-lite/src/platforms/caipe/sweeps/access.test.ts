import { contract } from "@agentlane/sdk/caipe/contract";
import type { EndpointSpec } from "@agentlane/sdk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SweepWorld, sweepWorld } from "./samples.ts";

/**
 * Every endpoint that needs a token, called with well-formed requests naming the user's rows (their private
 * config, their scan job) by a stranger: admin endpoints refuse them, endpoints naming a row answer 404, and no
 * answer tells anything of the user's rows.
 */
const endpoints = Object.entries(contract).flatMap(([resource, group]) =>
  Object.entries(group).map(([name, { spec }]) => ({ id: `${resource}.${name}`, spec: spec as EndpointSpec })),
);
const signedIn = endpoints.filter(({ spec }) => spec.auth !== "none");
/** Endpoints whose sample names one of the owner's rows. */
const NAMING = ["configs.read", "configs.update", "configs.remove", "scans.rescan", "scanJobs.get", "scanJobs.cancel"];

let w: SweepWorld;
beforeAll(async () => {
  w = await sweepWorld();
});
afterAll(async () => {
  await w.close();
  expect(w.unexpected).toEqual([]);
});

async function call(id: string, spec: EndpointSpec, token: string | undefined) {
  const sample = w.samples[id]!;
  const path = spec.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodeURIComponent(sample.params[name]!));
  const query = new URLSearchParams(sample.query ?? {}).toString();
  const headers = new Headers(token ? { authorization: `Bearer ${token}` } : {});
  if (sample.body) headers.set("content-type", "application/json");
  const response = await w.server.fetch(
    new Request(`http://lite.test/api${path}${query ? `?${query}` : ""}`, {
      method: spec.method,
      headers,
      body: sample.body ? JSON.stringify(sample.body) : undefined,
    }),
  );
  return { status: response.status, text: await response.text() };
}

describe("nobody reaches rows that are not theirs", () => {
  it("another user: admin endpoints 403, the owner's rows 404, and no answer names them", async () => {
    const leaks: string[] = [];
    for (const { id, spec } of signedIn) {
      const { status, text } = await call(id, spec, w.stranger.token);
      if (spec.auth === "admin" && status !== 403) leaks.push(`${id}: admin endpoint answered ${status}`);
      if (NAMING.includes(id) && status !== 404) leaks.push(`${id}: ${status} ${text.slice(0, 120)}`);
      for (const ownerId of [w.ownerConfigId, w.ownerJobId])
        if (text.includes(ownerId) && !NAMING.includes(id)) leaks.push(`${id}: answered ${ownerId}`);
      if (NAMING.includes(id) && text.includes("Owner private")) leaks.push(`${id}: told the row's name`);
    }
    expect(leaks).toEqual([]);
    // The owner still has everything.
    expect((await w.user.caipe.configs.get({ id: w.ownerConfigId })).name).toBe("Owner private");
    expect((await w.user.caipe.scanJobs.get({ id: w.ownerJobId })).status).not.toBe("cancelled");
  });

  it("a user may not see or cancel an admin's job either", async () => {
    for (const name of ["get", "cancel"] as const) {
      const spec = contract.scanJobs[name].spec as EndpointSpec;
      const path = spec.path.replace("{id}", w.adminJobId);
      const response = await w.server.fetch(
        new Request(`http://lite.test/api${path}`, {
          method: spec.method,
          headers: { authorization: `Bearer ${w.user.token}` },
        }),
      );
      expect(response.status).toBe(404);
    }
  });

  it("without a token: every signed-in endpoint answers 401 UNAUTHORIZED", async () => {
    const wrong: string[] = [];
    for (const { id, spec } of signedIn) {
      const { status, text } = await call(id, spec, undefined);
      if (status !== 401 || !text.includes('"code":"UNAUTHORIZED"')) wrong.push(`${id}: ${status}`);
    }
    expect(wrong).toEqual([]);
  });
});
