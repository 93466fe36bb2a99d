import { type CCJKErrorCode, contract, errorCodes } from "@agentlane/sdk/ccjk/contract";
import type { EndpointSpec } from "@agentlane/sdk/contract";
import { expect, it } from "vitest";
import {
  contractEntries,
  type SweepEntry as Entry,
  type MalformedCase,
  tableRowCounts,
} from "../../../core/test-malformed.ts";
import { describeStatementReuse } from "../../../core/test-statement-reuse.ts";
import { describeMalformedSweep, type MalformedSweepPlan } from "../../../core/test-sweep.ts";
import { type CCJKWorld, ccjkWorld, samples } from "../testing/world.ts";

const endpoints: Entry[] = contractEntries(contract);
const codes = errorCodes as Record<string, { status: number }>;
/** Text no answer may contain: stored secrets and their hashes. */
const SECRETS = ["key_hash", "secret_hash", "token_hash", "ghp_world_secret", "provider_config"];

function send(w: CCJKWorld, c: MalformedCase, spec: EndpointSpec): Promise<Response> {
  const headers = new Headers();
  if (spec.auth !== "none") headers.set("authorization", `Bearer ${w.owner.key}`);
  if (c.contentType) headers.set("content-type", c.contentType);
  return w.server.fetch(new Request(w.baseUrl + c.url, { method: c.method, headers, body: c.body }));
}

/** What is wrong with an answer to a malformed request, or undefined when it is a documented answer. */
async function problemWith(response: Response, spec: EndpointSpec): Promise<string | undefined> {
  const text = await response.text();
  const secret = SECRETS.find((s) => text.includes(s));
  if (secret) return `the answer contains ${secret}`;
  if (!response.headers.get("x-request-id")) return `${response.status} without x-request-id`;
  let payload: {
    success?: unknown;
    error?: { code?: unknown; messageZh?: unknown; requestId?: unknown; details?: unknown };
  };
  try {
    payload = JSON.parse(text);
  } catch {
    return `${response.status} answered ${text.slice(0, 80)}`;
  }
  if (response.status < 400) return payload.success === true ? undefined : `${response.status} without success: true`;
  const error = payload.success === false ? payload.error : undefined;
  const code = error?.code;
  if (typeof code !== "string") return `${response.status} without error.code`;
  if (codes[code]?.status !== response.status) return `${code} answered with status ${response.status}`;
  if (typeof error?.messageZh !== "string" || typeof error.requestId !== "string")
    return `${code} without messageZh or requestId`;
  if (typeof error.details !== "object" || error.details === null) return `${code} without details`;
  if (response.status >= 500 && !(spec.errors ?? []).includes(code as CCJKErrorCode))
    return `${response.status} ${code}`;
  return undefined;
}

/** Row counts of every CCJK table, to tell that a refused request wrote nothing. */
function rowCounts(w: CCJKWorld): string {
  return tableRowCounts(w.server.db, (t) => t.startsWith("ccjk"));
}

const plan: MalformedSweepPlan<Awaited<ReturnType<typeof ccjkWorld>>> = {
  endpoints,
  world: ccjkWorld,
  // Cancelling the task runs last: the other endpoints keep their rows.
  order: (a, b) => Number(a.id === "agents.cancelTask") - Number(b.id === "agents.cancelTask"),
  sweep: (w) => ({
    samples: samples(w),
    send: (c, entry) => send(w, c, entry.spec),
    problemWith,
    rowCounts: () => rowCounts(w),
    unexpected: w.unexpected,
  }),
};

describeMalformedSweep("every CCJK endpoint refuses malformed input with a documented error", plan);

describeStatementReuse("every CCJK request, sent again, is answered on statements already prepared", plan);

it("sweeps the document's 25 endpoints", () => {
  expect(endpoints).toHaveLength(25);
});
