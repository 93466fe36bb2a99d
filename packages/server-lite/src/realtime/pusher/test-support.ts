/**
 * @module
 * Test support: a channel authorizer with two users, a raw Pusher-protocol client on the `ws` package
 * that records every frame (with `data` decoded) and waits for the frames a test expects, and checks that
 * no socket or timer is left behind.
 */
import { WebSocket } from "ws";
import { Failure } from "../../core/failure.ts";
import type { ChannelAuthorizer } from "./hooks.ts";

/** Tokens of the test users. */
export const TOKENS = { alice: "tok-alice", bob: "tok-bob" } as const;

/**
 * `private-user.{name}` belongs to that user; `private-shared` to both; `private-broken` makes the
 * authorizer throw an unexpected error. A missing or unknown token is refused with 401.
 */
export const testAuthorizer: ChannelAuthorizer = (token, channel) => {
  const user = Object.entries(TOKENS).find(([, t]) => t === token)?.[0];
  if (!user) throw new Failure("AUTH_002", "Unauthenticated.");
  if (channel === "private-broken") throw new Error("authorizer failure");
  if (channel === "private-shared" || channel === `private-user.${user}`) return { allow: true, identity: { user } };
  return { allow: false, status: 403, message: `${user} may not read ${channel}` };
};

export interface Frame {
  event: string;
  channel?: string;
  data: any;
  /** `data` exactly as it came over the wire. */
  rawData: unknown;
}

export class RawPusherClient {
  readonly ws: WebSocket;
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly #waiters = new Set<() => void>();

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on("message", (raw) => {
      const parsed = JSON.parse(raw.toString()) as { event: string; channel?: string; data?: unknown };
      let data = parsed.data;
      if (typeof data === "string") {
        try {
          data = JSON.parse(data);
        } catch {}
      }
      this.frames.push({ event: parsed.event, channel: parsed.channel, data, rawData: parsed.data });
      for (const wake of [...this.#waiters]) wake();
    });
    this.closed = new Promise((resolve) => {
      this.ws.on("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        for (const wake of [...this.#waiters]) wake();
      });
    });
  }

  /** Connects and reads the handshake; resolves with the socket id. */
  static async connect(url: string): Promise<RawPusherClient & { socketId: string }> {
    const client = new RawPusherClient(url);
    const established = await client.next((f) => f.event === "pusher:connection_established");
    return Object.assign(client, { socketId: established.data.socket_id as string });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** The first frame after `from` (an index into `frames`) that matches; fails when the socket closes first. */
  next(match: (frame: Frame) => boolean, from = 0): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.frames.slice(from).find(match);
        if (found) {
          this.#waiters.delete(check);
          resolve(found);
        } else if (this.ws.readyState === WebSocket.CLOSED) {
          this.#waiters.delete(check);
          reject(new Error(`socket closed before the expected frame; got ${JSON.stringify(this.frames)}`));
        }
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** Sends a frame and waits for the first matching answer to it. */
  async request(frame: unknown, match: (frame: Frame) => boolean): Promise<Frame> {
    const from = this.frames.length;
    this.send(frame);
    return this.next(match, from);
  }

  /** Subscribes and resolves with the answer (`subscription_succeeded` or `subscription_error`). */
  subscribe(channel: string, auth?: unknown): Promise<Frame> {
    return this.request(
      { event: "pusher:subscribe", data: { channel, ...(auth === undefined ? {} : { auth }) } },
      (f) =>
        f.channel === channel &&
        (f.event === "pusher_internal:subscription_succeeded" || f.event === "pusher:subscription_error"),
    );
  }

  /** Round-trips a ping: every frame sent before it has been handled once the pong arrives. */
  async flush(): Promise<void> {
    await this.request({ event: "pusher:ping", data: {} }, (f) => f.event === "pusher:pong");
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }
}

/** How many active sockets and timers the process holds (what a live connection would leave behind). */
export function liveHandles(): { sockets: number; timers: number } {
  const kinds = process.getActiveResourcesInfo();
  return {
    sockets: kinds.filter((kind) => kind === "TCPSocketWrap").length,
    timers: kinds.filter((kind) => kind === "Timeout").length,
  };
}

/** The handle counts once earlier tests' connections have wound down (stable over 100 ms, at most 2 s). */
export async function settledHandles(): Promise<{ sockets: number; timers: number }> {
  let last = "";
  let stable = 0;
  for (let attempt = 0; attempt < 100 && stable < 5; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reading = JSON.stringify(liveHandles());
    stable = reading === last ? stable + 1 : 0;
    last = reading;
  }
  return liveHandles();
}

/**
 * Whether the process comes back to holding no more sockets or timers than at `before`, checked every
 * 20 ms for up to 2 s (closing handshakes take a few round trips). Checks run inside a fired timer's
 * callback, so the polling itself is never counted (`vi.waitFor` would be: its timers are live).
 */
export async function handlesBackTo(before: { sockets: number; timers: number }): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = liveHandles();
    if (now.sockets <= before.sockets && now.timers <= before.timers) return true;
  }
  return false;
}
