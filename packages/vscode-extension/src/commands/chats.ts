/**
 * @module
 * Chat commands: open a transcript, send a message (the turn streams into the open transcript, cancellable),
 * start a new chat, stop the agent's turn, delete a chat (after confirming), refresh. From the palette, a
 * command asks which chat; automation may pass `{ chatId }` and the message.
 */
import * as vscode from "vscode";
import type { ChatItem } from "../backend/types.ts";
import type { ChatNode } from "../models/chat-list.ts";
import type { Services } from "../services.ts";
import { describeError, withErrors, withProgress } from "../ui/errors.ts";
import { openChatUri } from "../views/chat-documents.ts";

/** A chat node, or `{ chatId }` from automation. */
type ChatArg = ChatNode | { chatId: string } | undefined;

async function pickChat(services: Services, arg: ChatArg, title: string): Promise<ChatItem | undefined> {
  if (arg && "kind" in arg) return arg.chat;
  if (arg)
    return (
      services.chats.list.chat(arg.chatId) ?? {
        id: arg.chatId,
        title: "Chat",
        status: "",
        running: false,
        latest: "",
        unread: 0,
      }
    );
  const picked = await vscode.window.showQuickPick(
    services.chats.list.chats.map((chat) => ({ label: chat.title, description: chat.status, chat })),
    { title: `Agentlane: ${title}` },
  );
  return picked?.chat;
}

async function open(services: Services, arg: ChatArg): Promise<void> {
  const chat = await pickChat(services, arg, "Open chat");
  if (!chat) return;
  await withErrors("Open chat", async () => {
    await services.chatDocuments.reload(chat);
    const document = await vscode.workspace.openTextDocument(openChatUri(chat));
    await vscode.window.showTextDocument(document, { preview: false, preserveFocus: true });
  });
}

/**
 * Sends a message and streams the turn into the transcript. A failure is shown without "Retry": the platform may
 * have taken the message already, and sending it again would start a second turn.
 */
async function send(services: Services, arg: ChatArg, given?: string): Promise<void> {
  const backend = services.chats.backend;
  const chat = backend && (await pickChat(services, arg, "Send to chat"));
  if (!backend || !chat) return;
  const message =
    given ??
    (await vscode.window.showInputBox({
      title: `Agentlane: Message to "${chat.title}"`,
      prompt: "What should the agent do?",
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() ? undefined : "The message cannot be empty"),
    }));
  if (!message) return;
  await open(services, { chatId: chat.id });
  services.chatDocuments.sending(chat.id, true);
  try {
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `${chat.title}: the agent is working…`,
        cancellable: true,
      },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return backend.send(chat.id, message, (entry) => services.chatDocuments.append(chat.id, entry), abort.signal);
      },
    );
  } catch (error) {
    void vscode.window.showErrorMessage(`Send to ${chat.title}: ${describeError(error)}`);
  } finally {
    services.chatDocuments.sending(chat.id, false);
  }
}

async function create(services: Services, firstMessage?: string): Promise<ChatItem | undefined> {
  const backend = services.chats.backend;
  if (!backend) return undefined;
  const chat = await withProgress("Starting a chat…", () => backend.create());
  if (!chat) return undefined;
  await services.chats.reload();
  await send(services, { chatId: chat.id }, firstMessage);
  return chat;
}

async function stop(services: Services, arg: ChatArg): Promise<void> {
  const backend = services.chats.backend;
  const chat = backend && (await pickChat(services, arg, "Stop chat"));
  if (!backend || !chat) return;
  await withErrors(`Stop ${chat.title}`, () => backend.stop(chat.id));
}

async function remove(services: Services, arg: ChatArg, options?: { confirmed?: boolean }): Promise<void> {
  const backend = services.chats.backend;
  const chat = backend && (await pickChat(services, arg, "Delete chat"));
  if (!backend || !chat) return;
  if (!options?.confirmed) {
    const answer = await vscode.window.showWarningMessage(
      `Delete the chat "${chat.title}"?`,
      { modal: true, detail: "Its transcript and files are removed from the platform." },
      "Delete",
    );
    if (answer !== "Delete") return;
  }
  await withErrors(`Delete ${chat.title}`, async () => {
    await backend.remove(chat.id);
    await services.chats.reload();
  });
}

/** Registers the `agentlane.chats.*` commands. */
export function registerChatCommands(services: Services): vscode.Disposable[] {
  const { registerCommand } = vscode.commands;
  return [
    registerCommand("agentlane.chats.open", (arg?: ChatArg) => open(services, arg)),
    registerCommand("agentlane.chats.send", (arg?: ChatArg, message?: unknown) =>
      send(services, arg, typeof message === "string" ? message : undefined),
    ),
    registerCommand("agentlane.chats.create", (message?: unknown) =>
      create(services, typeof message === "string" ? message : undefined),
    ),
    registerCommand("agentlane.chats.stop", (arg?: ChatArg) => stop(services, arg)),
    registerCommand("agentlane.chats.delete", (arg?: ChatArg, options?: unknown) =>
      remove(services, arg, { confirmed: (options as { confirmed?: unknown } | undefined)?.confirmed === true }),
    ),
    registerCommand("agentlane.chats.refresh", () => services.chats.reload()),
  ];
}
