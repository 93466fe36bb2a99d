/**
 * @module
 * The pairing flow of §3 as one call.
 */
import { AbortError } from "../../core/errors/abort-error.ts";
import type { AgentInfo, PairingTicket } from "./contract/pairing.ts";
import type { ClaudeNestMethods } from "./routes.generated.ts";

/** The part of a ClaudeNest client this module uses. */
type Nest = Pick<ClaudeNestMethods, "pairing">;

/** Options of `nest.pairMachine()`. */
export interface PairMachineOptions {
  /** Called once with the code to show the user, and the ticket it came with. */
  onCode?: (code: string, ticket: PairingTicket) => void;
  /**
   * First delay between polls, in milliseconds; it grows ×1.5 per poll up to `maxInterval`. A 429 answer
   * is retried by the HTTP client after its `Retry-After`.
   * @default 2000
   */
  interval?: number;
  /** @default 10000 */
  maxInterval?: number;
  signal?: AbortSignal;
}

/** The machine a completed pairing created, with its token. */
export interface PairedMachine {
  id: string;
  /** The machine token (`mn_…`): use it as the agent's bearer token. */
  token: string;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError(undefined, { cause: signal.reason }));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError(undefined, { cause: signal!.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export async function pairMachine(
  nest: Nest,
  agentInfo: AgentInfo,
  options: PairMachineOptions = {},
): Promise<PairedMachine> {
  const { signal } = options;
  const maxInterval = options.maxInterval ?? 10_000;
  let interval = options.interval ?? 2000;
  const ticket = await nest.pairing.initiate({ agent_info: agentInfo }, { signal });
  options.onCode?.(ticket.code, ticket);
  for (;;) {
    await sleep(interval, signal);
    // Expiry answers 410 (GoneError, PAR_002), which ends the loop by throwing.
    const status = await nest.pairing.status({ code: ticket.code }, { token: ticket.token, signal });
    if (status.status === "completed") return { id: status.machine.id, token: status.machine.token };
    interval = Math.min(maxInterval, interval * 1.5);
  }
}
