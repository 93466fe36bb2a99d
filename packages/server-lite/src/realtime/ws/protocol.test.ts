import { describe, expect, it } from "vitest";
import { MAX_CHANNEL_LENGTH, readClientFrame } from "./protocol.ts";

describe("subscribe protocol frames", () => {
  it("reads subscribe, unsubscribe and ping", () => {
    expect(readClientFrame('{"type":"subscribe","channel":"tasks","filters":{"projectId":"p"}}')).toEqual({
      type: "subscribe",
      channel: "tasks",
      filters: { projectId: "p" },
    });
    expect(readClientFrame('{"type":"subscribe","channel":"tasks"}')).toEqual({
      type: "subscribe",
      channel: "tasks",
      filters: undefined,
    });
    expect(readClientFrame('{"type":"unsubscribe","channel":"tasks"}')).toEqual({
      type: "unsubscribe",
      channel: "tasks",
    });
    expect(readClientFrame('{"type":"ping"}')).toEqual({ type: "ping" });
  });

  it("says what is wrong with anything else", () => {
    const invalid = (text: string) => {
      const frame = readClientFrame(text);
      return frame.type === "invalid" ? frame.message : `read as ${frame.type}`;
    };
    expect(invalid("{")).toBe("Frames must be JSON");
    expect(invalid("[1]")).toBe("A frame needs a type");
    expect(invalid('{"type":"publish"}')).toBe("Unknown frame type: publish");
    expect(invalid('{"type":"subscribe"}')).toBe("A subscription needs a channel name");
    expect(invalid(JSON.stringify({ type: "subscribe", channel: "x".repeat(MAX_CHANNEL_LENGTH + 1) }))).toBe(
      "A subscription needs a channel name",
    );
    expect(invalid('{"type":"subscribe","channel":"tasks","filters":[1]}')).toBe("filters must be an object");
    expect(invalid('{"type":"subscribe","channel":"tasks","filters":"x"}')).toBe("filters must be an object");
  });
});
