/**
 * @module
 * The subscribers of each channel of one app. A channel listens on the event bus only while it has
 * subscribers, and each published event is encoded once for all of them.
 */
import type { EventBus } from "../../core/events.ts";
import { serverFrame } from "./protocol.ts";

/** Anything that can receive frames: a connection. */
export interface ChannelMember {
  send(frame: string): void;
}

export class ChannelRegistry {
  readonly #channels = new Map<string, { members: Set<ChannelMember>; stop: () => void }>();
  readonly #events: EventBus;

  constructor(events: EventBus) {
    this.#events = events;
  }

  join(channel: string, member: ChannelMember): void {
    let entry = this.#channels.get(channel);
    if (!entry) {
      const members = new Set<ChannelMember>();
      const stop = this.#events.subscribe(channel, (event, data) => {
        const frame = serverFrame(event, data, channel);
        for (const m of [...members]) m.send(frame);
      });
      entry = { members, stop };
      this.#channels.set(channel, entry);
    }
    entry.members.add(member);
  }

  leave(channel: string, member: ChannelMember): void {
    const entry = this.#channels.get(channel);
    if (!entry) return;
    entry.members.delete(member);
    if (entry.members.size === 0) {
      entry.stop();
      this.#channels.delete(channel);
    }
  }

  /** Sends a frame to every subscriber of a channel but one (client events are not echoed). */
  relay(channel: string, frame: string, except: ChannelMember): void {
    const entry = this.#channels.get(channel);
    if (!entry) return;
    for (const m of [...entry.members]) if (m !== except) m.send(frame);
  }

  subscriberCount(channel: string): number {
    return this.#channels.get(channel)?.members.size ?? 0;
  }
}
