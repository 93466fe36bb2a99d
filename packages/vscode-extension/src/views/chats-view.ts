/**
 * @module
 * The Chats view: the connected backend's conversations in a {@link ChatList}, loaded once and then followed
 * live by the backend's list watcher; a change refreshes only the chats it changed. Shown only for platforms
 * that have chats (`agentlane.offers.chats`).
 */
import * as vscode from "vscode";
import type { ChatItem, ChatsBackend, Disposable } from "../backend/types.ts";
import type { Connection } from "../connection/connection.ts";
import { ChatList, type ChatNode } from "../models/chat-list.ts";
import { describeError } from "../ui/errors.ts";
import { ModelTree } from "./model-tree.ts";

/** The Chats tree view. */
export class ChatsView implements vscode.Disposable {
  readonly list = new ChatList();
  readonly tree = new ModelTree<ChatNode>(this.list);
  readonly view: vscode.TreeView<ChatNode>;
  readonly #connection: Connection;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #changed = new vscode.EventEmitter<ChatItem[]>();
  /** Fires with the chats whose state changed (for open transcripts, and tests). */
  readonly onDidChange = this.#changed.event;
  #watch: Disposable | undefined;
  #generation = 0;

  constructor(connection: Connection) {
    this.#connection = connection;
    this.view = vscode.window.createTreeView("agentlane.chats", { treeDataProvider: this.tree });
    this.#disposables.push(
      this.view,
      this.tree,
      this.#changed,
      connection.onDidChange(() => void this.reload()),
    );
  }

  get backend(): ChatsBackend | undefined {
    return this.#connection.current?.backend.chats;
  }

  /** Loads the chats and (re)starts following them; a newer reload supersedes one still loading. */
  async reload(): Promise<void> {
    this.#watch?.dispose();
    this.#watch = undefined;
    const generation = ++this.#generation;
    const connected = this.#connection.current;
    const backend = connected?.backend.chats;
    if (!connected || !backend) {
      this.#show([]);
      this.view.message = connected ? `${connected.profile.platform} has no chats.` : undefined;
      return;
    }
    try {
      const chats = await backend.list();
      if (generation !== this.#generation) return;
      this.#show(chats);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.view.message = `Could not load chats: ${describeError(error)}`;
      return;
    }
    this.#watch = backend.watch((chats) => this.#show(chats));
  }

  #show(chats: ChatItem[]): void {
    const before = new Map(this.list.chats.map((chat) => [chat.id, JSON.stringify(chat)]));
    this.tree.refresh(this.list.setChats(chats));
    this.view.message = chats.length === 0 && this.backend ? "No chats yet: start one with New Chat." : undefined;
    const changed = chats.filter((chat) => before.get(chat.id) !== JSON.stringify(chat));
    if (changed.length > 0) this.#changed.fire(changed);
  }

  dispose(): void {
    this.#watch?.dispose();
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
