/**
 * @module
 * What the commands work with: the connection, the credential store, the four views and the helpers the
 * extension creates once on activation.
 */
import type * as vscode from "vscode";
import type { Connection } from "./connection/connection.ts";
import type { CredentialStore } from "./connection/secrets.ts";
import type { LocalServer } from "./local-server/launcher.ts";
import type { ChatDocuments } from "./views/chat-documents.ts";
import type { ChatsView } from "./views/chats-view.ts";
import type { SkillDocuments } from "./views/documents.ts";
import type { HostsView } from "./views/hosts-view.ts";
import type { SkillsView } from "./views/skills-view.ts";
import type { TasksView } from "./views/tasks-view.ts";

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly connection: Connection;
  readonly credentials: CredentialStore;
  readonly skills: SkillsView;
  readonly tasks: TasksView;
  readonly hosts: HostsView;
  readonly chats: ChatsView;
  readonly skillDocuments: SkillDocuments;
  readonly chatDocuments: ChatDocuments;
  readonly localServer: LocalServer;
  readonly output: vscode.OutputChannel;
}
