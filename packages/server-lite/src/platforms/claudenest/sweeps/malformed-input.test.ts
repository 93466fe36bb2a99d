import { request as httpRequest } from "node:http";
import {
  type ClaudeNestErrorCode,
  callerStateStatuses,
  contract,
  errorCodes,
} from "@agentlane/sdk/claudenest/contract";
import type { EndpointSpec } from "@agentlane/sdk/contract";
import { describe, expect, it } from "vitest";
import {
  contractEntries,
  deepArray,
  type SweepEntry as Entry,
  type MalformedCase,
  tableRowCounts,
} from "../../../core/test-malformed.ts";
import { describeStatementReuse } from "../../../core/test-statement-reuse.ts";
import { describeMalformedSweep, type MalformedSweepPlan } from "../../../core/test-sweep.ts";
import { MCP_SECRET, type NestWorld, nestWorld, samples } from "../testing/test-world.ts";

const endpoints: Entry[] = contractEntries(contract);

/** Endpoints that take away what later requests use run last; logout (which revokes the caller's token) very last. */
function rank({ id }: Entry): number {
  if (id === "auth.logout") return 2;
  return /\.(remove|clear|revokeToken|regenerateToken)$/.test(id) ? 1 : 0;
}

const codes = errorCodes as Record<string, { status: number }>;
/** Text no answer may contain: stored secrets and their hashes. */
const SECRETS = ["token_hash", "password_hash", "scrypt$", MCP_SECRET];

function tokenFor(w: NestWorld, spec: EndpointSpec): string | undefined {
  if (spec.auth === "none") return undefined;
  return spec.auth === "pairing" ? w.pairing.token : w.owner.token;
}

function send(w: NestWorld, c: MalformedCase, token: string | undefined): Promise<Response> {
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (c.contentType) headers.set("content-type", c.contentType);
  return w.server.fetch(new Request(w.baseUrl + c.url, { method: c.method, headers, body: c.body }));
}

/** What is wrong with an answer to a malformed request, or undefined when it is a documented answer. */
async function problemWith(response: Response, spec: EndpointSpec): Promise<string | undefined> {
  const text = await response.text();
  const secret = SECRETS.find((s) => text.includes(s));
  if (secret) return `the answer contains ${secret}`;
  if (response.status === 204) return text === "" ? undefined : "204 with a body";
  let payload: {
    success?: unknown;
    meta?: { request_id?: unknown };
    error?: { code?: unknown; message?: unknown; errors?: unknown };
  };
  try {
    payload = JSON.parse(text);
  } catch {
    return `${response.status} answered ${text.slice(0, 80)}`;
  }
  if (typeof payload?.meta?.request_id !== "string") return `${response.status} without meta.request_id`;
  if (response.status < 400) return payload.success === true ? undefined : `${response.status} without success: true`;
  const code = payload.success === false ? payload.error?.code : undefined;
  if (typeof code !== "string") return `${response.status} without error.code`;
  if (codes[code]?.status !== response.status && !callerStateStatuses[code]?.includes(response.status))
    return `${code} answered with status ${response.status}`;
  if (response.status >= 500 && !(spec.errors ?? []).includes(code as ClaudeNestErrorCode))
    return `${response.status} ${code}: ${String(payload.error?.message)}`;
  // A refused validation names the fields; other 422 codes (MACHINE_OFFLINE, ORCHESTRATOR_ERROR) are about state.
  if (code === "VAL_001") {
    const errors = payload.error?.errors;
    const named =
      typeof errors === "object" &&
      errors !== null &&
      Object.keys(errors).length > 0 &&
      Object.values(errors).every((m) => Array.isArray(m) && m.length > 0 && m.every((s) => typeof s === "string"));
    if (!named) return "422 without field errors";
  }
  return undefined;
}

/** Row counts of every ClaudeNest table, to tell that a refused request wrote nothing. */
function rowCounts(w: NestWorld): string {
  return tableRowCounts(w.server.db, (t) => t.startsWith("cn"));
}

const plan: MalformedSweepPlan<Awaited<ReturnType<typeof nestWorld>>> = {
  endpoints,
  world: nestWorld,
  order: (a, b) => rank(a) - rank(b),
  sweep: (w) => ({
    samples: samples(w),
    send: (c, entry) => send(w, c, tokenFor(w, entry.spec)),
    problemWith,
    rowCounts: () => rowCounts(w),
    unexpected: w.unexpected,
  }),
};

describeMalformedSweep("every ClaudeNest endpoint refuses malformed input with a documented error", plan);

describeStatementReuse("every ClaudeNest request, sent again, is answered on statements already prepared", plan);

/** A request over a socket: `fetch` refuses to send a GET with a body, as browsers do, but clients can. */
function rawRequest(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method,
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    });
    request.on("error", reject);
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.end(body);
  });
}

describe("GET requests with a body", () => {
  it("are answered as if the body were not there, whatever it holds", async () => {
    const w = await nestWorld();
    try {
      const origin = await w.server.listen();
      const base = origin + w.server.bases.claudenest;
      const known = samples(w);
      const failures: string[] = [];
      const gets = endpoints.filter((e) => e.spec.method === "GET");
      expect(gets.length).toBeGreaterThan(20);
      for (const { id, spec } of gets) {
        const sample = known[id]!;
        const path = spec.path.replace(/\{(\w+)\+?\}/g, (_, name: string) => encodeURIComponent(sample.params[name]!));
        const query = new URLSearchParams(sample.query ?? {}).toString();
        const token = tokenFor(w, spec);
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (token) headers.authorization = `Bearer ${token}`;
        for (const body of ['{"per_page":1000,"user_id":"x"}', "{", deepArray()]) {
          const { status, text } = await rawRequest(`${base}${path}${query ? `?${query}` : ""}`, "GET", headers, body);
          const problem = await problemWith(new Response(status === 204 ? null : text, { status }), spec);
          if (problem) failures.push(`${id} [${body.slice(0, 20)}]: ${problem}`);
        }
      }
      expect(failures).toEqual([]);
      expect(w.unexpected.map(String)).toEqual([]);
    } finally {
      await w.close();
    }
  });
});

describe("the OpenAPI document", () => {
  it("shows no stored secret", async () => {
    const w = await nestWorld();
    try {
      const text = await (await w.server.fetch(new Request("http://lite.test/openapi.json"))).text();
      expect(text.length).toBeGreaterThan(10_000);
      expect(SECRETS.filter((secret) => text.includes(secret))).toEqual([]);
    } finally {
      await w.close();
    }
  });
});
