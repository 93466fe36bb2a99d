/**
 * @module
 * Actus sessions as chats. An Actus session is a conversation with its agent, turn by turn (messages, a plan,
 * steps, tool calls, a question back), not a terminal: it has no PTY, input stream or size, so the Chats view
 * shows it as a transcript. A turn streams over POST Server-Sent Events through the SDK's `watchChat`, which
 * resumes a dropped stream from the last event id without sending the message again; the session list follows
 * `POST /sessions/stream`. Opening a transcript clears its unread count, as Actus's web UI does.
 */
import type { Actus } from "@agentlane/sdk/actus";
import type { RequestStatus } from "../request-status.ts";
import type { ChatEntry, ChatItem, ChatsBackend, Disposable } from "../types.ts";
import { toChat, toEntry } from "./transcript.ts";

/** Actus sessions as the Chats view's conversations. */
export class ActusChats implements ChatsBackend {
  readonly #actus: Actus;
  readonly #status: RequestStatus;

  constructor(actus: Actus, status: RequestStatus) {
    this.#actus = actus;
    this.#status = status;
  }

  async list(): Promise<ChatItem[]> {
    const { sessions } = await this.#status.track(() => this.#actus.sessions.list());
    return sessions.map(toChat);
  }

  /** A new session: `pending`, untitled and empty until its first turn. */
  async create(): Promise<ChatItem> {
    const { session_id } = await this.#actus.sessions.create();
    return { id: session_id, title: "New chat", status: "pending", running: false, latest: "", unread: 0 };
  }

  async transcript(chatId: string): Promise<{ chat: ChatItem; entries: ChatEntry[] }> {
    const detail = await this.#status.track(() => this.#actus.sessions.get({ session_id: chatId }));
    const entries = detail.events.flatMap((event) => toEntry(event.event, event.data) ?? []);
    const unread = await this.#actus.sessions.clearUnread({ session_id: chatId }).then(
      () => 0,
      () => undefined, // only the owner may clear it (an admin reading another's chat may not)
    );
    const latest = entries.findLast((entry) => entry.kind === "message");
    return {
      chat: {
        id: detail.session_id,
        title: detail.title || "New chat",
        status: detail.status,
        running: detail.status === "running",
        latest: latest?.kind === "message" ? latest.text : "",
        unread: unread ?? 0,
      },
      entries,
    };
  }

  async send(
    chatId: string,
    message: string,
    onEntry: (entry: ChatEntry) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const watcher = this.#actus.sessions.watchChat(chatId, { message });
    const stop = () => watcher.close();
    signal?.addEventListener("abort", stop, { once: true });
    try {
      for await (const { event, data } of watcher) {
        const entry = toEntry(event, data as Record<string, unknown>);
        if (entry) onEntry(entry);
      }
    } finally {
      signal?.removeEventListener("abort", stop);
    }
  }

  async stop(chatId: string): Promise<void> {
    await this.#actus.sessions.stop({ session_id: chatId });
  }

  async remove(chatId: string): Promise<void> {
    await this.#actus.sessions.remove({ session_id: chatId });
  }

  watch(listener: (chats: ChatItem[]) => void): Disposable {
    const watcher = this.#actus.sessions.watch();
    watcher.on("sessions", ({ sessions }) => {
      this.#status.succeeded();
      listener(sessions.map(toChat));
    });
    // The stream reopens itself after a drop; one that ends (credentials refused) shows in the status bar.
    watcher.on("error", (error) => this.#status.failed(error));
    return { dispose: () => watcher.close() };
  }
}
