import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createServer, type LiteServer } from "../../../server.ts";
import { newUser, type TestUser } from "../testing/harness.ts";
import { BACKGROUND, FOREGROUND, renderScreen, terminalLines } from "./vnc-screen.ts";

let server: LiteServer;
let origin: string;
let alice: TestUser;
let bob: TestUser;
let sessionId: string;

beforeAll(async () => {
  server = await createServer({ platform: "actus" });
  origin = (await server.listen(0)).replace(/^http/, "ws");
  await newUser(server, "admin");
  alice = await newUser(server, "alice");
  bob = await newUser(server, "bob");
  const { session_id } = await alice.actus.sessions.create();
  sessionId = session_id;
  for await (const _ of alice.actus.sessions.chat({ session_id, message: "$ echo hello vnc" }));
});
afterAll(() => server.close());

/** A minimal RFB client: bytes in order, read exactly. */
class RfbClient {
  readonly ws: WebSocket;
  #buffer = Buffer.alloc(0);
  #waiting: (() => void) | undefined;

  constructor(url: string) {
    this.ws = new WebSocket(url, ["binary"]);
    this.ws.on("message", (data: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, data]);
      this.#waiting?.();
    });
  }

  async read(n: number): Promise<Buffer> {
    while (this.#buffer.length < n) await new Promise<void>((resolve) => (this.#waiting = resolve));
    const out = this.#buffer.subarray(0, n);
    this.#buffer = this.#buffer.subarray(n);
    return out;
  }

  send(bytes: number[] | Buffer): void {
    this.ws.send(Buffer.from(bytes));
  }

  /** Handshake (3.8, None); answers the ServerInit's size and name. */
  async handshake(): Promise<{ width: number; height: number; name: string }> {
    expect((await this.read(12)).toString("latin1")).toBe("RFB 003.008\n");
    this.send(Buffer.from("RFB 003.008\n", "latin1"));
    expect([...(await this.read(2))]).toEqual([1, 1]);
    this.send([1]);
    expect((await this.read(4)).readUInt32BE()).toBe(0);
    this.send([1]);
    const init = await this.read(24);
    const name = (await this.read(init.readUInt32BE(20))).toString("utf8");
    return { width: init.readUInt16BE(0), height: init.readUInt16BE(2), name };
  }

  request(incremental: boolean, width: number, height: number): void {
    const msg = Buffer.alloc(10);
    msg.writeUInt8(3, 0);
    msg.writeUInt8(incremental ? 1 : 0, 1);
    msg.writeUInt16BE(width, 6);
    msg.writeUInt16BE(height, 8);
    this.send(msg);
  }

  /** One FramebufferUpdate of one Raw rectangle at 32 bits a pixel. */
  async update(): Promise<{ w: number; h: number; pixels: Buffer }> {
    const header = await this.read(16);
    expect(header[0]).toBe(0);
    expect(header.readUInt16BE(2)).toBe(1);
    expect(header.readInt32BE(12)).toBe(0);
    const w = header.readUInt16BE(8);
    const h = header.readUInt16BE(10);
    return { w, h, pixels: await this.read(w * h * 4) };
  }
}

function refusal(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("open", () => reject(new Error("connected")));
    ws.on("error", () => {});
  });
}

describe("the VNC WebSocket", () => {
  it("renders the session's terminal", () => {
    const lines = terminalLines(server.services("actus") as never, sessionId);
    expect(lines).toContain("ubuntu@sandbox:~ $ echo hello vnc");
    expect(lines).toContain("hello vnc");
    const screen = renderScreen(["A"]);
    expect([...screen.subarray(0, 3)]).toEqual([...BACKGROUND]);
    expect(Buffer.from(screen).includes(Buffer.from(FOREGROUND))).toBe(true);
  });

  it("speaks RFB 3.8 and sends the screen in the client's pixel format, then updates it as the shell runs", async () => {
    const client = new RfbClient(`${origin}/api/sessions/${sessionId}/vnc?token=${alice.token}`);
    try {
      const init = await client.handshake();
      expect(init).toEqual({ width: 640, height: 400, name: `Actus session ${sessionId}` });
      // SetPixelFormat: 32 bits, little-endian, red in the low byte (what noVNC asks for).
      const format = Buffer.alloc(20);
      format.set([0, 0, 0, 0, 32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 0, 8, 16]);
      client.send(format);
      client.send([2, 0, 0, 1, 0, 0, 0, 0]);
      client.request(false, init.width, init.height);
      const first = await client.update();
      expect([first.w, first.h]).toEqual([640, 400]);
      const [r, g, b] = BACKGROUND;
      expect([...first.pixels.subarray(0, 4)]).toEqual([r, g, b, 0]);
      const lit = Buffer.from([FOREGROUND[0], FOREGROUND[1], FOREGROUND[2], 0]);
      expect(first.pixels.includes(lit)).toBe(true);

      // An incremental request waits for a change: the next command redraws the screen.
      client.request(true, init.width, init.height);
      for await (const _ of alice.actus.sessions.chat({ session_id: sessionId, message: "$ echo second" }));
      const second = await client.update();
      expect(second.pixels.equals(first.pixels)).toBe(false);
    } finally {
      client.ws.close();
    }
  });

  it("refuses a missing or bad token (401) and another user's session (404)", async () => {
    expect(await refusal(`${origin}/api/sessions/${sessionId}/vnc`)).toBe(401);
    expect(await refusal(`${origin}/api/sessions/${sessionId}/vnc?token=act_bad`)).toBe(401);
    expect(await refusal(`${origin}/api/sessions/${sessionId}/vnc?token=${bob.token}`)).toBe(404);
    expect(await refusal(`${origin}/api/sessions/nope/vnc?token=${alice.token}`)).toBe(404);
  });
});
