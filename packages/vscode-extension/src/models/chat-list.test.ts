import { describe, expect, it } from "vitest";
import type { ChatItem } from "../backend/types.ts";
import { ChatList } from "./chat-list.ts";

const chat = (id: string, extra: Partial<ChatItem> = {}): ChatItem => ({
  id,
  title: `Chat ${id}`,
  status: "completed",
  running: false,
  latest: "",
  unread: 0,
  ...extra,
});

describe("ChatList", () => {
  it("refreshes only the chats that changed while the list keeps its order", () => {
    const list = new ChatList();
    expect(list.setChats([chat("a"), chat("b")])).toEqual([undefined]);
    const [a, b] = list.children();
    const changed = list.setChats([chat("a"), chat("b", { status: "running", running: true })]);
    expect(changed).toEqual([b]);
    expect(list.children()).toEqual([a, b]);
    expect(list.setChats([chat("b"), chat("a")])).toEqual([undefined]);
  });

  it("shows the state, the unread count and the first line of the latest message", () => {
    const list = new ChatList();
    list.setChats([
      chat("a", { status: "waiting", unread: 2, latest: "Which branch?\nmain or dev" }),
      chat("b", { status: "running", running: true }),
    ]);
    const [waiting, running] = list.children();
    expect(list.present(waiting!)).toMatchObject({
      label: "Chat a",
      description: "waiting for you · 2 unread · Which branch?",
      icon: "question",
      contextValue: "chat:idle",
      command: "agentlane.chats.open",
    });
    expect(list.present(running!)).toMatchObject({ icon: "loading~spin", contextValue: "chat:running" });
  });
});
