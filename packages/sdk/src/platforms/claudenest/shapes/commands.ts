/**
 * @module
 * Discovered commands as the SDK gives them, with both descriptions: the document's (`type`, `command`,
 * `is_dangerous`, `arguments`, `options`) and ClaudeNest's own server's (`app/Http/Resources/CommandResource.php`:
 * `signature`, `parameters`, `aliases`, `examples`, `skill_path`). Each side is derived from the other where a
 * server sent only one; the real server also answers `get` as `{command, related}` and `search` as
 * `{query, results, count}`.
 */
import { eachOf, type Fields, isFields, one, orElse } from "./fields.ts";

interface Parameter {
  name: string;
  required?: boolean;
}

function parametersOf(command: Fields): Parameter[] {
  return Array.isArray(command.parameters)
    ? command.parameters.filter((p): p is Parameter => isFields(p) && typeof p.name === "string")
    : [];
}

/**
 * A command with every key of the SDK's `DiscoveredCommand`, from either description (server-lite uses it too, to
 * add the real server's fields to the document's).
 * @example readCommand({ command: "deploy", arguments: ["env"], options: ["--force"], ... }).signature
 * // "deploy <env> [--force]"
 */
export function readCommand(command: Fields): Fields {
  const parameters = parametersOf(command);
  const signature = typeof command.signature === "string" ? command.signature : undefined;
  const commandLine = orElse<string>(command.command, signature?.split(/\s+/)[0] || String(command.name ?? ""));
  const args = orElse<string[]>(
    command.arguments,
    parameters.filter((p) => p.required !== false).map((p) => p.name),
  );
  const options = orElse<string[]>(
    command.options,
    parameters.filter((p) => p.required === false).map((p) => p.name),
  );
  return {
    ...command,
    type: orElse(command.type, "command"),
    description: orElse(command.description, null),
    category: orElse(command.category, null),
    command: commandLine,
    is_dangerous: orElse(command.is_dangerous, false),
    arguments: args,
    options,
    display_name: orElse(command.display_name, command.name),
    signature: signature ?? [commandLine, ...args.map((a) => `<${a}>`), ...options.map((o) => `[${o}]`)].join(" "),
    parameters: Array.isArray(command.parameters)
      ? command.parameters.map((p: Fields) => ({
          ...p,
          type: orElse(p.type, "string"),
          required: orElse(p.required, true),
          description: orElse(p.description, null),
        }))
      : [
          ...args.map((name) => ({ name, type: "string", required: true, description: null })),
          ...options.map((name) => ({ name, type: "option", required: false, description: null })),
        ],
    aliases: orElse(command.aliases, []),
    examples: orElse(command.examples, []),
    skill_path: orElse(command.skill_path, null),
  };
}

const list = eachOf(readCommand);

/** The `commands` endpoints' shapers. */
export const commandShapers = {
  list,
  search: (data: unknown) => list(isFields(data) && Array.isArray(data.results) ? data.results : data),
  get: one((fields) => readCommand(isFields(fields.command) ? fields.command : fields)),
  register: one(readCommand),
};
