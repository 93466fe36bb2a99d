/**
 * @module
 * Pusher protocol 7 frames on the client side: servers send `data` as a JSON string inside the JSON frame
 * (decoded here), clients send it as an object. Close codes 4000–4099 mean "do not reconnect", 4100–4199
 * "back off", 4200–4299 "reconnect now".
 */

export interface PusherFrame {
  event: string;
  channel: string | undefined;
  data: unknown;
}

/** Decodes a server frame, or `undefined` when it is not one. */
export function decodeFrame(raw: unknown): PusherFrame | undefined {
  if (typeof raw !== "string") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { event, channel, data } = parsed as { event?: unknown; channel?: unknown; data?: unknown };
  if (typeof event !== "string") return undefined;
  let value = data;
  if (typeof data === "string") {
    try {
      value = JSON.parse(data);
    } catch {
      // Some events carry plain text.
    }
  }
  return { event, channel: typeof channel === "string" ? channel : undefined, data: value };
}

export function encodeFrame(event: string, data: unknown, channel?: string): string {
  return JSON.stringify(channel === undefined ? { event, data } : { event, channel, data });
}

export function isRefusalCode(code: number): boolean {
  return code >= 4000 && code <= 4099;
}

export function isReconnectNowCode(code: number): boolean {
  return code >= 4200 && code <= 4299;
}

export function isPrivateChannel(channel: string): boolean {
  return channel.startsWith("private-");
}

/**
 * The connection URL: `base` is where the server listens, with any path prefix before `/app/{appKey}`
 * (`http(s)` becomes `ws(s)`).
 * @example pusherUrl("http://127.0.0.1:8080/claudenest", "key") // "ws://127.0.0.1:8080/claudenest/app/key?protocol=7&client=agentlane"
 */
export function pusherUrl(base: string, appKey: string): string {
  const url = new URL(base);
  if (url.protocol === "http:") url.protocol = "ws:";
  else if (url.protocol === "https:") url.protocol = "wss:";
  else if (url.protocol !== "ws:" && url.protocol !== "wss:")
    throw new TypeError(`A Pusher URL is ws:, wss:, http: or https:, not ${url.protocol}`);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/app/${encodeURIComponent(appKey)}`;
  url.search = "?protocol=7&client=agentlane";
  url.hash = "";
  return url.href;
}
