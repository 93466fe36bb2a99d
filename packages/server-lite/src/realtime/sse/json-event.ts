/**
 * @module
 * A stream event whose data is JSON text already, as a store keeps it: the SSE writer frames the text as it is,
 * so an event read back from a log (a replay, or a live event read after it was stored) is not parsed only to be
 * serialized again. Anything else that reads `data` gets it parsed, once.
 */
import type { StreamEvent } from "@agentlane/sdk/contract";

/** A {@link StreamEvent} carrying its data as JSON text. */
export class JsonEvent implements StreamEvent {
  readonly event: string;
  readonly id: string | undefined;
  /** The data as JSON text, exactly as `JSON.stringify` wrote it. */
  readonly json: string;
  #data: unknown;
  #parsed = false;

  /**
   * @param json the data's JSON text (as `JSON.stringify` wrote it)
   * @example new JsonEvent("step", '{"id":"step-1"}', "s1-000003")
   */
  constructor(event: string, json: string, id?: string) {
    this.event = event;
    this.json = json;
    this.id = id;
  }

  /** The data, parsed from {@link JsonEvent.json} when first read. */
  get data(): unknown {
    if (!this.#parsed) {
      this.#data = JSON.parse(this.json);
      this.#parsed = true;
    }
    return this.#data;
  }
}
