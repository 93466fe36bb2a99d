/**
 * @module
 * Where a ClaudeNest client finds the Pusher server (§13) and how it authorizes private channels.
 *
 * The WebSocket URL defaults to the API's base URL without its trailing `/api`, with `ws(s)`, plus
 * `/app/{appKey}`: `http://host/claudenest/api` connects to `ws://host/claudenest/app/claudenest`, and
 * `https://api.claudenest.io/api` to `wss://api.claudenest.io/app/claudenest`. A hosted ClaudeNest whose
 * Reverb server listens elsewhere (another port, say) is reached with `realtime.url`. Private channels are
 * authorized by the standard flow with the client's bearer token: the document's channels at
 * `POST {baseUrl}/broadcasting/auth`, the real server's (`private-sessions.{id}`, `private-projects.{id}`) where
 * Laravel serves it, at the root of the base URL (`https://host/api` → `https://host/broadcasting/auth`), as
 * ClaudeNest's web UI calls it. `realtime.channels` chooses the namings live helpers use (`namings.ts`).
 */
import type { NormalizedOptions } from "../../../core/options.ts";
import { pusherAuthEndpoint } from "../../../live/auth-endpoint.ts";
import type { BackoffOptions } from "../../../live/backoff.ts";
import { PusherTransport, type PusherTransportOptions } from "../../../live/pusher-transport.ts";
import { type ChannelNaming, isRealChannel } from "./namings.ts";

/** The app key server-lite's ClaudeNest serves; a hosted ClaudeNest has its own Reverb key. */
export const DEFAULT_APP_KEY = "claudenest";

/** How a ClaudeNest client reaches the §13 WebSocket (Laravel Reverb, Pusher protocol). */
export interface ClaudeNestRealtimeOptions {
  /**
   * The Pusher (Reverb) app key.
   * @default "claudenest"
   */
  appKey?: string;
  /**
   * Where the Pusher server listens, with any path before `/app/{appKey}`; `http(s)` becomes `ws(s)`.
   * @default the base URL without its trailing `/api`
   * @example "wss://api.claudenest.io:8080"
   */
  url?: string;
  /**
   * The WebSocket class: Node's global `WebSocket` (Node 22 and later), or the `ws` package's on older Node.
   * @default globalThis.WebSocket
   */
  WebSocket?: unknown;
  /** Reconnection delays of every live connection this client opens. */
  backoff?: BackoffOptions;
  /**
   * The channel and event names live helpers use: `document` (§13: `private-session.{id}`, `session:output`, the
   * terminal's input as client events), `real` (ClaudeNest's own server and web UI: `private-sessions.{id}`,
   * `session.output`, the terminal's input over HTTP), or `both` (each naming the server accepts, every event heard
   * once; the terminal's input as client events while the document's channel is open, else over HTTP).
   * @default "both"
   */
  channels?: ChannelNaming;
}

/** The Pusher server's URL for an API base URL: the base without its trailing `/api` segment. */
export function realtimeUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.pathname = url.pathname.replace(/\/+$/, "").replace(/\/api$/, "");
  url.search = "";
  url.hash = "";
  return url.href.replace(/\/+$/, "");
}

/** What a client's live features need: transport options, built once per client. */
export class RealtimeSettings {
  readonly url: string;
  readonly appKey: string;
  readonly backoff: BackoffOptions | undefined;
  readonly naming: ChannelNaming;
  readonly #http: NormalizedOptions;
  readonly #options: ClaudeNestRealtimeOptions;

  constructor(http: NormalizedOptions, options: ClaudeNestRealtimeOptions = {}) {
    this.#http = http;
    this.#options = options;
    this.url = options.url ?? realtimeUrl(http.baseUrl);
    this.appKey = options.appKey ?? DEFAULT_APP_KEY;
    this.backoff = options.backoff;
    this.naming = options.channels ?? "both";
  }

  /** Transport options; private channels go through the auth endpoint unless `token` is given (inline). */
  transportOptions(token?: PusherTransportOptions["token"]): PusherTransportOptions {
    const { WebSocket, backoff } = this.#options;
    const http = this.#http;
    const endpoint = (url: string) =>
      pusherAuthEndpoint({ url, token: http.token, headers: http.headers, fetch: http.fetch as typeof fetch });
    const documented = endpoint(`${http.baseUrl}/broadcasting/auth`);
    const real = endpoint(`${realtimeUrl(http.baseUrl)}/broadcasting/auth`);
    return {
      url: this.url,
      appKey: this.appKey,
      ...(WebSocket === undefined ? {} : { WebSocket }),
      ...(backoff === undefined ? {} : { backoff }),
      ...(token === undefined
        ? {
            authorize: (socketId: string, channel: string) =>
              (isRealChannel(channel) ? real : documented)(socketId, channel),
          }
        : { token }),
    };
  }

  /** A new connection with the client's settings. */
  transport(): PusherTransport {
    return new PusherTransport(this.transportOptions());
  }
}
