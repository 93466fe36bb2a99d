/**
 * @module
 * The `"stream"` fault: a live stream closed mid-way, as a network failure closes it. A Server-Sent Events
 * answer ends in an error after a few events; a WebSocket's socket is destroyed after a few frames, with no
 * close frame (the client sees 1006).
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { requestIdFrom } from "../../core/pipeline/respond.ts";
import type { UpgradeFaults } from "../../core/realtime.ts";
import type { FaultInjector } from "./injector.ts";

/**
 * The frames of an SSE chunk that end in it (each ends at `\n\n`, which may straddle two chunks: `lastByte` is the
 * previous chunk's last byte), up to `limit`: how many, and the index just after the last one counted.
 */
function frameEnds(chunk: Uint8Array, lastByte: number | undefined, limit: number): { count: number; end: number } {
  let count = 0;
  let end = 0;
  let previous = lastByte;
  for (let i = 0; i < chunk.length && count < limit; i++) {
    if (previous === 10 && chunk[i] === 10) {
      count++;
      end = i + 1;
      previous = undefined;
    } else previous = chunk[i];
  }
  return { count, end };
}

/**
 * Cuts an event-stream answer after `events` events, counted by their frames' ends (a chunk may carry a burst of
 * frames, or part of one); any other answer (a refusal, JSON) is left as it is.
 */
export function cutEventStream(response: Response, events: number): Response {
  const type = response.headers.get("content-type") ?? "";
  if (!response.body || !type.startsWith("text/event-stream")) return response;
  const reader = response.body.getReader();
  let left = events;
  let lastByte: number | undefined;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (left <= 0) {
        await reader.cancel().catch(() => {});
        controller.error(new Error("server-lite cut the stream (an injected fault)"));
        return;
      }
      const { value, done } = await reader.read();
      if (done) return controller.close();
      const { count, end } = frameEnds(value, lastByte, left);
      left -= count;
      lastByte = value[value.length - 1];
      // The frames before the cut go out whole; what follows the last of them never does.
      controller.enqueue(left <= 0 ? value.subarray(0, end) : value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** `"drop"` and `"stream"` faults on WebSocket upgrades. */
export function upgradeFaults(injector: FaultInjector): UpgradeFaults {
  return {
    intercept(request: IncomingMessage, socket: Duplex): boolean {
      if (!injector.active) return false;
      const path = (request.url ?? "/").split("?", 1)[0] ?? "/";
      const kind = injector.draw("GET", path, ["drop", "stream"]);
      if (kind === undefined) return false;
      const given = request.headers["x-request-id"];
      injector.record(kind, requestIdFrom(typeof given === "string" ? given : undefined), "GET", path);
      if (kind === "drop") {
        socket.destroy();
        return true;
      }
      // The first write is the handshake's answer; the socket goes after `frames` more.
      const frames = injector.messagesBeforeCut();
      let writes = 0;
      const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
      socket.write = ((...args: unknown[]) => {
        const accepted = write(...args);
        if (++writes === frames + 1) setImmediate(() => socket.destroy());
        return accepted;
      }) as typeof socket.write;
      return false;
    },
  };
}
