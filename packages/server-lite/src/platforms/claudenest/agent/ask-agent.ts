/**
 * @module
 * The request-and-answer exchange ClaudeNest's own server has with a machine's agent for API calls that answer at
 * once (`app/Services/AgentGateway.php`, `sendAndWait`): the request carries a fresh `requestId`, the agent's answer
 * (`file:browse_result`, `project:scan_result`) carries it back, and the API answers with it. The real server waits
 * a fixed time and then answers `AGENT_TIMEOUT` (504); an answer with an `error` is the endpoint's own error code
 * (`BROWSE_ERROR`, `SCAN_ERROR`). server-lite also takes the agent's generic `error {originalType, message}` (what
 * its `agent.ts` sends when a handler throws) as that error, instead of waiting for the time to run out.
 */
import type { z } from "zod";
import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import type { NestServices } from "../services.ts";
import type { AgentMessage } from "./gateway.ts";

/** One kind of question to an agent. */
export interface AgentQuestion<T> {
  /** The request's message type (`file:browse`). */
  type: string;
  /** The answer's message type (`file:browse_result`). */
  answer: string;
  /** The answer's payload; one that does not fit is the `failureCode` error. */
  schema: z.ZodType<T>;
  /** How long the real server waits, in milliseconds. */
  timeoutMs: number;
  /** The code of an answer with an `error` (422 in ClaudeNest's own server). */
  failureCode: string;
}

const payloadOf = (message: AgentMessage) => (message.payload ?? {}) as Record<string, unknown>;

/** The agent's words, cut to a length an error message may have. */
const said = (value: unknown) => (typeof value === "string" && value.length > 0 ? value.slice(0, 1000) : undefined);

/**
 * Asks the machine's agent `question` with `payload` (a `requestId` added) and resolves with its answer's payload.
 * `MACHINE_OFFLINE` when no agent is connected or it leaves before answering; `AGENT_TIMEOUT` when it does not
 * answer in time; the question's `failureCode` when it answers an error.
 * @example const found = await askAgent(services, machine.id, BROWSE, { path: "/home/me", dirsOnly: true });
 */
export async function askAgent<T extends { error?: string | undefined }>(
  services: NestServices,
  machineId: string,
  question: AgentQuestion<T>,
  payload: Record<string, unknown>,
): Promise<T> {
  const requestId = uuid();
  const { type, answer, failureCode } = question;
  const isAnswer = (message: AgentMessage) => {
    const got = payloadOf(message);
    if (message.type === answer) return got.requestId === requestId;
    // The agent's generic error names the request's type, and its requestId when it knows it.
    return (
      message.type === "error" &&
      got.originalType === type &&
      (got.requestId === undefined || got.requestId === requestId)
    );
  };
  let message: AgentMessage;
  try {
    message = await services.agents.request(machineId, type, { ...payload, requestId }, isAnswer, {
      timeoutMs: question.timeoutMs,
      onTimeout: () => new Failure("AGENT_TIMEOUT", "Machine did not respond in time"),
    });
  } catch (error) {
    if (error instanceof Failure && error.code === "MCH_002")
      throw new Failure("MACHINE_OFFLINE", error.message, { machine: [error.message] });
    throw error;
  }
  if (message.type === "error")
    throw new Failure(failureCode, `The machine's agent: ${said(payloadOf(message).message) ?? "failed"}`);
  const parsed = question.schema.safeParse(message.payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`);
    throw new Failure(failureCode, `The machine's agent answered an unreadable ${answer}: ${problems.join("; ")}`);
  }
  const reported = said(parsed.data.error);
  if (reported) throw new Failure(failureCode, reported);
  return parsed.data;
}
