/**
 * @module
 * A ClaudeNest terminal, live. server-lite runs on 127.0.0.1 and may run `bash`; a user registers a machine,
 * whose agent checks in, and opens an interactive session on it. `nest.sessions.attach()` streams the
 * session's terminal over the Pusher-protocol WebSocket: the program types a command, reads its output as it
 * comes, then terminates the session and waits for its end.
 *
 * Run it from the repository root: `node --conditions=agentlane-source examples/claudenest-terminal/index.ts`.
 */
import { ClaudeNest } from "@agentlane/sdk";
import type { TerminalExit } from "@agentlane/sdk/claudenest";
import { createServer } from "@agentlane/server-lite";

/** The command typed into the terminal, and the line its output must contain. */
export const COMMAND = 'echo "hello from bash: $((6 * 7))"';
export const EXPECTED = "hello from bash: 42";

/** How long the program waits for the output before giving up. */
const OUTPUT_TIMEOUT_MS = 15_000;

export interface TerminalRun {
  /** What the terminal showed, without its escape sequences. */
  transcript: string;
  exit: TerminalExit;
}

/** Drops terminal escape sequences (colours, bracketed paste, window titles) and carriage returns. */
export function plainText(terminal: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape sequences start with ESC and end titles with BEL.
  const escapes = /\u001b(\[[0-9;?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[()][0-9A-Za-z])/g;
  return terminal.replace(escapes, "").replace(/\r/g, "");
}

export async function main(log: (line: string) => void = console.log): Promise<TerminalRun> {
  const server = await createServer({ exec: ["bash"] });
  const url = await server.listen(0, "127.0.0.1");
  const baseUrl = `${url}${server.bases.claudenest}`;
  log(`server-lite is listening on ${url}; sessions may run bash`);

  try {
    const account = await new ClaudeNest({ baseUrl }).auth.register({
      name: "Alice",
      email: `alice-${Date.now()}@example.com`,
      password: "correct horse battery",
      password_confirmation: "correct horse battery",
    });
    const nest = new ClaudeNest({ baseUrl, token: account.token });
    const { machine, token } = await nest.machines.register({ name: "Dev box", platform: "linux", hostname: "dev" });
    // The machine is online once its agent has called in with the machine token.
    await new ClaudeNest({ baseUrl, token }).machines.get({ id: machine.id });
    const { session } = await nest.sessions.create({
      machine: machine.id,
      mode: "interactive",
      pty_size: { cols: 100, rows: 30 },
    });
    log(`session ${session.id} is ${session.status} on "${machine.name}"`);

    const terminal = nest.sessions.attach(session.id);
    terminal.on("error", (error) => log(`terminal error: ${error.message}`));
    log(`$ ${COMMAND}`);
    terminal.write(`${COMMAND}\n`);
    const giveUp = setTimeout(() => terminal.close(), OUTPUT_TIMEOUT_MS);
    let screen = "";
    for await (const chunk of terminal) {
      screen += chunk;
      if (
        plainText(screen)
          .split("\n")
          .some((line) => line.trim() === EXPECTED)
      )
        break;
    }
    clearTimeout(giveUp);
    const transcript = plainText(screen);
    const answer = transcript.split("\n").find((line) => line.trim() === EXPECTED);
    if (!answer) throw new Error(`The terminal never printed "${EXPECTED}"; it showed:\n${transcript}`);
    log(`terminal> ${answer.trim()}`);

    terminal.terminate();
    const exit = await terminal.exited;
    if (!exit) throw new Error("The terminal closed before the session ended");
    log(`session ${exit.session.status}: ${exit.session.status_message}`);
    return { transcript, exit };
  } finally {
    await server.close();
    log("server stopped");
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
