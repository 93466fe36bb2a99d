import { type ActusErrorCode, contract, errorCodes } from "@agentlane/sdk/actus/contract";
import type { EndpointSpec } from "@agentlane/sdk/contract";
import {
  contractEntries,
  type SweepEntry as Entry,
  type MalformedCase,
  tableRowCounts,
} from "../../core/test-malformed.ts";
import { describeStatementReuse } from "../../core/test-statement-reuse.ts";
import { describeMalformedSweep, type MalformedSweepPlan } from "../../core/test-sweep.ts";
import { type SweepWorld, sweepWorld } from "./testing/sweep-world.ts";

const endpoints: Entry[] = contractEntries(contract);

/** Endpoints that take away what later requests use run last. */
const rank = ({ id }: Entry) => (/\.(remove|delete\w*|deleteUser)$/.test(id) ? 1 : 0);

const table = errorCodes as Record<string, { code: number; status: number }>;
/** Text no answer may contain: stored secrets. */
const SECRETS = ["password_hash", "scrypt$", "token_hash"];

function tokenFor(w: SweepWorld, spec: EndpointSpec): string | undefined {
  if (spec.auth === "none") return undefined;
  return spec.auth === "admin" ? w.admin.token : w.alice.token;
}

function send(w: SweepWorld, c: MalformedCase, token: string | undefined): Promise<Response> {
  const headers = new Headers();
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (c.contentType) headers.set("content-type", c.contentType);
  return w.server.fetch(new Request(w.baseUrl + c.url, { method: c.method, headers, body: c.body }));
}

/** What is wrong with an answer to a malformed request, or undefined when it is a documented answer. */
async function problemWith(response: Response, spec: EndpointSpec): Promise<string | undefined> {
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    await response.body?.cancel();
    return response.status === 200 ? undefined : `a stream with ${response.status}`;
  }
  const text = await response.text();
  const secret = SECRETS.find((s) => text.includes(s));
  if (secret) return `the answer contains ${secret}`;
  let body: { code?: unknown; msg?: unknown; data?: { detail?: unknown } | null };
  try {
    body = JSON.parse(text);
  } catch {
    return `${response.status} answered ${text.slice(0, 80)}`;
  }
  if (typeof body.code !== "number" || typeof body.msg !== "string" || !("data" in body))
    return `${response.status} not in the envelope`;
  if (response.status === 200 && body.code === 200) return undefined;
  const known = Object.entries(table).find(([, e]) => e.code === body.code && e.status === response.status);
  if (!known) return `code ${body.code} with HTTP ${response.status}`;
  if (response.status >= 500 && !(spec.errors ?? []).includes(known[0] as ActusErrorCode))
    return `${response.status}: ${String(body.msg)}`;
  if (response.status === 422) {
    const detail = body.data?.detail;
    if (!Array.isArray(detail) || detail.length === 0) return "422 without detail";
  }
  return undefined;
}

function rowCounts(w: SweepWorld): string {
  return tableRowCounts(w.server.db, (t) => t.startsWith("act_"));
}

const plan: MalformedSweepPlan<Awaited<ReturnType<typeof sweepWorld>>> = {
  endpoints,
  world: sweepWorld,
  order: (a, b) => rank(a) - rank(b),
  sweep: (w) => ({
    samples: w.samples,
    send: (c, entry) => send(w, c, tokenFor(w, entry.spec)),
    problemWith,
    rowCounts: () => rowCounts(w),
    unexpected: w.unexpected,
    // A case that started a turn: let it end before the next one, which would otherwise answer 409.
    afterCase: () => w.services.agent.stopAll(),
  }),
};

describeMalformedSweep("every Actus endpoint refuses malformed input in its envelope", plan);

describeStatementReuse("every Actus request, sent again, is answered on statements already prepared", plan);
