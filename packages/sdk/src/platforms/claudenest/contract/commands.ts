/**
 * @module
 * §12 Discovered commands: shell, npm, Artisan... commands an agent found on its machine, browsed, searched
 * and queued for execution. Every endpoint is per machine, and a machine token may use them on its own
 * machine.
 *
 * Choices where the document is silent:
 * - Every answer carries the full command (`arguments` and `options` included), in lists too.
 * - `list` and `search` are paginated (`per_page` defaults to 50) and ordered by name. `search` matches
 *   `q` anywhere in the name, description, command or category, ignoring case.
 * - `bulk` also takes the items ClaudeNest's agent sends (`packages/agent/src/api/client.ts` `CommandSyncPayload`,
 *   built by `src/sync/service.ts` `syncCommands`): `{name, description, category, source}`, Claude Code's slash
 *   commands found in `~/.claude/commands` or declared by a skill. Such an item is stored as a command of `type`
 *   `slash` whose `command` is what one types to run it, `/` then its name; an empty `description` is `null`,
 *   `category` is kept, and it has no arguments or options. `source` (the skill that declares it, or
 *   `claude-commands`), `usage` and `examples` have no place in the document's command and are not kept. An agent
 *   item takes no other key, so a document item with a wrong field is told so rather than read as the agent's. The agent sends every command again
 *   each time it syncs (every five minutes): those already known are skipped like any other.
 * - A machine holds one command per `command` text: `register` of a known one is `VAL_001`, `bulk` skips it
 *   (and repeats within the same request) and counts it in `skipped`. `register` answers 201, `bulk` 200.
 * - `execute` queues the command for the agent and answers 200 with the command line it will run:
 *   `command`, then `arguments`, then `options`, space-separated, each argument or option quoted for a
 *   POSIX shell when it holds anything but plain word characters. Each option must be one the command
 *   declares (`--step=5` matches a declared `--step`), else `VAL_001`. When the machine is offline the
 *   agent would never receive it: `CMD_002`, and nothing is queued.
 * - Deleting answers `data: null`; clearing answers how many commands were deleted.
 * - ClaudeNest's own server (`app/Http/Resources/CommandResource.php`) describes a command another way: `signature`,
 *   `parameters` (`{name, type, required, description}`), `aliases`, `examples` (`{title, command}`) and
 *   `skill_path`. Every command carries both descriptions: server-lite derives the real server's fields from the
 *   documented ones (`signature` is `command` followed by `<argument>` and `[option]`, `parameters` the arguments,
 *   required, then the options), and the SDK derives the documented ones from the real server's answers
 *   (`command` is the signature's first word, `type` is `command`, `arguments` the required parameters,
 *   `options` the others, `is_dangerous` false).
 * - `/commands/search` and `/commands/{id}` share a shape: the fixed segment wins, and command ids are UUIDs, so no
 *   command can be shadowed by `search`.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { eitherShape, Id, Nothing, PageQuery, Timestamp } from "./common.ts";
import { commandExample, entity } from "./examples.ts";
import { registerCommandExample } from "./request-examples.ts";

/** The zod schema of {@link CommandParameter}. */
export const CommandParameterSchema = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  description: z.string().nullable(),
});
/** A parameter of a command, as ClaudeNest's own server describes it. */
export interface CommandParameter extends z.output<typeof CommandParameterSchema> {}

/** The zod schema of {@link CommandExample}. */
export const CommandExampleSchema = z.object({
  title: z.string(),
  command: z.string(),
  description: z.string().optional(),
});
/** A usage example of a command, as ClaudeNest's own server describes it. */
export interface CommandExample extends z.output<typeof CommandExampleSchema> {}

/** The zod schema of {@link DiscoveredCommand}. */
export const DiscoveredCommandSchema = entity(
  z.object({
    id: Id,
    name: z.string(),
    /** What kind of command it is: `shell`, `script`, `npm`, `artisan`, ... */
    type: z.string(),
    description: z.string().nullable(),
    command: z.string(),
    category: z.string().nullable(),
    is_dangerous: z.boolean(),
    /** Positional arguments the command takes. */
    arguments: z.array(z.string()),
    /** Options the command accepts, such as `--force`. */
    options: z.array(z.string()),
    /** The name to show. */
    display_name: z.string(),
    /** How the command is called: `deploy <env> [--force]`. */
    signature: z.string(),
    parameters: z.array(CommandParameterSchema),
    aliases: z.array(z.string()),
    examples: z.array(CommandExampleSchema),
    /** The skill the command came from, if any. */
    skill_path: z.string().nullable(),
    created_at: Timestamp,
  }),
  { name: "Command", example: commandExample },
);
/** §12.3: a command the agent found on its machine. */
export interface DiscoveredCommand extends z.output<typeof DiscoveredCommandSchema> {}

const Words = z.array(z.string().min(1).max(255)).max(100);

/** The zod schema of {@link RegisterCommandBody}. */
export const RegisterCommandBodySchema = withExample(
  z.object({
    name: z.string().min(1).max(255),
    type: z.string().min(1).max(32),
    description: z.string().max(1000).nullable().optional(),
    command: z.string().min(1).max(4096),
    category: z.string().max(64).nullable().optional(),
    /** @default false */
    is_dangerous: z.boolean().optional(),
    /** @default [] */
    arguments: Words.optional(),
    /** @default [] */
    options: Words.optional(),
  }),
  registerCommandExample,
);
/** §12.4: a command to register on a machine. */
export interface RegisterCommandBody extends z.output<typeof RegisterCommandBodySchema> {}

/** The zod schema of {@link AgentCommand}. */
export const AgentCommandSchema = z.strictObject({
  name: z.string().min(1).max(255),
  description: z.string().max(1000).nullish(),
  category: z.string().max(64),
  /** The skill that declares the command, or `claude-commands`. */
  source: z.string().min(1).max(255),
  /** How to call it; not kept (the document's command has no such field). */
  usage: z.string().max(4096).nullish(),
  /** Examples of calls; not kept. */
  examples: z.array(z.string().max(4096)).max(100).nullish(),
});
/** A Claude Code slash command as ClaudeNest's agent reports it (`CommandSyncPayload`). */
export interface AgentCommand extends z.output<typeof AgentCommandSchema> {}

/** An agent's slash command as the document's command: `/name`, of type `slash` (see the module comment). */
function fromAgent(item: AgentCommand): RegisterCommandBody {
  return {
    name: item.name,
    type: "slash",
    description: item.description || null,
    command: `/${item.name}`,
    category: item.category,
  };
}

/** The zod schema of {@link BulkRegisterCommandsBody}: each item the document's or the agent's. */
export const BulkRegisterCommandsBodySchema = z.object({
  commands: z
    .array(
      z.union(
        [RegisterCommandBodySchema, AgentCommandSchema.transform(fromAgent)],
        eitherShape("{name, type, command}", "{name, category, source}"),
      ),
    )
    .min(1)
    .max(500),
});
/** §12.5: commands to register at once, each read into the document's shape. */
export interface BulkRegisterCommandsBody {
  commands: RegisterCommandBody[];
}
/** §12.5: commands to register at once: the document's items or the agent's, mixed as needed. */
export interface BulkRegisterCommandsInput {
  commands: Array<RegisterCommandBody | AgentCommand>;
}

/** The zod schema of {@link BulkRegisterResult}. */
export const BulkRegisterResultSchema = z.object({
  registered: z.number().int(),
  skipped: z.number().int(),
});
/** §12.5: how many commands were registered, and how many were skipped as already known. */
export interface BulkRegisterResult extends z.output<typeof BulkRegisterResultSchema> {}

/** The zod schema of {@link ExecuteCommandBody}. */
export const ExecuteCommandBodySchema = z.object({
  /** @default [] */
  arguments: z.array(z.string().max(4096)).max(100).optional(),
  /** @default [] */
  options: z.array(z.string().min(1).max(4096)).max(100).optional(),
  /** Working directory on the machine; the agent's own when absent. */
  cwd: z.string().min(1).max(4096).optional(),
});
/** §12.6: arguments, options and working directory of a command to run. */
export interface ExecuteCommandBody extends z.output<typeof ExecuteCommandBodySchema> {}

/** The zod schema of {@link CommandExecution}. */
export const CommandExecutionSchema = z.object({
  execution_id: Id,
  status: z.literal("queued"),
  /** The command line the agent will run. */
  command: z.string(),
  queued_at: Timestamp,
});
/** §12.6: a command queued for the machine's agent, with the command line it will run. */
export interface CommandExecution extends z.output<typeof CommandExecutionSchema> {}

/** The zod schema of {@link ListCommandsQuery}. */
export const ListCommandsQuerySchema = z.object({ ...PageQuery });
/** §12.1: the page of commands to answer. */
export interface ListCommandsQuery extends z.output<typeof ListCommandsQuerySchema> {}

/** The zod schema of {@link SearchCommandsQuery}. */
export const SearchCommandsQuerySchema = z.object({ q: z.string().min(1).max(255), ...PageQuery });
/** §12.2: the search term `q`, and the page of matches to answer. */
export interface SearchCommandsQuery extends z.output<typeof SearchCommandsQuerySchema> {}

const OnMachine = z.object({ machine: Id });
const CommandAt = z.object({ machine: Id, id: Id });

const list = endpoint({
  method: "GET",
  path: "/machines/{machine}/commands",
  section: "§12.1",
  summary: "List the commands discovered on a machine (50 per page by default)",
  auth: "agent",
  params: OnMachine,
  query: named<ListCommandsQuery>(ListCommandsQuerySchema),
  response: named<DiscoveredCommand[]>(z.array(DiscoveredCommandSchema)),
  paginated: true,
  errors: ["MCH_001"],
});

const search = endpoint({
  method: "GET",
  path: "/machines/{machine}/commands/search",
  section: "§12.2",
  summary: "Search commands by name, description, command or category",
  auth: "agent",
  params: OnMachine,
  query: named<SearchCommandsQuery>(SearchCommandsQuerySchema),
  response: named<DiscoveredCommand[]>(z.array(DiscoveredCommandSchema)),
  paginated: true,
  errors: ["MCH_001"],
});

const get = endpoint({
  method: "GET",
  path: "/machines/{machine}/commands/{id}",
  section: "§12.3",
  summary: "Get a command",
  auth: "agent",
  params: CommandAt,
  response: named<DiscoveredCommand>(DiscoveredCommandSchema),
  errors: ["MCH_001", "CMD_001"],
});

const register = endpoint({
  method: "POST",
  path: "/machines/{machine}/commands",
  section: "§12.4",
  summary: "Register a discovered command",
  auth: "agent",
  params: OnMachine,
  body: named<RegisterCommandBody>(RegisterCommandBodySchema),
  response: named<DiscoveredCommand>(DiscoveredCommandSchema),
  status: 201,
  errors: ["MCH_001"],
});

const bulk = endpoint({
  method: "POST",
  path: "/machines/{machine}/commands/bulk",
  section: "§12.5",
  summary: "Register several commands, skipping those already known",
  auth: "agent",
  params: OnMachine,
  body: named<BulkRegisterCommandsBody, BulkRegisterCommandsInput>(BulkRegisterCommandsBodySchema),
  response: named<BulkRegisterResult>(BulkRegisterResultSchema),
  errors: ["MCH_001"],
});

const execute = endpoint({
  method: "POST",
  path: "/machines/{machine}/commands/{id}/execute",
  section: "§12.6",
  summary: "Queue a command for the machine's agent to run",
  auth: "agent",
  params: CommandAt,
  body: named<ExecuteCommandBody>(ExecuteCommandBodySchema),
  response: named<CommandExecution>(CommandExecutionSchema),
  errors: ["MCH_001", "MCH_002", "CMD_001", "CMD_002"],
});

const remove = endpoint({
  method: "DELETE",
  path: "/machines/{machine}/commands/{id}",
  section: "§12.7",
  summary: "Delete a command",
  auth: "agent",
  params: CommandAt,
  response: named<null>(Nothing),
  errors: ["MCH_001", "CMD_001"],
});

const clear = endpoint({
  method: "DELETE",
  path: "/machines/{machine}/commands",
  section: "§12.8",
  summary: "Delete every command of a machine",
  auth: "agent",
  params: OnMachine,
  response: named<{ deleted: number }>(z.object({ deleted: z.number().int() })),
  errors: ["MCH_001"],
});

/** The discovered-commands endpoints. */
export const commands = { list, search, get, register, bulk, execute, remove, clear };
