/**
 * @module
 * The `--write` round trip: the profile's scripted writes in a scratch resource (a project, a task claimed and
 * completed, a lock taken and released), each answer judged like a read (so a known variant of a write's answer
 * is reported as such), then the cleanup that removes the scratch resource, run even after a failed step.
 */
import type { Contract } from "../contract/endpoint.ts";
import { fillPath, pathParams } from "../contract/path.ts";
import { routesOf } from "../contract/routes.ts";
import { judgeAnswer } from "./answer.ts";
import type { CheckProfile, WriteStep } from "./profile.ts";
import type { Redactor } from "./redact.ts";
import type { ProbeTransport } from "./transport.ts";
import type { EndpointOutcome } from "./types.ts";

/** What the round trip runs with. */
export interface WriteContext {
  profile: CheckProfile;
  transport: ProbeTransport;
  headers: Record<string, string>;
  redact: Redactor;
  /** A value the reads found, by noun and field. */
  find: (noun: string, field: string) => string | undefined;
}

/** Splits a method's input into path parameters, query and JSON body, as the SDK's client does. */
function requestOf(contract: Contract, name: string, input: Record<string, unknown>) {
  const [resource, method] = name.split(".") as [string, string];
  const spec = contract[resource]?.[method]?.spec;
  if (!spec || (spec.contentType && spec.contentType !== "json"))
    throw new TypeError(`the write round trip names ${name}, which is not a documented endpoint with a JSON body`);
  const route = routesOf(contract)[resource]![method]!;
  const params = new Set(pathParams(spec.path).map((p) => p.name));
  const query: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (params.has(key)) continue;
    if (route.query.includes(key)) query[key] = String(value);
    else body[key] = value;
  }
  const hasBody = spec.body !== undefined;
  return { spec, path: fillPath(spec.path, input), query, body: hasBody ? body : undefined };
}

function skippedStep(profile: CheckProfile, step: WriteStep, reason: string): EndpointOutcome {
  const [resource, method] = step.endpoint.split(".") as [string, string];
  const spec = profile.contract[resource]?.[method]?.spec;
  return {
    endpoint: `${step.endpoint} (round trip)`,
    method: spec?.method ?? "?",
    path: spec?.path ?? "?",
    status: "skipped",
    reason,
    sdk: "reads",
    differences: [],
  };
}

/** Sends one step; resolves with its outcome and whether it succeeded (its kept values are added to `kept`). */
async function sendStep(context: WriteContext, step: WriteStep, kept: Record<string, string>) {
  const { profile, transport, redact } = context;
  const request = requestOf(profile.contract, step.endpoint, step.input(kept));
  const answer = await transport.send({
    method: request.spec.method,
    path: request.path,
    query: request.query,
    body: request.body,
    headers: context.headers,
    write: true,
  });
  const { outcome, read } = judgeAnswer(profile, step.endpoint, request.spec, answer, redact);
  if (read.ok) for (const [name, value] of Object.entries(step.keep?.(read.data) ?? {})) if (value) kept[name] = value;
  // A step whose answer the SDK reads (extra keys and all) lets the round trip go on.
  const succeeded = read.ok && outcome.sdk !== "throws";
  return { outcome: { ...outcome, endpoint: `${step.endpoint} (round trip)` }, succeeded, answered: read.ok };
}

/** Runs the profile's round trip, then its cleanup; one outcome per step. */
export async function writeRoundTrip(context: WriteContext): Promise<{ outcomes: EndpointOutcome[]; notes: string[] }> {
  const script = context.profile.write!;
  const kept: Record<string, string> = { scratch: `agentlane-check-${Math.random().toString(36).slice(2, 10)}` };
  const outcomes: EndpointOutcome[] = [];
  for (const [name, source] of Object.entries(script.needs)) {
    const [noun, field] = source.split(".") as [string, string];
    const value = context.find(noun, field);
    if (value !== undefined) kept[name] = value;
  }
  let stoppedAt: string | undefined;
  let sent = 0;
  for (const step of script.steps) {
    const missing = step.uses.filter((name) => kept[name] === undefined);
    if (stoppedAt || missing.length > 0) {
      const reason = stoppedAt
        ? `an earlier step did not complete (${stoppedAt})`
        : `no ${missing.join(", ")} to write with`;
      outcomes.push(skippedStep(context.profile, step, reason));
      stoppedAt ??= step.endpoint;
      continue;
    }
    const { outcome, succeeded } = await sendStep(context, step, kept);
    sent++;
    outcomes.push(outcome);
    if (!succeeded) stoppedAt = step.endpoint;
  }
  const notes: string[] = [];
  for (const step of script.cleanup) {
    if (step.uses.some((name) => kept[name] === undefined)) continue;
    const { outcome, answered } = await sendStep(context, step, kept);
    outcomes.push(outcome);
    if (!answered)
      notes.push(`Could not remove the scratch resource ${kept.scratch} (${step.endpoint}): remove it by hand.`);
  }
  notes.unshift(
    sent > 0
      ? `Sent the write round trip in a scratch resource named ${kept.scratch}.`
      : "The write round trip was not sent: the reads found nothing to write in (see its first step).",
  );
  return { outcomes, notes };
}
