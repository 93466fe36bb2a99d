/**
 * @module
 * The Chats tree as data: the platform's conversations, newest first as the platform lists them, each showing
 * whether its agent is working, waiting for an answer or done, and how many replies are unread. Nodes are kept
 * by id, so a list that arrives again refreshes only what changed.
 */
import type { ChatItem } from "../backend/types.ts";
import type { Presentation } from "./presentation.ts";

/** A chat's node in the Chats tree. */
export interface ChatNode {
  kind: "chat";
  chat: ChatItem;
}

const LOOK: Record<string, { icon: string; color?: string; label: string }> = {
  running: { icon: "loading~spin", label: "working" },
  waiting: { icon: "question", color: "charts.yellow", label: "waiting for you" },
  pending: { icon: "comment", label: "new" },
  completed: { icon: "comment-discussion", label: "done" },
};

/** The Chats tree's model. */
export class ChatList {
  #nodes: ChatNode[] = [];

  /** Replaces the list; answers the nodes whose chat changed (all of them when the order or the set did). */
  setChats(chats: readonly ChatItem[]): Array<ChatNode | undefined> {
    const known = new Map(this.#nodes.map((node) => [node.chat.id, node]));
    const sameSet =
      chats.length === this.#nodes.length && chats.every((chat, i) => this.#nodes[i]?.chat.id === chat.id);
    const changed: ChatNode[] = [];
    this.#nodes = chats.map((chat) => {
      const node = known.get(chat.id);
      if (!node) return { kind: "chat", chat };
      if (JSON.stringify(node.chat) !== JSON.stringify(chat)) changed.push(node);
      node.chat = chat;
      return node;
    });
    return sameSet ? changed : [undefined];
  }

  chat(id: string): ChatItem | undefined {
    return this.#nodes.find((node) => node.chat.id === id)?.chat;
  }

  get chats(): ChatItem[] {
    return this.#nodes.map((node) => node.chat);
  }

  children(node?: ChatNode): ChatNode[] {
    return node ? [] : this.#nodes;
  }

  present(node: ChatNode): Presentation {
    const { chat } = node;
    const look = LOOK[chat.status] ?? { icon: "comment", label: chat.status };
    const unread = chat.unread > 0 ? `${chat.unread} unread` : undefined;
    return {
      label: chat.title,
      description: [look.label, unread, chat.latest.split("\n")[0]].filter(Boolean).join(" · "),
      tooltip: [chat.title, `Status: ${chat.status}`, unread, chat.latest].filter(Boolean).join("\n"),
      icon: look.icon,
      ...(look.color ? { iconColor: look.color } : {}),
      contextValue: chat.running ? "chat:running" : "chat:idle",
      collapsible: "none",
      command: "agentlane.chats.open",
    };
  }
}
