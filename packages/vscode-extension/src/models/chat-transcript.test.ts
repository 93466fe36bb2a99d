import { describe, expect, it } from "vitest";
import type { ChatEntry } from "../backend/types.ts";
import { renderTranscript } from "./chat-transcript.ts";

describe("renderTranscript", () => {
  it("renders a turn: messages, the plan, each step and tool call once in its latest state, the end", () => {
    const entries: ChatEntry[] = [
      { kind: "message", role: "user", text: "$ ls" },
      { kind: "title", title: "Listing files" },
      { kind: "plan", steps: ["Run ls"] },
      { kind: "step", description: "Run ls", status: "running" },
      { kind: "tool", name: "shell_exec", detail: '{"command":"ls"}', status: "calling" },
      { kind: "tool", name: "shell_exec", detail: '{"command":"ls"}', status: "called", output: "a.txt\nb.txt" },
      { kind: "step", description: "Run ls", status: "completed" },
      { kind: "message", role: "assistant", text: "Two files." },
      { kind: "done" },
    ];
    expect(renderTranscript("New chat", entries)).toBe(
      [
        "# Listing files",
        "## You\n\n$ ls",
        "**Plan**\n\n- [ ] Run ls",
        "✔ Run ls",
        '🔧 `shell_exec` {"command":"ls"}\n\n```\na.txt\nb.txt\n```',
        "## Agent\n\nTwo files.",
        "---",
      ].join("\n\n") + "\n",
    );
  });

  it("shows a step again in a later turn, a question back, an error, and fences output that holds backticks", () => {
    const text = renderTranscript("Chat", [
      { kind: "step", description: "Check", status: "completed" },
      { kind: "message", role: "user", text: "again" },
      { kind: "step", description: "Check", status: "failed" },
      { kind: "tool", name: "cat", detail: "{}", status: "called", output: "```js\nx\n```" },
      { kind: "wait", question: "Which branch?" },
      { kind: "error", error: "sandbox gone" },
    ]);
    expect(text).toContain("✔ Check\n\n## You\n\nagain\n\n✖ Check");
    expect(text).toContain("````\n```js\nx\n```\n````");
    expect(text).toContain("> **The agent asks:** Which branch?");
    expect(text).toContain("> **Error:** sandbox gone");
  });

  it("cuts a long output, saying how much is left out", () => {
    const text = renderTranscript("Chat", [
      { kind: "tool", name: "cat", detail: "{}", status: "called", output: "x".repeat(2500) },
    ]);
    expect(text).toContain("… (500 more characters)");
    expect(text).not.toContain("x".repeat(2001));
  });
});
