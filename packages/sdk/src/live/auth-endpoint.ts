/**
 * @module
 * The standard Pusher channel authorization: POST `socket_id` and `channel_name` (form-encoded) to the
 * platform's auth endpoint with the user's bearer token, and read `{"auth": "<key>:<signature>"}`.
 */
import type { TokenSource } from "../core/options.ts";
import { LiveSubscriptionError } from "./errors.ts";

/** Where and how {@link pusherAuthEndpoint} authorizes private channels. */
export interface PusherAuthEndpointOptions {
  /**
   * The auth endpoint's URL.
   * @example "http://localhost:8000/api/broadcasting/auth"
   */
  url: string;
  /** The user's bearer token. */
  token?: TokenSource;
  /** Extra headers for every authorization request. */
  headers?: Record<string, string>;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** An `authorize` callback for `PusherTransport` that calls the auth endpoint. */
export function pusherAuthEndpoint(
  options: PusherAuthEndpointOptions,
): (socketId: string, channel: string) => Promise<string> {
  return async (socketId, channel) => {
    const token = typeof options.token === "function" ? await options.token() : options.token;
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
          ...options.headers,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: new URLSearchParams({ socket_id: socketId, channel_name: channel }).toString(),
      });
    } catch (error) {
      throw new LiveSubscriptionError(channel, "the auth endpoint could not be reached", { cause: error });
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw new LiveSubscriptionError(channel, messageOf(body, response), { status: response.status });
    const auth = (body as { auth?: unknown } | undefined)?.auth;
    if (typeof auth !== "string")
      throw new LiveSubscriptionError(channel, "the auth endpoint answered without `auth`", {
        status: response.status,
      });
    return auth;
  };
}

/** The refusal's message: the platform envelope's `error.message`, a top-level `message`, or the status. */
function messageOf(body: unknown, response: Response): string {
  const record = body as { error?: { message?: unknown } | unknown; message?: unknown } | undefined;
  const nested = (record?.error as { message?: unknown } | undefined)?.message;
  if (typeof nested === "string") return nested;
  if (typeof record?.message === "string") return record.message;
  return `the auth endpoint answered ${response.status}`;
}
