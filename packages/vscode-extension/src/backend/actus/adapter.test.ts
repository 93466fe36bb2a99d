import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AuthenticationError } from "@agentlane/sdk";
import { Actus } from "@agentlane/sdk/actus";
import { Clock, createServer, type LiteServer } from "@agentlane/server-lite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { until } from "../../../test/support/lite.ts";
import type { Backend, ChatEntry, ChatItem, Credentials, TokenCredentials } from "../types.ts";
import { actusAdapter } from "./index.ts";

describe("the Actus adapter against server-lite", () => {
  let server: LiteServer;
  let baseUrl: string;
  let seed: Record<string, string>;
  let backend: Backend;
  let folder: string;
  const clock = new Clock();
  const renewed: Credentials[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init));
  const adapter = actusAdapter({ fetch });

  beforeAll(async () => {
    clock.freeze(Date.parse("2026-03-02T09:00:00Z"));
    server = await createServer({ platform: "actus", seed: true, clock });
    baseUrl = `http://lite.test${server.bases.actus}`;
    seed = server.seedInfo.actus!;
    const credentials = await adapter.signInWithPassword!(baseUrl, seed.username!, seed.password!);
    backend = await adapter.connect(baseUrl, credentials, { onCredentials: (c) => renewed.push(c) });
    folder = mkdtempSync(join(tmpdir(), "actus-skill-"));
  });
  afterAll(async () => {
    backend?.dispose();
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("signs in by user name or email, renews the token pair and hands it back, and refuses a bad token", async () => {
    expect(adapter.loginName).toBe("User name or email");
    const byEmail = (await adapter.signInWithPassword!(baseUrl, seed.email!, seed.password!)) as TokenCredentials;
    expect(byEmail.refreshToken).toBeTruthy();
    await expect(adapter.connect(baseUrl, { token: "wrong" })).rejects.toBeInstanceOf(AuthenticationError);
    await expect(adapter.signInWithPassword!(baseUrl, seed.username!, "not-it")).rejects.toBeInstanceOf(
      AuthenticationError,
    );

    // The access token expires on the server's clock; the next request renews the pair once.
    clock.advance(31 * 60_000);
    await backend.chats!.list();
    expect(renewed).toHaveLength(1);
    const pair = renewed[0] as TokenCredentials;
    expect(pair.token).toBeTruthy();
    expect(pair.refreshToken).not.toBe(byEmail.refreshToken);
    const again = await adapter.connect(baseUrl, pair);
    again.dispose();
    expect(backend.terminals).toBeUndefined();
    expect(backend.tasks).toBeUndefined();
  });

  it("chats: sends a message and reports the turn as it streams, then reads the same transcript back", async () => {
    const chats = backend.chats!;
    const lists: ChatItem[][] = [];
    const watch = chats.watch((list) => lists.push(list));
    try {
      const chat = await chats.create();
      expect(chat).toMatchObject({ status: "pending", running: false, unread: 0 });
      expect((await chats.list()).find((c) => c.id === chat.id)?.status).toBe("pending");
      const streamed: ChatEntry[] = [];
      await chats.send(chat.id, "$ echo hello from the editor", (entry) => streamed.push(entry));
      expect(streamed[0]).toEqual({ kind: "message", role: "user", text: "$ echo hello from the editor" });
      const tool = streamed.find((e) => e.kind === "tool" && e.status === "called");
      expect(tool).toMatchObject({ kind: "tool" });
      expect(JSON.stringify(tool)).toContain("hello from the editor");
      expect(streamed.some((e) => e.kind === "step" && e.status === "completed")).toBe(true);
      expect(streamed.some((e) => e.kind === "message" && e.role === "assistant")).toBe(true);
      expect(streamed.at(-1)).toEqual({ kind: "done" });

      const { chat: read, entries } = await chats.transcript(chat.id);
      expect(entries).toEqual(expect.arrayContaining(streamed));
      expect(entries.some((e) => e.kind === "title")).toBe(true);
      expect(read).toMatchObject({ id: chat.id, status: "completed", running: false, unread: 0 });
      await until("the list shows the chat", () =>
        lists.some((list) => list.some((c) => c.id === chat.id && c.latest !== "")),
      );

      // Cancelling stops following the turn (it resolves, it does not throw); the agent finishes the turn.
      const abort = new AbortController();
      const followed: ChatEntry[] = [];
      const stopFollowing = (entry: ChatEntry) => {
        followed.push(entry);
        abort.abort();
      };
      await chats.send(chat.id, "$ pwd", stopFollowing, abort.signal);
      expect(followed[0]).toEqual({ kind: "message", role: "user", text: "$ pwd" });
      // The turn had started when `send` resolved (its first event came): the next "completed" is its end.
      await vi.waitFor(
        async () => expect((await chats.list()).find((c) => c.id === chat.id)?.status).toBe("completed"),
        { timeout: 10_000 },
      );

      const asked: ChatEntry[] = [];
      await chats.send(chat.id, "? Which branch?", (entry) => asked.push(entry));
      expect(asked.at(-1)).toEqual({ kind: "wait", question: "Which branch?" });
      expect((await chats.list()).find((c) => c.id === chat.id)?.status).toBe("waiting");

      await chats.stop(chat.id);
      await chats.remove(chat.id);
      expect((await chats.list()).some((c) => c.id === chat.id)).toBe(false);
    } finally {
      watch.dispose();
    }
  });

  it("skills (for the super_admin): lists, describes, disables, enables and deletes an installed skill", async () => {
    writeFileSync(join(folder, "SKILL.md"), "---\nname: Release Notes\ndescription: Drafts release notes\n---\n# Go\n");
    const admin = new Actus({ baseUrl, fetch });
    await admin.auth.signIn({ username: seed.username!, password: seed.password! });
    await admin.skills.install({ source_type: "local", source_ref: folder });

    const skills = backend.skills!;
    expect([skills.save, skills.setPriority]).toEqual([undefined, undefined]);
    const [group] = await skills.groups();
    const listed = await skills.list(group!.id);
    expect(listed).toEqual([
      expect.objectContaining({ path: "release-notes", name: "Release Notes", enabled: true, version: "0.1.0" }),
    ]);
    expect((await skills.read(group!.id, "release-notes")).content).toContain(`Installed from (local): ${folder}`);
    expect(await skills.toggle!(group!.id, "release-notes")).toBe(false);
    expect((await skills.list(group!.id))[0]?.enabled).toBe(false);
    expect(await skills.toggle!(group!.id, "release-notes")).toBe(true);
    await skills.remove!(group!.id, "release-notes");
    expect(await skills.list(group!.id)).toEqual([]);
    await expect(skills.read(group!.id, "release-notes")).rejects.toThrow(/no skill release-notes/);
  });

  it("offers a user who is not the super_admin chats but no skills; shows them offline once they are banned", async () => {
    const user = new Actus({ baseUrl, fetch });
    const signedUp = await user.auth.signUp({ username: "dev", email: "dev@example.com", password: "password123" });
    const { tokens } = signedUp;
    const connected = await adapter.connect(baseUrl, {
      token: tokens.access_token,
      refreshToken: tokens.refresh_token,
    });
    const lists: ChatItem[][] = [];
    const watch = connected.chats!.watch((list) => lists.push(list));
    try {
      expect(connected.skills).toBeUndefined();
      await until("the live list", () => lists.length > 0);
      expect(lists[0]).toEqual([]);
      const admin = new Actus({ baseUrl, fetch });
      await admin.auth.signIn({ username: seed.username!, password: seed.password! });
      await admin.admin.setUserStatus({ user_id: signedUp.user.id, status: "banned" });
      await expect(connected.chats!.list()).rejects.toBeInstanceOf(AuthenticationError);
      expect(connected.status.state).toBe("offline");
    } finally {
      watch.dispose();
      connected.dispose();
    }
  });
});
