import { type CaipeErrorCode, contract, errorCodes } from "@agentlane/sdk/caipe/contract";
import type { EndpointSpec } from "@agentlane/sdk/contract";
import {
  contractEntries,
  type SweepEntry as Entry,
  type MalformedCase,
  tableRowCounts,
} from "../../../core/test-malformed.ts";
import { describeStatementReuse } from "../../../core/test-statement-reuse.ts";
import { describeMalformedSweep, type MalformedSweepPlan } from "../../../core/test-sweep.ts";
import { type SweepWorld, sweepWorld } from "./samples.ts";

const endpoints: Entry[] = contractEntries(contract);

const codes = errorCodes as Record<string, { status: number }>;
/** Text no answer may contain: stored token hashes. */
const SECRETS = ["token_hash", "caipe_tokens"];

/** Deletes run last: the other endpoints' samples name the row they delete. */
const rank = ({ id }: Entry) => (id === "configs.remove" ? 1 : 0);

function send(w: SweepWorld, c: MalformedCase, spec: EndpointSpec): Promise<Response> {
  const headers = new Headers();
  // The admin owns nothing the samples name but may call everything; the user owns the samples' rows.
  const token =
    spec.auth === "none"
      ? undefined
      : spec.auth === "admin" || c.url.includes("scan-jobs")
        ? w.admin.token
        : w.user.token;
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (c.contentType) headers.set("content-type", c.contentType);
  return w.server.fetch(new Request(`http://lite.test/api${c.url}`, { method: c.method, headers, body: c.body }));
}

/** What is wrong with an answer to a malformed request, or undefined when it is a documented answer. */
async function problemWith(response: Response, spec: EndpointSpec): Promise<string | undefined> {
  const text = await response.text();
  const secret = SECRETS.find((s) => text.includes(s));
  if (secret) return `the answer contains ${secret}`;
  const type = response.headers.get("content-type") ?? "";
  if (response.status === 200 && spec.response.constructor.name === "ZodString")
    return type.startsWith("text/") ? undefined : `200 text endpoint answered ${type}`;
  let payload: { success?: unknown; error?: unknown; code?: unknown; details?: unknown };
  try {
    payload = JSON.parse(text);
  } catch {
    return `${response.status} answered ${text.slice(0, 80)}`;
  }
  if (response.status < 400) return payload.success === true ? undefined : `${response.status} without success: true`;
  if (payload.success !== false) return `${response.status} without success: false`;
  if (typeof payload.error !== "string" || !payload.error) return `${response.status} without an error message`;
  const code = payload.code;
  if (typeof code !== "string") return `${response.status} without code`;
  if (codes[code]?.status !== response.status) return `${code} answered with status ${response.status}`;
  if (response.status >= 500 && !(spec.errors ?? []).includes(code as CaipeErrorCode))
    return `${response.status} ${code}: ${payload.error}`;
  if (code === "VALIDATION_ERROR") {
    const details = payload.details;
    const named =
      typeof details === "object" &&
      details !== null &&
      Object.keys(details).length > 0 &&
      Object.values(details).every((m) => Array.isArray(m) && m.length > 0 && m.every((s) => typeof s === "string"));
    if (!named) return "VALIDATION_ERROR without field errors";
  }
  return undefined;
}

/** Row counts of every CAIPE table, to tell that a refused request wrote nothing. */
function rowCounts(w: SweepWorld): string {
  return tableRowCounts(w.server.db, (t) => t.startsWith("caipe"));
}

const plan: MalformedSweepPlan<Awaited<ReturnType<typeof sweepWorld>>> = {
  endpoints,
  world: sweepWorld,
  order: (a, b) => rank(a) - rank(b),
  sweep: (w) => ({
    samples: w.samples,
    send: (c, entry) => send(w, c, entry.spec),
    problemWith,
    rowCounts: () => rowCounts(w),
    unexpected: w.unexpected,
  }),
};

describeMalformedSweep("every CAIPE endpoint refuses malformed input with a documented error", plan);

describeStatementReuse("every CAIPE request, sent again, is answered on statements already prepared", plan);
