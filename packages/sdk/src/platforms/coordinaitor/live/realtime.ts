/**
 * @module
 * Where a CoordinAItor client's `/ws` connection goes and which credential it carries. Browsers cannot set
 * headers on a WebSocket, so the credential (the current access token, refreshed first when it is stale, or the
 * API key) goes in the URL as `?token=`, read again before every reconnection.
 */
import type { BackoffOptions } from "../../../live/backoff.ts";
import { WsSubscribeTransport } from "../../../live/ws-subscribe.ts";

/** Options of a client's realtime connection. */
export interface CoordinAItorRealtimeOptions {
  /**
   * The WebSocket URL.
   * @default the client's origin with `/ws` (`ws://localhost:3000/ws`)
   */
  url?: string;
  /**
   * The WebSocket class (the `ws` package, or the global one on Node 22+ and in browsers).
   * @default globalThis.WebSocket
   */
  WebSocket?: unknown;
  /** Delays between reconnections, and between retries of the REST re-read after one. */
  backoff?: BackoffOptions;
}

/** The default `/ws` URL of a base URL: its origin and path with `/ws`, over `ws(s)`. */
export function realtimeUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin.replace(/^http/, "ws")}${url.pathname.replace(/\/+$/, "")}/ws`;
}

/** Reads the credential a `/ws` connection carries: the access token or API key. */
export type CredentialSource = () => Promise<string | undefined>;

/** Opens a new `/ws` transport with a client's settings. */
export function openTransport(
  baseUrl: string,
  credential: CredentialSource,
  options: CoordinAItorRealtimeOptions = {},
): WsSubscribeTransport {
  return new WsSubscribeTransport({
    url: options.url ?? realtimeUrl(baseUrl),
    query: async () => ({ token: await credential() }),
    ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }),
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
  });
}
