/**
 * @module
 * Session commands: "New session" on a host (then attached), "Attach terminal" (a VS Code terminal on the
 * session's live stream), terminate, refresh. Closing an attached terminal detaches, terminates, or asks,
 * as `agentlane.terminal.onClose` says.
 */
import * as vscode from "vscode";
import type { HostItem, SessionItem } from "../backend/types.ts";
import type { HostTreeNode } from "../models/host-list.ts";
import type { Services } from "../services.ts";
import { sessionPty } from "../terminal/session-pty.ts";
import { withErrors, withProgress } from "../ui/errors.ts";

type HostArg = HostTreeNode | { hostId: string } | undefined;
type SessionArg = HostTreeNode | { sessionId: string; hostId?: string } | undefined;

async function pickHost(services: Services, arg: HostArg): Promise<HostItem | undefined> {
  if (arg && "kind" in arg) return arg.kind === "host" ? arg.host : services.hosts.hosts.host(arg.session.hostId);
  if (arg) return services.hosts.hosts.host(arg.hostId);
  const online = services.hosts.hosts.hosts.filter((host) => host.status === "online");
  if (online.length <= 1) return online[0];
  const picked = await vscode.window.showQuickPick(
    online.map((host) => ({ label: host.name, description: host.detail, host })),
    { title: "Agentlane: Machine" },
  );
  return picked?.host;
}

async function pickSession(services: Services, arg: SessionArg): Promise<SessionItem | undefined> {
  if (arg && "kind" in arg) return arg.kind === "session" ? arg.session : undefined;
  if (arg)
    return { id: arg.sessionId, hostId: arg.hostId ?? "", label: arg.sessionId, status: "running", running: true };
  const list = services.hosts.hosts;
  const sessions = list.hosts.flatMap((host) =>
    list
      .children({ kind: "host", host })
      .flatMap((node) => (node.kind === "session" && node.session.running ? [node.session] : [])),
  );
  const picked = await vscode.window.showQuickPick(
    sessions.map((session) => ({ label: session.label, description: session.status, session })),
    { title: "Agentlane: Session" },
  );
  return picked?.session;
}

async function onTerminalClosed(services: Services, session: SessionItem): Promise<void> {
  const mode = vscode.workspace.getConfiguration("agentlane.terminal").get<string>("onClose") ?? "ask";
  let terminate = mode === "terminate";
  if (mode === "ask") {
    const answer = await vscode.window.showInformationMessage(
      `The session ${session.label} is still running.`,
      "Keep running",
      "Terminate",
    );
    terminate = answer === "Terminate";
  }
  if (!terminate) return;
  const backend = services.hosts.backend;
  if (!backend) return;
  await withErrors("Terminate session", () => backend.terminate(session.id));
  if (session.hostId) await services.hosts.reloadHost(session.hostId);
}

function attach(services: Services, session: SessionItem): vscode.Terminal | undefined {
  const backend = services.hosts.backend;
  if (!backend) return undefined;
  const stream = backend.attach(session.id);
  // The session's end changes its row (running → completed); no watcher reports it otherwise.
  stream.onExit(() => {
    if (session.hostId) void services.hosts.reloadHost(session.hostId).catch(() => {});
  });
  const pty = sessionPty(stream, { onClose: () => void onTerminalClosed(services, session) });
  const terminal = vscode.window.createTerminal({
    name: `Agentlane: ${session.label}`,
    pty,
    iconPath: new vscode.ThemeIcon("terminal"),
  });
  terminal.show();
  return terminal;
}

async function create(services: Services, arg: HostArg): Promise<SessionItem | undefined> {
  const backend = services.hosts.backend;
  const host = await pickHost(services, arg);
  if (!backend) return undefined;
  if (!host) {
    void vscode.window.showInformationMessage("No machine is online to start a session on.");
    return undefined;
  }
  const session = await withProgress(`Starting a session on ${host.name}…`, () =>
    backend.create(host.id, { cols: 120, rows: 30 }),
  );
  if (!session) return undefined;
  attach(services, session);
  await services.hosts.reloadHost(host.id);
  return session;
}

export function registerSessionCommands(services: Services): vscode.Disposable[] {
  const { registerCommand } = vscode.commands;
  return [
    registerCommand("agentlane.sessions.create", (arg?: HostArg) => create(services, arg)),
    registerCommand("agentlane.sessions.attach", async (arg?: SessionArg) => {
      const session = await pickSession(services, arg);
      if (session) attach(services, session);
    }),
    registerCommand("agentlane.sessions.terminate", async (arg?: SessionArg) => {
      const session = await pickSession(services, arg);
      const backend = services.hosts.backend;
      if (!session || !backend) return;
      await withErrors("Terminate session", () => backend.terminate(session.id));
      if (session.hostId) await services.hosts.reloadHost(session.hostId);
    }),
    registerCommand("agentlane.sessions.refresh", () => services.hosts.reload()),
  ];
}
