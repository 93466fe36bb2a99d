/**
 * The `"stream"` and `"drop"` faults on live connections and sockets: an event stream and a WebSocket are cut
 * after a few messages, an upgrade or a request over a socket is dropped.
 */
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { notes } from "../../../test/sample-platform/server.ts";
import { createServer, type LiteServer } from "../../server.ts";

let server: LiteServer;
afterEach(() => server?.close());

async function readAll(response: Response): Promise<{ text: string; error: unknown }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
    return { text, error: undefined };
  } catch (error) {
    return { text, error };
  }
}

describe("stream faults", () => {
  it("cut a Server-Sent Events answer after one to three events, with an error", async () => {
    server = await createServer({ definitions: [notes], platform: "notes", chaos: { rate: 1, kinds: ["stream"] } });
    const created = await server.fetch(
      new Request("http://lite.test/v2/notes", {
        method: "POST",
        headers: { "x-api-key": "key_rw", "content-type": "application/json" },
        body: JSON.stringify({ text: "n" }),
      }),
    );
    // Only the stream endpoint can take a stream fault: the create went through.
    expect(created.status).toBeLessThan(300);
    const id = ((await created.json()) as { data: { id: string } }).data.id;
    const stream = await server.fetch(
      new Request(`http://lite.test/v2/notes/${id}/replay`, {
        method: "POST",
        headers: { "x-api-key": "key_rw", "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ steps: 20 }),
      }),
    );
    expect(stream.status).toBe(200);
    const { text, error } = await readAll(stream);
    expect(error).toBeInstanceOf(Error);
    const events = text.split("\n\n").filter(Boolean);
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(3);
    expect(server.chaos.state().counts.stream).toBe(1);
  });

  it("close a WebSocket without a close frame after a few messages, and drop upgrades", async () => {
    server = await createServer({ platform: "claudenest", realtime: { appKey: "k" } });
    const url = await server.listen(0);
    const info = server.realtime.claudenest!;
    const wsUrl = `${url.replace(/^http/, "ws")}${info.wsPath}/app/${info.appKey}?protocol=7`;

    server.chaos.configure({ rate: 1, seed: 11, kinds: ["stream"] });
    const socket = new WebSocket(wsUrl);
    let messages = 0;
    // Each ping is answered with a pong: the connection keeps talking until it is cut.
    socket.on("message", () => {
      messages++;
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ event: "pusher:ping", data: {} }));
    });
    const code = await new Promise<number>((resolve) => socket.on("close", (closed) => resolve(closed)));
    expect(code).toBe(1006);
    expect(messages).toBeGreaterThanOrEqual(1);
    expect(messages).toBeLessThanOrEqual(3);

    server.chaos.configure({ rate: 1, kinds: ["drop"] });
    const dropped = new WebSocket(wsUrl);
    const failed = await new Promise<boolean>((resolve) => {
      dropped.on("open", () => resolve(false));
      dropped.on("error", () => resolve(true));
    });
    expect(failed).toBe(true);
    expect(server.chaos.state().log).toEqual([expect.objectContaining({ kind: "drop", method: "GET" })]);
  });

  it("drop a request over a socket: the client's fetch fails, and the server keeps serving", async () => {
    server = await createServer({ platform: "claudenest", chaos: { rate: 1, kinds: ["drop"] } });
    const url = await server.listen(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow(TypeError);
    server.chaos.configure({ rate: 0 });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });
});
