/**
 * @module
 * Activation: creates the connection, the four views (skills, tasks, machines and sessions, chats), the
 * document providers, the status bar and the commands, and connects in the background when the active profile has stored credentials. Nothing here
 * waits on the network, so activation stays a few milliseconds of the extension's own work.
 *
 * Answers a small API (the connection and the views' models) that the integration tests read.
 */
import * as vscode from "vscode";
import { platformAdapters } from "./backend/registry.ts";
import { registerChatCommands } from "./commands/chats.ts";
import { connectOnStartup, registerConnectionCommands } from "./commands/connection.ts";
import { registerSessionCommands } from "./commands/sessions.ts";
import { registerSkillCommands } from "./commands/skills.ts";
import { registerTaskCommands } from "./commands/tasks.ts";
import { Connection } from "./connection/connection.ts";
import { CredentialStore } from "./connection/secrets.ts";
import { LocalServer } from "./local-server/launcher.ts";
import type { Services } from "./services.ts";
import { createStatusBar } from "./ui/status-bar.ts";
import { CHAT_SCHEME, ChatDocuments } from "./views/chat-documents.ts";
import { ChatsView } from "./views/chats-view.ts";
import { SKILL_SCHEME, SkillDocuments, TASK_SCHEME, TaskDocuments } from "./views/documents.ts";
import { HostsView } from "./views/hosts-view.ts";
import { SkillsView } from "./views/skills-view.ts";
import { TasksView } from "./views/tasks-view.ts";
import { windowInstanceId } from "./workspace/instance-id.ts";

export type AgentlaneApi = Pick<Services, "connection" | "skills" | "tasks" | "hosts" | "chats">;

export function activate(context: vscode.ExtensionContext): AgentlaneApi {
  const output = vscode.window.createOutputChannel("Agentlane");
  const connection = new Connection(platformAdapters({ language: vscode.env.language }));
  const skills = new SkillsView(connection);
  const tasks = new TasksView(connection, windowInstanceId());
  const hosts = new HostsView(connection);
  const chats = new ChatsView(connection);
  const chatDocuments = new ChatDocuments(() => connection.current?.backend);
  const skillDocuments = new SkillDocuments(() => connection.current?.backend);
  const taskDocuments = new TaskDocuments((id) => tasks.board.task(id));
  const services: Services = {
    context,
    connection,
    credentials: new CredentialStore(context.secrets),
    skills,
    tasks,
    hosts,
    chats,
    skillDocuments,
    chatDocuments,
    localServer: new LocalServer(context.extensionUri, output),
    output,
  };
  context.subscriptions.push(
    output,
    connection,
    skills,
    tasks,
    hosts,
    chats,
    skillDocuments,
    chatDocuments,
    chats.onDidChange((changed) => chatDocuments.changedElsewhere(changed)),
    connection.onDidChange(() => chatDocuments.clear()),
    vscode.workspace.registerTextDocumentContentProvider(CHAT_SCHEME, chatDocuments),
    services.localServer,
    vscode.workspace.registerTextDocumentContentProvider(SKILL_SCHEME, skillDocuments),
    taskDocuments,
    tasks.onDidChange(() => taskDocuments.refreshOpen()),
    vscode.workspace.registerTextDocumentContentProvider(TASK_SCHEME, taskDocuments),
    createStatusBar(connection),
    ...registerConnectionCommands(services),
    ...registerSkillCommands(services),
    ...registerTaskCommands(services),
    ...registerSessionCommands(services),
    ...registerChatCommands(services),
  );
  void connectOnStartup(services);
  return { connection, skills, tasks, hosts, chats };
}

export function deactivate(): void {}
