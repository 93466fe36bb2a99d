/**
 * @module
 * The RFB protocol (RFC 6143), server side, over a WebSocket as noVNC speaks it: version 3.8 (3.7 and 3.3 too),
 * security type None (the WebSocket was authorized by its token), the client's pixel format (true colour at 8,
 * 16 or 32 bits a pixel, either byte order), and framebuffer updates in Raw encoding. A non-incremental request is
 * answered at once; an incremental one when the screen changes. Keys, pointer and clipboard are read and ignored:
 * the screen is the session's terminal, which the agent drives.
 */
import type { WebSocket } from "ws";

/** A pixel format as RFB describes it. */
export interface PixelFormat {
  bitsPerPixel: number;
  depth: number;
  bigEndian: boolean;
  trueColour: boolean;
  redMax: number;
  greenMax: number;
  blueMax: number;
  redShift: number;
  greenShift: number;
  blueShift: number;
}

/** What the server offers first: 32-bit true colour, little-endian. */
export const DEFAULT_FORMAT: PixelFormat = {
  bitsPerPixel: 32,
  depth: 24,
  bigEndian: false,
  trueColour: true,
  redMax: 255,
  greenMax: 255,
  blueMax: 255,
  redShift: 16,
  greenShift: 8,
  blueShift: 0,
};

/** The screen an RFB connection shows. */
export interface RfbScreen {
  width: number;
  height: number;
  name: string;
  /** The current picture, RGB (3 bytes a pixel). */
  render(): Uint8Array;
}

function writeFormat(out: Buffer, at: number, f: PixelFormat): void {
  out.writeUInt8(f.bitsPerPixel, at);
  out.writeUInt8(f.depth, at + 1);
  out.writeUInt8(f.bigEndian ? 1 : 0, at + 2);
  out.writeUInt8(f.trueColour ? 1 : 0, at + 3);
  out.writeUInt16BE(f.redMax, at + 4);
  out.writeUInt16BE(f.greenMax, at + 6);
  out.writeUInt16BE(f.blueMax, at + 8);
  out.writeUInt8(f.redShift, at + 10);
  out.writeUInt8(f.greenShift, at + 11);
  out.writeUInt8(f.blueShift, at + 12);
}

function readFormat(input: Buffer, at: number): PixelFormat {
  return {
    bitsPerPixel: input.readUInt8(at),
    depth: input.readUInt8(at + 1),
    bigEndian: input.readUInt8(at + 2) !== 0,
    trueColour: input.readUInt8(at + 3) !== 0,
    redMax: input.readUInt16BE(at + 4),
    greenMax: input.readUInt16BE(at + 6),
    blueMax: input.readUInt16BE(at + 8),
    redShift: input.readUInt8(at + 10),
    greenShift: input.readUInt8(at + 11),
    blueShift: input.readUInt8(at + 12),
  };
}

/** The pixels of a rectangle of an RGB picture, in a pixel format. */
export function encodePixels(
  rgb: Uint8Array,
  width: number,
  rect: { x: number; y: number; w: number; h: number },
  f: PixelFormat,
): Buffer {
  const bytes = f.bitsPerPixel / 8;
  const out = Buffer.alloc(rect.w * rect.h * bytes);
  let at = 0;
  for (let y = rect.y; y < rect.y + rect.h; y++) {
    for (let x = rect.x; x < rect.x + rect.w; x++) {
      const i = (y * width + x) * 3;
      const value =
        ((Math.round((rgb[i]! * f.redMax) / 255) << f.redShift) |
          (Math.round((rgb[i + 1]! * f.greenMax) / 255) << f.greenShift) |
          (Math.round((rgb[i + 2]! * f.blueMax) / 255) << f.blueShift)) >>>
        0;
      if (bytes === 4) f.bigEndian ? out.writeUInt32BE(value, at) : out.writeUInt32LE(value, at);
      else if (bytes === 2) f.bigEndian ? out.writeUInt16BE(value & 0xffff, at) : out.writeUInt16LE(value & 0xffff, at);
      else out.writeUInt8(value & 0xff, at);
      at += bytes;
    }
  }
  return out;
}

type State = "version" | "security" | "init" | "normal" | "closed";

/** One client's RFB session over a WebSocket. */
export class RfbConnection {
  readonly #ws: WebSocket;
  readonly #screen: RfbScreen;
  #state: State = "version";
  #minor = 8;
  #buffer: Buffer = Buffer.alloc(0);
  #format: PixelFormat = DEFAULT_FORMAT;
  /** An incremental update request waiting for the screen to change. */
  #pending: { x: number; y: number; w: number; h: number } | undefined;
  /** The picture last sent, to tell whether the screen changed. */
  #shown: Uint8Array | undefined;

  constructor(ws: WebSocket, screen: RfbScreen) {
    this.#ws = ws;
    this.#screen = screen;
    ws.binaryType = "nodebuffer";
    ws.on("message", (data: Buffer) => this.#receive(data));
    ws.on("close", () => {
      this.#state = "closed";
    });
    ws.send(Buffer.from("RFB 003.008\n", "latin1"));
  }

  /** The screen may have changed: answer a waiting incremental request if it did. */
  changed(): void {
    if (this.#state !== "normal" || !this.#pending) return;
    const picture = this.#screen.render();
    if (this.#shown && Buffer.from(picture).equals(Buffer.from(this.#shown))) return;
    const rect = this.#pending;
    this.#pending = undefined;
    this.#sendUpdate(picture, rect);
  }

  #fail(reason: string): void {
    this.#state = "closed";
    this.#ws.close(1002, reason.slice(0, 120));
  }

  #receive(data: Buffer): void {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, data]) : data;
    // Guard against a client that never completes a message.
    if (this.#buffer.length > 1024 * 1024) {
      this.#fail("message too large");
      return;
    }
    for (;;) {
      const used = this.#step(this.#buffer);
      if (used === 0 || this.#state === "closed") return;
      this.#buffer = this.#buffer.subarray(used);
    }
  }

  /** Handles one message at the start of `input`; answers the bytes it used (0: wait for more). */
  #step(input: Buffer): number {
    switch (this.#state) {
      case "version": {
        if (input.length < 12) return 0;
        const match = /^RFB 003\.(\d{3})\n$/.exec(input.subarray(0, 12).toString("latin1"));
        if (!match) {
          this.#fail("unsupported protocol version");
          return 0;
        }
        const minor = Number(match[1]);
        this.#minor = minor >= 8 ? 8 : minor >= 7 ? 7 : 3;
        if (this.#minor === 3) {
          // 3.3: the server names the security type; None needs no answer.
          const type = Buffer.alloc(4);
          type.writeUInt32BE(1);
          this.#ws.send(type);
          this.#state = "init";
        } else {
          this.#ws.send(Buffer.from([1, 1]));
          this.#state = "security";
        }
        return 12;
      }
      case "security": {
        if (input.length < 1) return 0;
        if (input[0] !== 1) {
          this.#fail("only security type None is offered");
          return 0;
        }
        if (this.#minor === 8) this.#ws.send(Buffer.from([0, 0, 0, 0]));
        this.#state = "init";
        return 1;
      }
      case "init": {
        if (input.length < 1) return 0;
        const name = Buffer.from(this.#screen.name, "utf8");
        const init = Buffer.alloc(24 + name.length);
        init.writeUInt16BE(this.#screen.width, 0);
        init.writeUInt16BE(this.#screen.height, 2);
        writeFormat(init, 4, DEFAULT_FORMAT);
        init.writeUInt32BE(name.length, 20);
        name.copy(init, 24);
        this.#ws.send(init);
        this.#state = "normal";
        return 1;
      }
      case "normal":
        return this.#message(input);
      default:
        return 0;
    }
  }

  #message(input: Buffer): number {
    if (input.length < 1) return 0;
    switch (input[0]) {
      case 0: {
        // SetPixelFormat
        if (input.length < 20) return 0;
        const format = readFormat(input, 4);
        if (!format.trueColour || ![8, 16, 32].includes(format.bitsPerPixel)) {
          this.#fail("only true-colour pixel formats of 8, 16 or 32 bits are supported");
          return 0;
        }
        this.#format = format;
        return 20;
      }
      case 2: {
        // SetEncodings: Raw is always understood, so the list changes nothing.
        if (input.length < 4) return 0;
        const size = 4 + 4 * input.readUInt16BE(2);
        return input.length < size ? 0 : size;
      }
      case 3: {
        // FramebufferUpdateRequest
        if (input.length < 10) return 0;
        const incremental = input[1] !== 0;
        const { width, height } = this.#screen;
        const x = Math.min(input.readUInt16BE(2), width);
        const y = Math.min(input.readUInt16BE(4), height);
        const rect = {
          x,
          y,
          w: Math.min(input.readUInt16BE(6), width - x),
          h: Math.min(input.readUInt16BE(8), height - y),
        };
        if (incremental) {
          this.#pending = rect;
          this.changed();
        } else {
          this.#pending = undefined;
          this.#sendUpdate(this.#screen.render(), rect);
        }
        return 10;
      }
      case 4:
        return input.length < 8 ? 0 : 8;
      case 5:
        return input.length < 6 ? 0 : 6;
      case 6: {
        if (input.length < 8) return 0;
        const size = 8 + input.readUInt32BE(4);
        return input.length < size ? 0 : size;
      }
      default:
        this.#fail(`unknown message type ${input[0]}`);
        return 0;
    }
  }

  #sendUpdate(picture: Uint8Array, rect: { x: number; y: number; w: number; h: number }): void {
    this.#shown = picture;
    const header = Buffer.alloc(16);
    header.writeUInt8(0, 0);
    header.writeUInt16BE(1, 2);
    header.writeUInt16BE(rect.x, 4);
    header.writeUInt16BE(rect.y, 6);
    header.writeUInt16BE(rect.w, 8);
    header.writeUInt16BE(rect.h, 10);
    header.writeInt32BE(0, 12);
    this.#ws.send(Buffer.concat([header, encodePixels(picture, this.#screen.width, rect, this.#format)]));
  }
}
