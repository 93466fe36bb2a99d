/**
 * @module
 * §12 Commands discovered on a machine. Executing one queues it for the machine's agent: sent at once to an agent
 * connected on `/ws/agent` (`agent/command-relay.ts`), else kept queued; server-lite runs nothing itself.
 */
import { readCommand } from "@agentlane/sdk/claudenest";
import type { DiscoveredCommand, RegisterCommandBody } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import { sendCommand } from "../agent/command-relay.ts";
import type { NestCaller } from "../caller.ts";
import type { NestHandlers } from "../handlers.ts";
import type { NestServices } from "../services.ts";
import { rawAnswer } from "../state/raw-answer.ts";
import { ownMachine } from "./machines.ts";

const DEFAULT_PER_PAGE = 50;

interface CommandRow {
  id: string;
  machine_id: string;
  name: string;
  type: string;
  description: string | null;
  command: string;
  category: string | null;
  is_dangerous: number;
  arguments: string;
  options: string;
  created_at: string;
}

/**
 * The command as the document describes it and, derived by the SDK's own reader (so both sides agree), as
 * ClaudeNest's own server does: its web UI's Commands page (`resources/js/pages/commands/Index.vue`) reads
 * `signature`, `parameters.length` and `aliases.length`.
 */
function present(row: CommandRow): DiscoveredCommand {
  return readCommand({
    id: row.id,
    name: row.name,
    type: row.type,
    description: row.description,
    command: row.command,
    category: row.category,
    is_dangerous: row.is_dangerous === 1,
    arguments: JSON.parse(row.arguments) as string[],
    options: JSON.parse(row.options) as string[],
    created_at: row.created_at,
  }) as unknown as DiscoveredCommand;
}

function commandOn(services: NestServices, machineId: string, id: string): CommandRow {
  const row = services.db.get<CommandRow>("SELECT * FROM cn_commands WHERE id = ? AND machine_id = ?", id, machineId);
  if (!row) throw new Failure("CMD_001");
  return row;
}

function commandAt(services: NestServices, caller: NestCaller, machineId: string, id: string): CommandRow {
  return commandOn(services, ownMachine(services, caller, machineId).id, id);
}

function insert(services: NestServices, machineId: string, body: RegisterCommandBody): string {
  const id = uuid();
  services.db.run(
    `INSERT INTO cn_commands (id, machine_id, name, type, description, command, category, is_dangerous, arguments, options, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    machineId,
    body.name,
    body.type,
    body.description ?? null,
    body.command,
    body.category ?? null,
    body.is_dangerous ? 1 : 0,
    JSON.stringify(body.arguments ?? []),
    JSON.stringify(body.options ?? []),
    services.clock.iso(),
  );
  return id;
}

function isKnown(services: NestServices, machineId: string, command: string): boolean {
  return (
    services.db.get("SELECT 1 AS found FROM cn_commands WHERE machine_id = ? AND command = ?", machineId, command) !==
    undefined
  );
}

/** Quotes a word for a POSIX shell unless it is made only of characters no shell treats specially. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Whether an option given to `execute` is one the command declares (`--step=5` is the declared `--step`). */
function declares(options: readonly string[], given: string): boolean {
  const name = given.includes("=") ? given.slice(0, given.indexOf("=")) : given;
  return options.includes(given) || options.includes(name);
}

function page(services: NestServices, where: string, args: unknown[], query: { page?: number; per_page?: number }) {
  const { rows, ...page } = services.db.page<CommandRow>({
    columns: "*",
    from: "cn_commands",
    where,
    args,
    orderBy: "name, id",
    page: query.page ?? 1,
    perPage: query.per_page ?? DEFAULT_PER_PAGE,
  });
  return { items: rows.map(present), ...page };
}

export const commands: NestHandlers<"commands"> = {
  list({ caller, params, query }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return page(services, "machine_id = ?", [machine.id], query);
  },

  search({ caller, params, query }, { services, requestId }) {
    const machine = ownMachine(services, caller, params.machine);
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const matches = ["name", "description", "command", "category"].map((column) => `${column} LIKE ? ESCAPE '\\'`);
    const found = page(
      services,
      `machine_id = ? AND (${matches.join(" OR ")})`,
      [machine.id, like, like, like, like],
      query,
    );
    if (services.settings.compat === "document") return found;
    // `{query, results, count}` as ClaudeNest's own server answers (`CommandsController::search`).
    return rawAnswer(services, requestId, { query: query.q, results: found.items, count: found.items.length });
  },

  get({ caller, params }, { services, requestId }) {
    const command = present(commandAt(services, caller, params.machine, params.id));
    if (services.settings.compat === "document") return command;
    // `{command, related}` as ClaudeNest's own server answers (`CommandsController::show`, read by
    // `resources/js/stores/commands.ts`): its `command` is the object, the document's is the command text.
    const related = services.db
      .all<CommandRow>(
        "SELECT * FROM cn_commands WHERE machine_id = ? AND id <> ? AND category IS ? ORDER BY name, id LIMIT 5",
        params.machine,
        command.id,
        command.category,
      )
      .map(present);
    return rawAnswer(services, requestId, { command, related });
  },

  register({ caller, params, body }, { services, fail }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db.tx(() => {
      if (isKnown(services, machine.id, body.command))
        fail("VAL_001", undefined, { command: ["This command is already registered on this machine."] });
      const id = insert(services, machine.id, body);
      return present(services.db.get<CommandRow>("SELECT * FROM cn_commands WHERE id = ?", id)!);
    });
  },

  bulk({ caller, params, body }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return services.db.tx(() => {
      let registered = 0;
      for (const command of body.commands) {
        if (isKnown(services, machine.id, command.command)) continue;
        insert(services, machine.id, command);
        registered++;
      }
      return { registered, skipped: body.commands.length - registered };
    });
  },

  execute({ caller, params, body }, { services, fail }) {
    const machine = ownMachine(services, caller, params.machine);
    const row = commandOn(services, machine.id, params.id);
    const declared = JSON.parse(row.options) as string[];
    const options = body.options ?? [];
    const undeclared: Record<string, string[]> = {};
    options.forEach((option, index) => {
      if (!declares(declared, option))
        undeclared[`options.${index}`] = [
          `The option ${option} is not one of this command's options${declared.length ? ` (${declared.join(", ")})` : ""}.`,
        ];
    });
    if (Object.keys(undeclared).length > 0) fail("VAL_001", undefined, undeclared);
    if (services.machineStatus(machine) !== "online")
      throw new Failure("MCH_002", "The machine is offline: its agent would never receive the command.");
    const line = [row.command, ...(body.arguments ?? []).map(shellWord), ...options.map(shellWord)].join(" ");
    const id = uuid();
    const queuedAt = services.clock.iso();
    services.db.run(
      "INSERT INTO cn_command_executions (id, machine_id, command_id, command_line, cwd, status, queued_at) VALUES (?, ?, ?, ?, ?, 'queued', ?)",
      id,
      machine.id,
      row.id,
      line,
      body.cwd ?? null,
      queuedAt,
    );
    sendCommand(services, machine.id, {
      executionId: id,
      name: row.name,
      args: body.arguments ?? [],
      options,
      line,
      cwd: body.cwd ?? null,
    });
    return { execution_id: id, status: "queued" as const, command: line, queued_at: queuedAt };
  },

  remove({ caller, params }, { services }) {
    const row = commandAt(services, caller, params.machine, params.id);
    services.db.run("DELETE FROM cn_commands WHERE id = ?", row.id);
    return null;
  },

  clear({ caller, params }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    return { deleted: services.db.run("DELETE FROM cn_commands WHERE machine_id = ?", machine.id).changes };
  },
};
