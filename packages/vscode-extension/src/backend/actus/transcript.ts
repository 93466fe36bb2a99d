/**
 * @module
 * Actus's chat events (streamed, and kept in a session's detail) as the neutral transcript entries the Chats view
 * renders: messages, the title, the plan and its steps, tool calls with their output, a question back, an error,
 * the end of a turn. The same mapping serves the history and the live turn, so both read alike.
 */
import type { SessionItem } from "@agentlane/sdk/actus";
import type { ChatEntry, ChatItem } from "../types.ts";

type Data = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A tool's output as text: strings as they are, anything else as JSON. */
function output(content: unknown): string | undefined {
  if (content === undefined || content === null) return undefined;
  return typeof content === "string" ? content : JSON.stringify(content, null, 2);
}

const STEP_STATUS = new Set(["pending", "running", "completed", "failed"]);

/** One event, or undefined for an event the transcript does not show. */
export function toEntry(event: string, data: Data): ChatEntry | undefined {
  switch (event) {
    case "message": {
      const attachments = Array.isArray(data.attachments)
        ? data.attachments.map((file) => text((file as Data).filename)).filter(Boolean)
        : [];
      return {
        kind: "message",
        role: data.role === "user" ? "user" : "assistant",
        text: text(data.message),
        ...(attachments.length > 0 ? { attachments } : {}),
      };
    }
    case "title":
      return { kind: "title", title: text(data.title) };
    case "plan":
      return {
        kind: "plan",
        steps: Array.isArray(data.steps) ? data.steps.map((step) => text((step as Data).description)) : [],
      };
    case "step": {
      const status = text(data.status);
      return {
        kind: "step",
        description: text(data.description),
        status: STEP_STATUS.has(status) ? (status as "pending") : "pending",
      };
    }
    case "tool": {
      const shown = output(data.content);
      return {
        kind: "tool",
        name: text(data.function) || text(data.name),
        detail: JSON.stringify(data.args ?? {}),
        status: data.status === "called" ? "called" : "calling",
        ...(shown === undefined ? {} : { output: shown }),
      };
    }
    case "wait":
      return { kind: "wait", question: text(data.question) };
    case "error":
      return { kind: "error", error: text(data.error) };
    case "done":
      return { kind: "done" };
    default:
      return undefined;
  }
}

/** A listed session as a chat. */
export function toChat(session: SessionItem): ChatItem {
  return {
    id: session.session_id,
    title: session.title || "New chat",
    status: session.status,
    running: session.status === "running",
    latest: session.latest_message,
    unread: session.unread_message_count,
  };
}
