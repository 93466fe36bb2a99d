/**
 * @module
 * The built-in agent: deterministic, no model. A message is read line by line: `$ command` is a shell step
 * (run in the sandbox, see `shell.ts`), `> name: text` writes a file in the sandbox, `? question` ends the turn
 * waiting for the user; everything else is the user's words. The agent plans the steps, runs them one by one with
 * `step` and `tool` events, answers a summary and ends with `done` (or `wait`). Each turn runs in the
 * background: a client that goes away does not stop it, `stop` does.
 */
import { basename, extname } from "node:path";
import type { FileInfo } from "@agentlane/sdk/actus/contract";
import { uuid } from "../../../core/ids.ts";
import type { ActusServices } from "../state/services.ts";
import { appendEvent, listChanged, type SessionRow, setStatus } from "../state/sessions.ts";
import { makeSandboxDir, resolveInSandbox, sandboxPath, writeInSandbox } from "./sandbox.ts";
import { refusal, runCommand, splitWords } from "./shell.ts";

/**
 * How long the agent works on steps before it lets the event loop turn, in milliseconds of real time (not the
 * server clock). Between slices the stream sends what the steps stored, as one chunk, and other requests come in.
 * Yielding after every step instead cost a loop turn, a socket write and a read per step: about a third of a
 * 100-step turn on a fast disk.
 */
const SLICE_MS = 4;

/** One step of a turn's plan. */
export type AgentStep =
  | { kind: "shell"; id: string; description: string; line: string }
  | { kind: "write"; id: string; description: string; file: string; content: string };

/** What a message asks the agent to do. */
export interface AgentPlan {
  steps: AgentStep[];
  question: string | undefined;
}

/** Reads a message into steps and an optional question. */
export function planOf(message: string): AgentPlan {
  const steps: AgentStep[] = [];
  let question: string | undefined;
  for (const raw of message.split(/\r?\n/)) {
    const line = raw.trim();
    const id = `step-${steps.length + 1}`;
    if (line.startsWith("$ ") && line.length > 2) {
      const command = line.slice(2).trim();
      steps.push({ kind: "shell", id, description: `Run \`${command}\``, line: command });
    } else if (line.startsWith("> ")) {
      const match = /^>\s+([^:]+?):\s?(.*)$/.exec(line);
      if (match)
        steps.push({ kind: "write", id, description: `Write ${match[1]}`, file: match[1]!, content: match[2]! });
    } else if (line.startsWith("? ") && question === undefined) question = line.slice(2).trim();
  }
  return { steps, question };
}

/** The turns that are running, by session. */
export class AgentRuntime {
  readonly #services: ActusServices;
  readonly #running = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(services: ActusServices) {
    this.#services = services;
  }

  /** Sessions being stopped: still running until their final `done` is stored. */
  readonly #stopping = new Set<string>();

  /** Whether a turn runs (or is being stopped) on the session. */
  isRunning(sessionId: string): boolean {
    return this.#running.has(sessionId) || this.#stopping.has(sessionId);
  }

  /**
   * Starts a turn: the user's message (and the title, on the first turn) are stored, and the attachments kept as
   * session files, before this returns, so a stream opened after it sees them; the sandbox is made, the
   * attachments copied into it and the steps run in the background.
   */
  start(session: SessionRow, message: string, attachments: FileInfo[]): void {
    const services = this.#services;
    for (const file of attachments)
      services.db.run(
        "INSERT OR IGNORE INTO act_session_files (session_id, file_id) VALUES (?, ?)",
        session.id,
        file.id,
      );
    appendEvent(services, session, "message", { role: "user", message, attachments }, "running");
    if (!session.title) appendEvent(services, session, "title", { title: titleOf(message) });
    const abort = new AbortController();
    const done = this.#run(session, planOf(message), attachments, abort.signal)
      .catch((error: unknown) => {
        if (this.#running.get(session.id)?.abort === abort) this.#running.delete(session.id);
        if (!abort.signal.aborted)
          appendEvent(services, session, "error", { error: (error as Error).message ?? String(error) }, "completed");
      })
      .finally(() => {
        if (this.#running.get(session.id)?.abort === abort) this.#running.delete(session.id);
      });
    this.#running.set(session.id, { abort, done });
  }

  /** Stops a session's turn, if one runs, ending it with `done`; resolves once it has stopped. */
  async stop(session: SessionRow): Promise<void> {
    const turn = this.#running.get(session.id);
    if (turn) {
      this.#stopping.add(session.id);
      try {
        this.#running.delete(session.id);
        turn.abort.abort();
        await turn.done;
        // In the same tick as the append: a stream that sees `done` also sees the turn over.
        this.#stopping.delete(session.id);
        appendEvent(this.#services, session, "done", {}, "completed");
      } finally {
        this.#stopping.delete(session.id);
      }
    } else if (session.status !== "completed") {
      setStatus(this.#services, session.id, "completed");
      listChanged(this.#services, session.user_id);
    }
  }

  /** Stops a session's turn without writing anything (the session is being deleted). */
  async cancel(sessionId: string): Promise<void> {
    const turn = this.#running.get(sessionId);
    if (!turn) return;
    this.#running.delete(sessionId);
    turn.abort.abort();
    await turn.done;
  }

  /** Stops every turn without writing anything (the tables may be gone). */
  async stopAll(): Promise<void> {
    const turns = [...this.#running.values()];
    this.#running.clear();
    for (const t of turns) t.abort.abort();
    await Promise.all(turns.map((t) => t.done));
  }

  /** Copies an attached file into the sandbox's `upload/` folder (unless it was deleted since). */
  #attach(dir: string, file: FileInfo): void {
    const row = this.#services.db.get<{ content: Uint8Array }>("SELECT content FROM act_files WHERE id = ?", file.id);
    const real = row && resolveInSandbox(dir, `upload/${basename(file.filename) || file.id}`);
    if (real) writeInSandbox(real, row.content);
  }

  async #run(session: SessionRow, plan: AgentPlan, attachments: FileInfo[], signal: AbortSignal): Promise<void> {
    const services = this.#services;
    const emit = (event: string, fields: Record<string, unknown>, status?: SessionRow["status"]) => {
      if (!signal.aborted) appendEvent(services, session, event, fields, status);
    };
    // Made once the chat's answer has started: making a folder can take milliseconds on a busy disk.
    const dir = await makeSandboxDir(services.sandboxRoot, session.id);
    if (signal.aborted) return;
    for (const file of attachments) this.#attach(dir, file);
    const { steps } = plan;
    if (steps.length > 0)
      emit("plan", {
        steps: steps.map((s) => ({
          event_id: "",
          created_at: Math.floor(services.now() / 1000),
          id: s.id,
          status: "pending",
          description: s.description,
        })),
      });
    let failed = 0;
    const written: string[] = [];
    // The first step waits for a loop turn too: the chat's answer starts before the agent works.
    let sliceStart = Number.NEGATIVE_INFINITY;
    for (const step of steps) {
      if (performance.now() - sliceStart >= SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        sliceStart = performance.now();
      }
      if (signal.aborted) return;
      emit("step", { id: step.id, status: "running", description: step.description });
      const toolCallId = `call_${uuid().replaceAll("-", "").slice(0, 16)}`;
      let ok: boolean;
      if (step.kind === "shell") {
        const args = { id: "main", exec_dir: "/home/ubuntu", command: step.line };
        emit("tool", { tool_call_id: toolCallId, name: "shell", function: "shell_exec", args, status: "calling" });
        const words = splitWords(step.line) ?? [];
        const refused = refusal(words);
        const result = refused ? { output: `${refused}\n`, exitCode: 126 } : await runCommand(words, dir, signal);
        if (signal.aborted) return;
        this.#recordShell(session.id, step.line, result.output);
        ok = result.exitCode === 0;
        emit("tool", {
          tool_call_id: toolCallId,
          name: "shell",
          function: "shell_exec",
          args,
          status: "called",
          content: { output: result.output, exit_code: result.exitCode },
        });
      } else {
        const args = { file: step.file, content: step.content };
        emit("tool", { tool_call_id: toolCallId, name: "file", function: "file_write", args, status: "calling" });
        const info = this.#writeFile(session, dir, step.file, `${step.content}\n`);
        ok = info !== undefined;
        if (info) written.push(info.filepath);
        emit("tool", {
          tool_call_id: toolCallId,
          name: "file",
          function: "file_write",
          args,
          status: "called",
          content: info ? { file: info.filepath, size: info.size } : { error: "path outside the sandbox" },
        });
      }
      if (!ok) failed++;
      emit("step", { id: step.id, status: ok ? "completed" : "failed", description: step.description });
    }
    if (signal.aborted) return;
    this.#running.delete(session.id);
    const summary =
      steps.length === 0
        ? "No steps in this message. Lines starting with `$ ` run a command, `> file: text` writes a file."
        : `Ran ${steps.length} step(s): ${steps.length - failed} succeeded, ${failed} failed.${
            written.length ? ` Wrote ${written.join(", ")}.` : ""
          }`;
    emit("message", { role: "assistant", message: plan.question ?? summary, attachments: [] });
    if (plan.question !== undefined) emit("wait", { question: plan.question }, "waiting");
    else emit("done", {}, "completed");
  }

  #recordShell(sessionId: string, command: string, output: string): void {
    const { db } = this.#services;
    const seq = db.get<{ n: number }>(
      "SELECT coalesce(max(seq), 0) + 1 AS n FROM act_shell WHERE session_id = ? AND shell_id = 'main'",
      sessionId,
    )!.n;
    db.run(
      "INSERT INTO act_shell (session_id, shell_id, seq, command, output) VALUES (?, 'main', ?, ?, ?)",
      sessionId,
      seq,
      command,
      output,
    );
  }

  /** Writes a sandbox file and keeps it as a session file (replacing the one at the same path). */
  #writeFile(session: SessionRow, dir: string, name: string, content: string): FileInfo | undefined {
    const services = this.#services;
    const real = resolveInSandbox(dir, name.trim());
    if (!real || real === dir) return undefined;
    const bytes = Buffer.from(content, "utf8");
    writeInSandbox(real, bytes);
    const filepath = sandboxPath(dir, real);
    const filename = basename(real);
    const existing = services.db.get<{ id: string }>(
      "SELECT id FROM act_files WHERE session_id = ? AND filepath = ?",
      session.id,
      filepath,
    );
    const id = existing?.id ?? uuid();
    const info: FileInfo = {
      id,
      filename,
      filepath,
      key: `sessions/${session.id}${filepath}`,
      extension: extname(filename).replace(/^\./, ""),
      mime_type: filename.endsWith(".md") ? "text/markdown" : "text/plain",
      size: bytes.length,
    };
    services.db.tx(() => {
      services.db.run("DELETE FROM act_files WHERE id = ?", id);
      services.db.run(
        "INSERT INTO act_files (id, user_id, session_id, filename, filepath, key, extension, mime_type, size, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        session.user_id,
        session.id,
        info.filename,
        info.filepath,
        info.key,
        info.extension,
        info.mime_type,
        info.size,
        bytes,
        services.iso(),
      );
      services.db.run("INSERT OR IGNORE INTO act_session_files (session_id, file_id) VALUES (?, ?)", session.id, id);
    });
    return info;
  }
}

/** A session's title from its first message: its first line, at most 50 characters. */
export function titleOf(message: string): string {
  const first =
    message
      .split(/\r?\n/)
      .find((l) => l.trim())
      ?.trim() ?? "New session";
  return first.length > 50 ? `${first.slice(0, 49)}…` : first;
}
