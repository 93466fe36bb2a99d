/**
 * @module
 * Live updates: watchers (events plus `for await`) over the Pusher protocol, reconnecting with jittered
 * backoff, re-subscribing and, for resyncing watchers, re-reading the state after every reconnection.
 */
export { type PusherAuthEndpointOptions, pusherAuthEndpoint } from "./auth-endpoint.ts";
export { Backoff, type BackoffOptions } from "./backoff.ts";
export {
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
export {
  PusherTransport,
  type PusherTransportEvents,
  type PusherTransportOptions,
  type TriggerResult,
} from "./pusher-transport.ts";
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
