/**
 * @module
 * Commands executed on a machine whose agent is connected are sent to the agent, in the message ClaudeNest's own
 * server sends (`CommandsController::execute`: `commands:execute {command_name, command_path, args, options,
 * request_id}`), with what server-lite adds: the `command` line it built and the `cwd` asked for. The API answers at
 * once that the command is queued, as the document says; the execution is stored as `sent`. ClaudeNest's agent
 * answers nothing when it runs one; an agent that cannot answers `error {originalType: 'commands:execute',
 * request_id, message}`, which marks the execution `failed`.
 */
import { z } from "zod";
import type { NestServices } from "../services.ts";
import { parsePayload } from "./machine-info.ts";

/** A queued execution, as the agent is told of it. */
export interface CommandExecutionMessage {
  executionId: string;
  name: string;
  args: readonly string[];
  options: readonly string[];
  line: string;
  cwd: string | null;
}

const CommandErrorSchema = z.looseObject({
  originalType: z.literal("commands:execute"),
  request_id: z.string().max(255),
  message: z.string().max(10_000).optional(),
});

/** Sends a queued execution to the machine's agent and marks it `sent`; false when no agent is connected. */
export function sendCommand(services: NestServices, machineId: string, execution: CommandExecutionMessage): boolean {
  const sent = services.agents.send(machineId, "commands:execute", {
    command_name: execution.name,
    command_path: null,
    args: execution.args,
    options: execution.options,
    request_id: execution.executionId,
    command: execution.line,
    cwd: execution.cwd,
  });
  if (sent) services.db.run("UPDATE cn_command_executions SET status = 'sent' WHERE id = ?", execution.executionId);
  return sent;
}

/** An agent's `error` about a command it was sent marks the execution `failed`; false when it is about another thing. */
export function onCommandError(services: NestServices, machineId: string, payload: unknown): boolean {
  if ((payload as { originalType?: unknown } | null)?.originalType !== "commands:execute") return false;
  const report = parsePayload(CommandErrorSchema, payload, "error");
  services.db.run(
    "UPDATE cn_command_executions SET status = 'failed' WHERE id = ? AND machine_id = ?",
    report.request_id,
    machineId,
  );
  return true;
}
