import { describe, expect, it } from "vitest";
import { normalizeOptions } from "../../../core/options.ts";
import { pusherUrl } from "../../../live/pusher-frames.ts";
import { RealtimeSettings, realtimeUrl } from "./realtime.ts";

const connectUrl = (baseUrl: string, realtime = {}) => {
  const settings = new RealtimeSettings(normalizeOptions({ baseUrl }), realtime);
  const options = settings.transportOptions();
  return pusherUrl(options.url, options.appKey).replace(/\?.*$/, "");
};

describe("the Pusher server of a ClaudeNest client", () => {
  it("is the base URL without its trailing /api, with ws(s), at /app/{key}", () => {
    expect(connectUrl("http://127.0.0.1:8000/claudenest/api")).toBe("ws://127.0.0.1:8000/claudenest/app/claudenest");
    expect(connectUrl("http://localhost:8000/api/")).toBe("ws://localhost:8000/app/claudenest");
    expect(connectUrl("https://api.claudenest.io/api")).toBe("wss://api.claudenest.io/app/claudenest");
    // Only a last `/api` segment is dropped.
    expect(realtimeUrl("http://host/apis")).toBe("http://host/apis");
    expect(realtimeUrl("http://host/api/v2")).toBe("http://host/api/v2");
  });

  it("takes another app key and URL", () => {
    expect(connectUrl("https://api.claudenest.io/api", { appKey: "reverb", url: "wss://api.claudenest.io:8080" })).toBe(
      "wss://api.claudenest.io:8080/app/reverb",
    );
  });

  it("authorizes private channels at {baseUrl}/broadcasting/auth with the client's token, or inline", async () => {
    const calls: Array<{ url: string; authorization: string | null; body: string }> = [];
    const http = normalizeOptions({
      baseUrl: "http://host/claudenest/api",
      token: async () => "cn_token",
      fetch: async (input, init) => {
        const request = new Request(input, init);
        calls.push({
          url: request.url,
          authorization: request.headers.get("authorization"),
          body: await request.text(),
        });
        return Response.json({ auth: "claudenest:signature" });
      },
    });
    const settings = new RealtimeSettings(http);
    expect(await settings.transportOptions().authorize!("1.2", "private-project.p")).toBe("claudenest:signature");
    expect(calls).toEqual([
      {
        url: "http://host/claudenest/api/broadcasting/auth",
        authorization: "Bearer cn_token",
        body: "socket_id=1.2&channel_name=private-project.p",
      },
    ]);
    const inline = settings.transportOptions("ws_token");
    expect(inline).toMatchObject({ token: "ws_token" });
    expect(inline.authorize).toBeUndefined();
  });
});
