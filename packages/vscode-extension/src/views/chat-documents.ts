/**
 * @module
 * Chat transcripts as read-only Markdown documents (`agentlane-chat:/<id>/<title>.md`). A transcript is read
 * once when opened, grows entry by entry while this window sends a turn, and is read again when the Chats view
 * reports the chat changed elsewhere (another window, the platform's web UI).
 */
import * as vscode from "vscode";
import type { Backend, ChatEntry, ChatItem } from "../backend/types.ts";
import { renderTranscript } from "../models/chat-transcript.ts";

/** The URI scheme of chat transcripts. */
export const CHAT_SCHEME = "agentlane-chat";

/** A new URI for a chat's transcript, named after its title. */
export function chatUri(chat: Pick<ChatItem, "id" | "title">): vscode.Uri {
  const slug = chat.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "chat";
  return vscode.Uri.from({ scheme: CHAT_SCHEME, path: `/${chat.id}/${slug}.md` });
}

const idOf = (uri: vscode.Uri) => uri.path.split("/")[1] ?? "";

/** The URIs of a chat's open documents. */
const openUris = (chatId: string) =>
  vscode.workspace.textDocuments.flatMap(({ uri }) =>
    uri.scheme === CHAT_SCHEME && idOf(uri) === chatId ? [uri] : [],
  );

/**
 * The URI to show a chat under: the one of its document already open (its title may have changed since, which
 * would make a second document of the same chat), or a new one.
 */
export function openChatUri(chat: Pick<ChatItem, "id" | "title">): vscode.Uri {
  return openUris(chat.id)[0] ?? chatUri(chat);
}

/** The provider of chat transcripts, which keeps each open one current. */
export class ChatDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;
  readonly #backend: () => Backend | undefined;
  readonly #transcripts = new Map<string, { title: string; entries: ChatEntry[] }>();
  /** Chats this window is sending a turn on: their transcript grows from the stream, not from re-reading. */
  readonly #sending = new Set<string>();

  constructor(backend: () => Backend | undefined) {
    this.#backend = backend;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = idOf(uri);
    const transcript = this.#transcripts.get(id) ?? (await this.#read(id));
    if (!transcript) return "<!-- Not connected: connect to see this chat. -->\n";
    return renderTranscript(transcript.title, transcript.entries);
  }

  /** Reads a chat's transcript again and updates its open document. */
  async reload(chat: Pick<ChatItem, "id" | "title">): Promise<void> {
    await this.#read(chat.id);
    this.#fire(chat.id);
  }

  /** Forgets every transcript (the connection changed: they were another server's). */
  clear(): void {
    this.#transcripts.clear();
  }

  /** Marks a turn this window sends; entries then come through `append`. */
  sending(chatId: string, active: boolean): void {
    if (active) this.#sending.add(chatId);
    else this.#sending.delete(chatId);
  }

  append(chatId: string, entry: ChatEntry): void {
    this.#transcripts.get(chatId)?.entries.push(entry);
    this.#fire(chatId);
  }

  /** The Chats view saw these chats change: re-read the open ones this window is not streaming. */
  changedElsewhere(chats: readonly ChatItem[]): void {
    for (const chat of chats) if (openUris(chat.id).length > 0 && !this.#sending.has(chat.id)) void this.reload(chat);
  }

  async #read(id: string): Promise<{ title: string; entries: ChatEntry[] } | undefined> {
    const chats = this.#backend()?.chats;
    if (!chats) return undefined;
    const { chat, entries } = await chats.transcript(id);
    const transcript = { title: chat.title, entries };
    this.#transcripts.set(id, transcript);
    return transcript;
  }

  #fire(chatId: string): void {
    for (const uri of openUris(chatId)) this.#changed.fire(uri);
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
