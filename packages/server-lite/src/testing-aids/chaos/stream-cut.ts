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
 * Cuts an event-stream answer after `events` events (one frame per chunk, as server-lite writes them); any other
 * answer (a refusal, JSON) is left as it is.
 */
export function cutEventStream(response: Response, events: number): Response {
  const type = response.headers.get("content-type") ?? "";
  if (!response.body || !type.startsWith("text/event-stream")) return response;
  const reader = response.body.getReader();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= events) {
        await reader.cancel().catch(() => {});
        controller.error(new Error("server-lite cut the stream (an injected fault)"));
        return;
      }
      const { value, done } = await reader.read();
      if (done) controller.close();
      else {
        sent++;
        controller.enqueue(value);
      }
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
