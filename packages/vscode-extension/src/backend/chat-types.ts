/**
 * @module
 * The chats part of the backend interface (re-exported by `types.ts`): conversations with a platform's agent,
 * whose sessions are turns of messages, plans, steps and tool calls rather than a terminal's byte stream.
 */
import type { Disposable } from "./types.ts";

/** A conversation with the platform's agent (a session of turns, not a terminal). */
export interface ChatItem {
  id: string;
  title: string;
  /** The platform's state of the conversation (`running`, `waiting`, `completed`). */
  status: string;
  /** True while the agent works on a turn. */
  running: boolean;
  /** The last message, for the tree's description. */
  latest: string;
  unread: number;
}

/** One entry of a transcript, in the order the agent produced them. */
export type ChatEntry =
  | { kind: "message"; role: "user" | "assistant"; text: string; attachments?: string[] }
  | { kind: "title"; title: string }
  | { kind: "plan"; steps: string[] }
  | { kind: "step"; description: string; status: "pending" | "running" | "completed" | "failed" }
  | { kind: "tool"; name: string; detail: string; status: "calling" | "called"; output?: string }
  | { kind: "wait"; question: string }
  | { kind: "error"; error: string }
  | { kind: "done" };

/** Chats: sessions with an agent, each a transcript that grows turn by turn. */
export interface ChatsBackend {
  list(): Promise<ChatItem[]>;
  create(): Promise<ChatItem>;
  /** The conversation as it stands, every entry so far. */
  transcript(chatId: string): Promise<{ chat: ChatItem; entries: ChatEntry[] }>;
  /**
   * Sends a message and reports the turn's entries as they arrive (the user's message first); resolves when
   * the turn ends (done, a question back, or an error entry). A dropped stream is resumed, never re-sent.
   */
  send(chatId: string, message: string, onEntry: (entry: ChatEntry) => void, signal?: AbortSignal): Promise<void>;
  /** Stops the agent's turn in progress. */
  stop(chatId: string): Promise<void>;
  remove(chatId: string): Promise<void>;
  /** Follows the list: the whole list at once and after every change. */
  watch(listener: (chats: ChatItem[]) => void): Disposable;
}
