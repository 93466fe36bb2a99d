/**
 * @module
 * The one gate every process server-lite starts goes through (PTY sessions, MCP servers, anything later). Callers
 * are registered users of a local server, so `--exec` trusts the operator's list and nothing a user sends:
 *
 * - the allow-list holds executables, not names: each entry is resolved once, at start, to an absolute real path
 *   through the server's own `PATH`; a request's command is resolved the same way and must land on one of them,
 *   and the process is started by that absolute path (a user's `PATH` cannot redirect it);
 * - a user-supplied environment may add variables, never ones that change what runs or how (`PATH`, the dynamic
 *   loader's `LD_*`/`DYLD_*`, interpreters' option and path variables, shell start-up files);
 * - arguments that make an allowed interpreter evaluate code (`-e`, `-c`, `--eval`, `--import`, `-r`, ...) are
 *   refused, unless the operator allows arguments (`--exec-args`, or a list per command).
 *
 * A refusal names its rule and happens before anything runs.
 */
import { accessSync, constants, realpathSync, statSync } from "node:fs";
import { basename, delimiter, isAbsolute, join } from "node:path";

/** Which rule refused a spawn. */
export type SpawnRule = "allow-list" | "environment" | "arguments";

/** A spawn the guard refused, before anything ran. */
export class SpawnRefused extends Error {
  override name = "SpawnRefused";
  readonly rule: SpawnRule;
  constructor(rule: SpawnRule, message: string) {
    super(message);
    this.rule = rule;
  }
}

/** Variables a user may not set, by exact name or by prefix (`LD_` covers `LD_PRELOAD`). */
const DENIED_NAMES = new Set([
  "PATH",
  "NODE_OPTIONS",
  "NODE_PATH",
  "BASH_ENV",
  "ENV",
  "IFS",
  "SHELLOPTS",
  "BASHOPTS",
  "PS4",
  "PROMPT_COMMAND",
  "GCONV_PATH",
  "JAVA_TOOL_OPTIONS",
  "_JAVA_OPTIONS",
  "GIT_SSH_COMMAND",
  "GIT_EXEC_PATH",
  "ZDOTDIR",
]);
const DENIED_PREFIXES = ["LD_", "DYLD_", "PYTHON", "PERL5", "PERLLIB", "RUBY", "BASH_FUNC_", "NPM_CONFIG_"];

/** Executables that evaluate code given in their arguments. */
const INTERPRETER =
  /^(node|nodejs|bun|deno|python[0-9.]*|pypy[0-9.]*|perl[0-9.]*|ruby[0-9.]*|php[0-9.]*|lua[0-9.]*|bash|sh|dash|zsh|ksh|mksh|fish|csh|tcsh|ash|busybox|pwsh|powershell|osascript|awk|gawk|mawk|nawk|Rscript|julia|tclsh|wish|expect)$/;
/** Long options that evaluate or load code. */
const EVAL_LONG = [
  "--eval",
  "--print",
  "--import",
  "--require",
  "--loader",
  "--experimental-loader",
  "--command",
  "--init-command",
  "--rcfile",
  "--init-file",
];
/** Letters of short options that evaluate or load code (`-e`, `-c`, `-p`, `-r`, `-E`, `-I`, `-M`). */
const EVAL_SHORT = /^-[A-Za-z]*[ecprEIM]/;

/** Whether a variable name may be set by a user. */
export function mayUserSet(name: string): boolean {
  const upper = name.toUpperCase();
  return !DENIED_NAMES.has(upper) && !DENIED_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The absolute real path of a command, looked up in `searchPath` for a bare name; undefined when none. */
export function resolveExecutable(command: string, searchPath: string | undefined): string | undefined {
  if (command === "" || command.includes("\0")) return undefined;
  const candidates =
    isAbsolute(command) || command.includes("/")
      ? isAbsolute(command)
        ? [command]
        : []
      : (searchPath ?? "")
          .split(delimiter)
          .filter((dir) => isAbsolute(dir))
          .map((dir) => join(dir, command));
  for (const candidate of candidates) {
    if (!isExecutableFile(candidate)) continue;
    try {
      return realpathSync(candidate);
    } catch {}
  }
  return undefined;
}

/** What the operator allows beyond the executables. */
export interface SpawnGuardOptions {
  /**
   * Arguments allowed without the evaluation check: `true` for every command (`--exec-args`), or lists of
   * exact arguments per allow-list entry.
   * @default false
   * @example { node: ["server.js"] }
   */
  args?: boolean | Readonly<Record<string, readonly string[]>>;
  /** The `PATH` entries are resolved in. @default process.env.PATH */
  searchPath?: string;
}

/** A spawn as the guard approved it: run exactly this. */
export interface ApprovedSpawn {
  /** The absolute real path to start. */
  executable: string;
  args: string[];
  /** The server's environment with the user's additions. */
  env: Record<string, string>;
}

/** Checks every spawn against the operator's allow-list. */
export class SpawnGuard {
  readonly #allowed = new Map<string, string>();
  readonly #options: SpawnGuardOptions;
  readonly #searchPath: string | undefined;

  /** `allow` holds names (`bash`) or absolute paths; entries that resolve to nothing allow nothing. */
  constructor(allow: readonly string[], options: SpawnGuardOptions = {}) {
    this.#options = options;
    this.#searchPath = options.searchPath ?? process.env.PATH;
    for (const entry of allow) {
      const resolved = resolveExecutable(entry, this.#searchPath);
      if (resolved && !this.#allowed.has(resolved)) this.#allowed.set(resolved, entry);
    }
  }

  /** Whether anything may run at all. */
  get enabled(): boolean {
    return this.#allowed.size > 0;
  }

  /** Approves a spawn or throws {@link SpawnRefused} naming the rule. */
  check(command: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): ApprovedSpawn {
    const executable = resolveExecutable(command, this.#searchPath);
    const entry = executable === undefined ? undefined : this.#allowed.get(executable);
    if (executable === undefined || entry === undefined)
      throw new SpawnRefused(
        "allow-list",
        `The command "${command}" is not on this server's allow-list (start it with --exec ${basename(command) || command}).`,
      );
    const denied = Object.keys(env).filter((name) => !mayUserSet(name));
    if (denied.length > 0)
      throw new SpawnRefused(
        "environment",
        `These environment variables change what runs and may not be set: ${denied.join(", ")}.`,
      );
    this.#checkArgs(entry, basename(executable), args);
    const merged: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined) merged[name] = value;
    return { executable, args: [...args], env: { ...merged, ...env } };
  }

  #checkArgs(entry: string, name: string, args: readonly string[]): void {
    const allowed = this.#options.args;
    if (allowed === true || args.length === 0) return;
    const listed = typeof allowed === "object" ? allowed[entry] : undefined;
    if (listed) {
      const extra = args.filter((arg) => !listed.includes(arg));
      if (extra.length === 0) return;
      throw new SpawnRefused("arguments", `Arguments not allowed for ${entry}: ${extra.join(" ")}.`);
    }
    if (!INTERPRETER.test(name)) return;
    const evaluating = args.find(
      (arg) => EVAL_SHORT.test(arg) || EVAL_LONG.some((option) => arg === option || arg.startsWith(`${option}=`)),
    );
    if (evaluating !== undefined)
      throw new SpawnRefused(
        "arguments",
        `"${evaluating}" would make ${name} run code given in its arguments; the operator allows that with --exec-args.`,
      );
  }
}
