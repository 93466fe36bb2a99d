/**
 * The real noVNC client, as Actus's web UI embeds it, against server-lite's VNC WebSocket: it negotiates RFB,
 * decodes the framebuffer and shows exactly the session's terminal, then the screen after the next command.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer, type LiteServer } from "../../../server.ts";
import { newUser, type TestUser } from "../testing/harness.ts";
import { type NoVncPage, openNoVncPage } from "../testing/novnc-page.ts";
import { renderScreen, SCREEN_HEIGHT, SCREEN_WIDTH, terminalLines } from "./vnc-screen.ts";

let server: LiteServer;
let origin: string;
let alice: TestUser;
let page: NoVncPage;

beforeAll(async () => {
  server = await createServer({ platform: "actus" });
  origin = (await server.listen(0)).replace(/^http/, "ws");
  await newUser(server, "admin");
  alice = await newUser(server, "alice");
  page = await openNoVncPage();
});
afterAll(async () => {
  page?.close();
  await server.close();
});

/** The session's screen as server-lite renders it, as the RGBA a canvas holds. */
function expectedScreen(sessionId: string): Uint8ClampedArray {
  const rgb = renderScreen(terminalLines(server.services("actus") as never, sessionId));
  const rgba = new Uint8ClampedArray(SCREEN_WIDTH * SCREEN_HEIGHT * 4);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) rgba.set([rgb[i]!, rgb[i + 1]!, rgb[i + 2]!, 255], j);
  return rgba;
}

/** Whether two screens are the same pixels (compared as bytes: a mismatch would print 1,024,000 numbers). */
const same = (a: Uint8ClampedArray | undefined, b: Uint8ClampedArray) =>
  a !== undefined && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer));

describe("noVNC on a session's VNC WebSocket", () => {
  it("connects with the token and shows the session's terminal, then what the next command printed", async () => {
    const { session_id } = await alice.actus.sessions.create();
    for await (const _ of alice.actus.sessions.chat({ session_id, message: "$ echo hello novnc" }));
    const { rfb, screen } = page.connect(`${origin}/api/sessions/${session_id}/vnc?token=${alice.token}`);
    const events: string[] = [];
    for (const name of ["connect", "disconnect", "securityfailure", "credentialsrequired", "desktopname"])
      rfb.addEventListener(name, (event) => {
        const detail = (event as CustomEvent).detail as { name?: string } | undefined;
        events.push(detail?.name ? `${name}: ${detail.name}` : name);
      });
    try {
      await vi.waitFor(() => expect(events).toContain("connect"), { timeout: 10_000 });
      expect(events).toContain(`desktopname: Actus session ${session_id}`);
      expect(terminalLines(server.services("actus") as never, session_id)).toContain("hello novnc");
      let expected = expectedScreen(session_id);
      await vi.waitFor(() => expect(same(screen(), expected)).toBe(true), { timeout: 10_000 });

      for await (const _ of alice.actus.sessions.chat({ session_id, message: "$ echo after the first frame" }));
      expect(terminalLines(server.services("actus") as never, session_id)).toContain("after the first frame");
      const before = expected;
      expected = expectedScreen(session_id);
      expect(same(expected, before)).toBe(false);
      await vi.waitFor(() => expect(same(screen(), expected)).toBe(true), { timeout: 10_000 });
      expect(events).not.toContain("disconnect");
    } finally {
      rfb.disconnect();
    }
  });

  it("is refused with a token that is not the session owner's", async () => {
    const bob = await newUser(server, "bob");
    const { session_id } = await alice.actus.sessions.create();
    const { rfb } = page.connect(`${origin}/api/sessions/${session_id}/vnc?token=${bob.token}`);
    const events: string[] = [];
    for (const name of ["connect", "disconnect"]) rfb.addEventListener(name, () => events.push(name));
    await vi.waitFor(() => expect(events).toContain("disconnect"), { timeout: 10_000 });
    expect(events).not.toContain("connect");
  });
});
