/**
 * @module
 * The agent's shell steps: a few read-only commands, run as processes without a shell in the session's sandbox,
 * with a time limit, a clean environment and no argument that points outside the sandbox. Anything else is
 * refused before it runs.
 */
import { execFile } from "node:child_process";

/** The commands a shell step may run. */
export const ALLOWED_COMMANDS = new Set([
  "echo",
  "ls",
  "pwd",
  "cat",
  "wc",
  "head",
  "tail",
  "date",
  "uname",
  "whoami",
  "true",
  "false",
]);

/** What a step printed and how it ended. */
export interface ShellResult {
  output: string;
  exitCode: number;
}

/** Splits a command line into words; single and double quotes group words (no other shell syntax). */
export function splitWords(line: string): string[] | undefined {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? "");
  return words.length > 0 ? words : undefined;
}

/** Why a command line may not run, or `undefined` when it may. */
export function refusal(words: readonly string[]): string | undefined {
  const [command, ...args] = words;
  if (!command || !ALLOWED_COMMANDS.has(command)) return `command not allowed: ${command ?? ""}`;
  if (/[|;&<>`$]/.test(words.join(" "))) return "shell operators are not supported";
  const outside = args.find((a) => a.startsWith("/") || a.startsWith("~") || a.split("/").includes(".."));
  if (outside !== undefined) return `path outside the sandbox: ${outside}`;
  return undefined;
}

/** Runs an allowed command in `cwd`; resolves with its output (stdout then stderr) and exit code. */
export function runCommand(words: readonly string[], cwd: string, signal: AbortSignal): Promise<ShellResult> {
  const [command, ...args] = words;
  return new Promise((resolve) => {
    execFile(
      command!,
      args,
      {
        cwd,
        signal,
        timeout: 10_000,
        maxBuffer: 256 * 1024,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: cwd, LANG: "C.UTF-8", TZ: "UTC" },
      },
      (error, stdout, stderr) => {
        const code = error
          ? typeof (error as { code?: unknown }).code === "number"
            ? (error as { code: number }).code
            : 1
          : 0;
        resolve({ output: `${stdout}${stderr}`, exitCode: code });
      },
    );
  });
}
