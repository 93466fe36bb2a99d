/**
 * @module
 * The reconnecting WebSocket both socket transports stand on (partysocket's), loaded on first use: an
 * application that never opens a live connection does not carry it in its bundle, and one that does loads it
 * when the first transport is made. Until it has loaded, listeners are kept and handed over, a frame cannot be
 * sent (no socket is open yet), and a `close()` means the socket is never opened.
 */
import type PartySocket from "partysocket/ws";

type UrlProvider = ConstructorParameters<typeof PartySocket>[0];
type SocketOptions = NonNullable<ConstructorParameters<typeof PartySocket>[2]>;

/** The events the transports listen to. */
interface SocketEvents {
  open: (event: Event) => void;
  message: (event: MessageEvent) => void;
  close: (event: CloseEvent) => void;
}
type Listener = { [K in keyof SocketEvents]: [K, SocketEvents[K]] }[keyof SocketEvents];

/** What the transports use of a reconnecting socket. */
export interface ReconnectingSocket {
  addEventListener<K extends keyof SocketEvents>(type: K, listener: SocketEvents[K]): void;
  /** Sends a frame on the open socket; `false` when none is open (nothing is queued). */
  send(data: string): boolean;
  close(code?: number, reason?: string): void;
  /** Closes the current connection and opens a new one. */
  reconnect(code?: number, reason?: string): void;
}

/** A reconnecting socket to `url` (a provider called before each connection), opened once partysocket loads. */
export function reconnectingSocket(url: UrlProvider, options: SocketOptions): ReconnectingSocket {
  let socket: PartySocket | undefined;
  let closed = false;
  const listeners: Listener[] = [];
  import("partysocket/ws").then(
    ({ default: ReconnectingWebSocket }) => {
      if (closed) return;
      socket = new ReconnectingWebSocket(url, undefined, options);
      for (const [type, listener] of listeners) socket.addEventListener(type, listener as never);
    },
    (error: unknown) => {
      // The module could not load (a broken bundle): report it as a connection that closed abnormally.
      const event = { code: 1006, reason: `The WebSocket client could not load: ${String(error)}` } as CloseEvent;
      for (const [type, listener] of listeners) if (type === "close") (listener as SocketEvents["close"])(event);
    },
  );
  return {
    addEventListener(type, listener) {
      if (socket) socket.addEventListener(type, listener as never);
      else listeners.push([type, listener] as Listener);
    },
    send: (data) => socket?.send(data) ?? false,
    close(code, reason) {
      closed = true;
      socket?.close(code, reason);
    },
    reconnect(code, reason) {
      socket?.reconnect(code, reason);
    },
  };
}
