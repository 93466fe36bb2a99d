/**
 * @module
 * Live updates: watchers (events plus `for await`) over any transport (the Pusher protocol, a
 * subscribe-over-WebSocket protocol, Server-Sent Events, polling), reconnecting with jittered backoff,
 * re-subscribing and, for resyncing watchers, re-reading the state after every reconnection.
 */
export { type PusherAuthEndpointOptions, pusherAuthEndpoint } from "./auth-endpoint.ts";
export { Backoff, type BackoffOptions } from "./backoff.ts";
export {
  type ChannelSpec,
  createResyncingWatcher,
  createWatcher,
  type ResyncEvents,
  type ResyncingWatchOptions,
  type WatchOptions,
} from "./channel-watcher.ts";
export {
  isLiveError,
  LiveError,
  LiveOverflowError,
  LiveRefusedError,
  LiveSubscriptionError,
} from "./errors.ts";
export { type LoopSink, LoopTransport, type LoopTransportEvents } from "./loop-transport.ts";
export { type PolledEvent, PollingTransport, type PollingTransportOptions } from "./polling.ts";
export {
  PusherTransport,
  type PusherTransportEvents,
  type PusherTransportOptions,
  type TriggerResult,
} from "./pusher-transport.ts";
export { SseTransport, type SseTransportOptions } from "./sse.ts";
export type { ChannelHandlers, LiveTransport, TransportStatus } from "./transport.ts";
export {
  type WatchEvent,
  Watcher,
  type WatcherEvents,
  type WatcherOptions,
  type WatcherSink,
  type WatcherSource,
  type WatcherStatus,
} from "./watcher.ts";
export {
  readWsFrame,
  type WsIncoming,
  WsSubscribeTransport,
  type WsSubscribeTransportEvents,
  type WsSubscribeTransportOptions,
} from "./ws-subscribe.ts";
