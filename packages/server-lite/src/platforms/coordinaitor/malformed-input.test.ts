import type { EndpointSpec } from "@agentlane/sdk/contract";
import { contract, errorCodes } from "@agentlane/sdk/coordinaitor/contract";
import {
  contractEntries,
  type SweepEntry as Entry,
  type MalformedCase,
  tableRowCounts,
} from "../../core/test-malformed.ts";
import { describeStatementReuse } from "../../core/test-statement-reuse.ts";
import { describeMalformedSweep, type MalformedSweepPlan } from "../../core/test-sweep.ts";
import { type SweepWorld, samples, sweepWorld } from "./testing/samples.ts";
import { BASE_URL } from "./testing/world.ts";

const endpoints: Entry[] = contractEntries(contract);

/** Endpoints that take away what later requests use run last. */
const rank = ({ id }: Entry) => (/\.(delete|removeMember|logout)$/.test(id) ? 1 : 0);

const codes = errorCodes as Record<string, { status: number }>;
/** Text no answer may contain: stored secrets and their hashes. */
const SECRETS = ["password_hash", "scrypt$", "key_hash", "refresh_hash", "secret_hash"];

function send(w: SweepWorld, c: MalformedCase, spec: EndpointSpec): Promise<Response> {
  const headers = new Headers();
  if (spec.auth !== "none") headers.set("authorization", `Bearer ${w.admin.client.tokens.accessToken}`);
  if (c.contentType) headers.set("content-type", c.contentType);
  return w.server.fetch(new Request(BASE_URL + c.url, { method: c.method, headers, body: c.body }));
}

async function problemWith(response: Response): Promise<string | undefined> {
  const text = await response.text();
  const secret = SECRETS.find((s) => text.includes(s));
  if (secret) return `the answer contains ${secret}`;
  if (response.status === 204) return text === "" ? undefined : "204 with a body";
  let payload: { success?: unknown; meta?: { requestId?: unknown }; error?: { code?: unknown; details?: unknown } };
  try {
    payload = JSON.parse(text);
  } catch {
    return `${response.status} answered ${text.slice(0, 80)}`;
  }
  if (typeof payload?.meta?.requestId !== "string") return `${response.status} without meta.requestId`;
  if (response.status < 400) return payload.success === true ? undefined : `${response.status} without success: true`;
  const code = payload.success === false ? payload.error?.code : undefined;
  if (typeof code !== "string") return `${response.status} without error.code`;
  if (codes[code]?.status !== response.status) return `${code} answered with status ${response.status}`;
  if (response.status >= 500) return `${response.status} ${code}`;
  if (response.status === 422) {
    const details = payload.error?.details;
    const named =
      typeof details === "object" &&
      details !== null &&
      Object.keys(details).length > 0 &&
      Object.values(details).every((m) => Array.isArray(m) && m.every((s) => typeof s === "string"));
    if (!named) return "422 without per-field details";
  }
  return undefined;
}

function rowCounts(w: SweepWorld): string {
  return tableRowCounts(w.server.db, (t) => (t.startsWith("co_") || t.startsWith("coordinaitor")) && t !== "co_logs");
}

const plan: MalformedSweepPlan<Awaited<ReturnType<typeof sweepWorld>>> = {
  endpoints,
  world: sweepWorld,
  order: (a, b) => rank(a) - rank(b),
  sweep: (w) => ({
    samples: samples(w),
    send: (c, entry) => send(w, c, entry.spec),
    problemWith: (response) => problemWith(response),
    rowCounts: () => rowCounts(w),
    unexpected: w.unexpected,
  }),
};

describeMalformedSweep("every CoordinAItor endpoint refuses malformed input with a documented error", plan);

describeStatementReuse("every CoordinAItor request, sent again, is answered on statements already prepared", plan);
