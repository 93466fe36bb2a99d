/**
 * @module
 * The VS Code extension's own work, printed, not asserted:
 * - activation: loading the bundle (`dist/extension.cjs`) and running `activate()`, with the `vscode` module
 *   replaced by a stub whose calls do nothing, so that only the extension's code is timed (target ≤ 50 ms);
 * - the Tasks tree with 5,000 tasks: a full render (every node's children and look, as VS Code asks for an
 *   expanded tree, from a cold cache of looks), and one live event applied the way the view applies it (the
 *   model's update, then the refreshed nodes' children asked for again, where only the changed task's look
 *   is computed anew), next to a full re-render per event. VS Code's own work (TreeItems, the DOM) is not in
 *   these figures.
 *
 * Run it from the repository root after a build: `node --conditions=source bench/vscode-extension.ts [tasks]`
 * (5,000 tasks by default; the extension's tests run it with a few, to keep it working).
 */
import Module, { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TaskItem, TaskPriority, TaskStatus } from "../packages/vscode-extension/src/backend/types.ts";
import { TaskBoard, type TaskTreeNode } from "../packages/vscode-extension/src/models/task-board.ts";
import { TaskLooks } from "../packages/vscode-extension/src/models/task-presentation.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = join(root, "packages/vscode-extension/dist/extension.cjs");

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(2)} ms`;

// --- activation -------------------------------------------------------------------------------------------

/** Enough of the `vscode` API for `activate()`; every call does nothing. */
function vscodeStub() {
  const disposable = { dispose() {} };
  class EventEmitter {
    event = () => disposable;
    fire() {}
    dispose() {}
  }
  class Disposable {
    static from = () => disposable;
    dispose() {}
  }
  const item = () => ({ show() {}, hide() {}, dispose() {} });
  const treeView = () => ({ visible: false, onDidChangeVisibility: () => disposable, dispose() {} });
  return {
    EventEmitter,
    Disposable,
    ThemeColor: class {},
    ThemeIcon: class {},
    TreeItem: class {},
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ConfigurationTarget: { Global: 1 },
    Uri: { joinPath: (base: { fsPath: string }, ...parts: string[]) => ({ fsPath: join(base.fsPath, ...parts) }) },
    env: { sessionId: "0123456789abcdef" },
    window: { createOutputChannel: item, createTreeView: treeView, createStatusBarItem: item },
    commands: { registerCommand: () => disposable, executeCommand: async () => undefined },
    workspace: {
      registerTextDocumentContentProvider: () => disposable,
      onDidChangeConfiguration: () => disposable,
      textDocuments: [],
      getConfiguration: () => ({ get: () => undefined, update: async () => {} }),
    },
  };
}

function activationSamples(runs: number): { load: number[]; activate: number[] } {
  const stub = vscodeStub();
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === "vscode" ? stub : original.call(this, request, ...rest);
  };
  const require = createRequire(import.meta.url);
  const load: number[] = [];
  const activate: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      delete require.cache[bundle];
      const t0 = performance.now();
      const extension = require(bundle) as { activate(context: unknown): unknown };
      const t1 = performance.now();
      const context = {
        subscriptions: [] as Array<{ dispose(): void }>,
        secrets: { get: async () => undefined, store: async () => {}, delete: async () => {} },
        extensionUri: { fsPath: join(root, "packages/vscode-extension") },
      };
      extension.activate(context);
      const t2 = performance.now();
      for (const d of context.subscriptions) d.dispose();
      load.push(t1 - t0);
      activate.push(t2 - t1);
    }
  } finally {
    loader._load = original;
  }
  return { load, activate };
}

// --- the Tasks tree ---------------------------------------------------------------------------------------

const STATUSES: TaskStatus[] = ["pending", "pending", "pending", "in_progress", "completed"];
const PRIORITIES: TaskPriority[] = ["low", "medium", "high", "critical"];

function tasks(count: number): TaskItem[] {
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    return {
      id: `t${i}`,
      projectId: "p1",
      title: `Task number ${i}`,
      description: null,
      status,
      priority: PRIORITIES[(i * 7) % 4]!,
      assignee: status === "pending" ? null : `agent-${i % 13}`,
      blocked: i % 17 === 0,
      files: [`src/file-${i}.ts`],
    };
  });
}

/** What VS Code asks of an expanded subtree: each node's look, then its children's, recursively. */
function render(board: TaskBoard, node: TaskTreeNode | undefined): number {
  let count = 0;
  for (const child of board.children(node)) {
    looks.present(child);
    count++;
    if (child.kind !== "task" && child.kind !== "lock") count += render(board, child);
  }
  return count;
}

const board = new TaskBoard();
let looks = new TaskLooks(board, "me");
board.setProjects([{ id: "p1", name: "Bench", path: null }]);
const TASKS = Number(process.argv[2] ?? 5000);
const all = tasks(TASKS);

const fullRender: number[] = [];
let rendered = 0;
for (let i = 0; i < 30; i++) {
  looks = new TaskLooks(board, "me");
  const t0 = performance.now();
  board.applyTasks("p1", { kind: "resync", tasks: all });
  rendered = render(board, undefined);
  fullRender.push(performance.now() - t0);
}

const liveEvent: number[] = [];
const rerenderPerEvent: number[] = [];
let refreshed = 0;
const computedBefore = looks.computed;
const pending = all.filter((task) => task.status === "pending" && !task.blocked);
for (const [i, task] of pending.slice(0, 1000).entries()) {
  const claimed = { ...task, status: "in_progress" as const, assignee: `agent-${i}` };
  const t0 = performance.now();
  const nodes = board.applyTasks("p1", { kind: "changed", event: "claimed", task: claimed, by: claimed.assignee });
  for (const node of nodes) {
    if (node) looks.present(node);
    refreshed += render(board, node);
  }
  liveEvent.push(performance.now() - t0);
  if (i < 30) {
    const t1 = performance.now();
    render(board, undefined);
    rerenderPerEvent.push(performance.now() - t1);
  }
}

const { load, activate } = activationSamples(20);
const activation = median(load) + median(activate);
const lines = [
  `activation (load the bundle + activate())   median ${ms(activation)} (load ${ms(median(load))}, activate ${ms(median(activate))})  target ≤ 50 ms: ${activation <= 50 ? "met" : "NOT met"}`,
  `Tasks tree, ${TASKS.toLocaleString("en")} tasks: full render        median ${ms(median(fullRender))} (${rendered} nodes)`,
  `one live event (claim), applied            median ${ms(median(liveEvent))} (${(refreshed / liveEvent.length).toFixed(0)} nodes asked for again, ${((looks.computed - computedBefore) / liveEvent.length).toFixed(1)} looks computed per event)`,
  `  a full re-render of the tree instead     median ${ms(median(rerenderPerEvent))}`,
  `  a full render from a cold cache          median ${ms(median(fullRender))} (what every event would cost without the cache and partial refresh)`,
];
process.stdout.write(`${lines.join("\n")}\n`);
