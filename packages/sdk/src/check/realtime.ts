/**
 * @module
 * The realtime handshake, for platforms that have one: connect with the user's credentials, then subscribe to
 * (and so authorize) one channel named from the ids the reads found. Whatever fails is reported as a `realtime`
 * difference: the SDK's watchers would not work. Each step waits on the transport's own events, bounded by the
 * request timeout; the transport is closed afterwards whatever happened.
 */
import type { LiveTransport } from "../live/transport.ts";
import type { Redactor } from "./redact.ts";
import type { Difference, EndpointOutcome } from "./types.ts";

/** How a platform's realtime endpoint is reached and which channel proves authorization works. */
export interface RealtimeProfile {
  /** What the report calls the endpoint (`Pusher WebSocket (§13)`). */
  name: string;
  /** Opens the live transport with the credential (a token, or the API key), or without when none was given. */
  open(baseUrl: string, credential: string | undefined, options: RealtimeCheckOptions): LiveTransport;
  /**
   * The channel to subscribe to, from the ids the reads found (`find("project", "id")`), or `undefined` when
   * none applies: then only the connection is checked.
   */
  channel(find: (noun: string, field: string) => string | undefined): string | undefined;
}

/** Where a platform's realtime server is, when not where the profile derives it from the base URL. */
export interface RealtimeCheckOptions {
  /** The realtime server's URL. @default derived from the base URL by the platform */
  url?: string | undefined;
  /** The Pusher app key, for platforms that speak the Pusher protocol. @default the platform's */
  appKey?: string | undefined;
}

type Step = { ok: true } | { ok: false; seen: string };

/** Waits until `settle` reports, or the timeout passes. */
function waitFor(timeout: number, start: (settle: (step: Step) => void) => void): Promise<Step> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, seen: `no answer within ${timeout} ms` }), timeout);
    start((step) => {
      clearTimeout(timer);
      resolve(step);
    });
  });
}

function connected(transport: LiveTransport, timeout: number): Promise<Step> {
  return waitFor(timeout, (settle) => {
    let lastError: Error | undefined;
    transport.on("error", (error) => {
      lastError = error;
    });
    const onStatus = (status: string) => {
      if (status === "connected") settle({ ok: true });
      else if (status === "closed" || status === "reconnecting")
        settle({ ok: false, seen: (transport.closeError ?? lastError)?.message ?? `the connection ${status}` });
    };
    transport.on("status", onStatus);
    onStatus(transport.status);
  });
}

function subscribed(transport: LiveTransport, channel: string, timeout: number): Promise<Step> {
  return waitFor(timeout, (settle) => {
    transport.subscribe(channel, {
      event: () => {},
      subscribed: () => settle({ ok: true }),
      error: (error) => settle({ ok: false, seen: error.message }),
    });
  });
}

/** Connects to a platform's realtime endpoint and authorizes one channel; one outcome per step. */
export async function checkRealtime(
  realtime: RealtimeProfile,
  context: {
    baseUrl: string;
    credential: string | undefined;
    options: RealtimeCheckOptions;
    timeout: number;
    find: (noun: string, field: string) => string | undefined;
    redact: Redactor;
  },
): Promise<EndpointOutcome[]> {
  const { redact, timeout } = context;
  const outcome = (what: string, step: Step, documented: string): EndpointOutcome => {
    const differences: Difference[] = step.ok
      ? []
      : [{ kind: "realtime", path: "(realtime)", documented, seen: redact.text(step.seen), sdk: "throws" }];
    return {
      endpoint: `${realtime.name}: ${what}`,
      method: "WS",
      path: what,
      status: step.ok ? "ok" : "differs",
      sdk: step.ok ? "reads" : "throws",
      differences,
    };
  };
  const transport = realtime.open(context.baseUrl, context.credential, context.options);
  try {
    const connection = await connected(transport, timeout);
    const outcomes = [outcome("connect", connection, "a connection")];
    const channel = realtime.channel(context.find);
    if (!connection.ok) return outcomes;
    if (channel === undefined) return outcomes;
    outcomes.push(outcome(`subscribe ${channel}`, await subscribed(transport, channel, timeout), "a subscription"));
    return outcomes;
  } finally {
    transport.close();
  }
}
