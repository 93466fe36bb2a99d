/**
 * @module
 * A chat's transcript as Markdown: the user's and the agent's messages as sections, the plan as a checklist,
 * each step and tool call as a line (a tool's output folded into a code block), a question back and an error
 * called out. A step or tool call reported twice (running, then finished) shows once, in its latest state.
 */
import type { ChatEntry } from "../backend/types.ts";

const STEP_MARK = { pending: "⏳", running: "▶", completed: "✔", failed: "✖" } as const;

/** The longest tool output shown; the rest is cut, saying how much. */
const OUTPUT_LIMIT = 2000;

function fence(text: string): string {
  const cut =
    text.length > OUTPUT_LIMIT
      ? `${text.slice(0, OUTPUT_LIMIT)}\n… (${text.length - OUTPUT_LIMIT} more characters)`
      : text;
  const ticks = "`".repeat(Math.max(3, ...[...cut.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}\n${cut}\n${ticks}`;
}

/** The entries, with a step or tool call replaced by its later report. */
function latestReports(entries: readonly ChatEntry[]): ChatEntry[] {
  const shown: ChatEntry[] = [];
  const at = new Map<string, number>();
  for (const entry of entries) {
    const key =
      entry.kind === "step"
        ? `step:${entry.description}`
        : entry.kind === "tool"
          ? `tool:${entry.name}:${entry.detail}`
          : undefined;
    const index = key === undefined ? undefined : at.get(key);
    if (index !== undefined) shown[index] = entry;
    else {
      if (key !== undefined) at.set(key, shown.length);
      shown.push(entry);
    }
    // A new message starts a new turn: the same step may run again in it.
    if (entry.kind === "message") at.clear();
  }
  return shown;
}

function render(entry: ChatEntry): string | undefined {
  switch (entry.kind) {
    case "message": {
      const files = entry.attachments?.length ? `\n\nAttached: ${entry.attachments.join(", ")}` : "";
      return `## ${entry.role === "user" ? "You" : "Agent"}\n\n${entry.text}${files}`;
    }
    case "title":
      return undefined; // the document's heading
    case "plan":
      return `**Plan**\n\n${entry.steps.map((step) => `- [ ] ${step}`).join("\n")}`;
    case "step":
      return `${STEP_MARK[entry.status]} ${entry.description}`;
    case "tool": {
      const head = `🔧 \`${entry.name}\` ${entry.detail}${entry.status === "calling" ? " …" : ""}`;
      return entry.output === undefined ? head : `${head}\n\n${fence(entry.output)}`;
    }
    case "wait":
      return `> **The agent asks:** ${entry.question}`;
    case "error":
      return `> **Error:** ${entry.error}`;
    case "done":
      return "---";
  }
}

/**
 * The transcript of a chat, its title first (the latest `title` entry wins over the given one).
 * @example renderTranscript("Release prep", [{ kind: "message", role: "user", text: "$ ls" }, { kind: "done" }]);
 */
export function renderTranscript(title: string, entries: readonly ChatEntry[]): string {
  const named = entries.findLast((entry) => entry.kind === "title");
  const heading = `# ${named?.kind === "title" ? named.title : title}`;
  const body = latestReports(entries).flatMap((entry) => render(entry) ?? []);
  return `${[heading, ...body].join("\n\n")}\n`;
}
