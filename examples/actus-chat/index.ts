/**
 * @module
 * An Actus chat, live. server-lite runs on 127.0.0.1 with its seeded `super_admin`; the program signs in (the
 * client keeps and renews the tokens), uploads a file, opens a session and sends a message that the built-in
 * agent turns into steps: a shell command over the attached file, a file it writes. `actus.sessions.watchChat()`
 * follows the turn over POST Server-Sent Events until `done`; then the program downloads the file the agent wrote.
 *
 * Run it from the repository root: `node --conditions=agentlane-source examples/actus-chat/index.ts`.
 */
import { Actus } from "@agentlane/sdk/actus";
import { createServer } from "@agentlane/server-lite";

/** What the program asks the agent. */
export const MESSAGE = "Count the words\n$ wc -w upload/poem.txt\n> summary.md: # 诗 summary";

export interface ChatRun {
  /** The events of the turn, by name, in order. */
  events: string[];
  /** The shell step's output. */
  shellOutput: string;
  /** The file the agent wrote, as downloaded. */
  summary: { filename: string; text: string };
}

export async function main(log: (line: string) => void = console.log): Promise<ChatRun> {
  const server = await createServer({ platform: "actus", seed: true });
  const origin = await server.listen(0);
  try {
    const actus = new Actus({ baseUrl: `${origin}/api` });
    const seed = server.seedInfo.actus!;
    const { user } = await actus.auth.signIn({ username: seed.username!, password: seed.password! });
    log(`signed in as ${user.username} (${user.role})`);

    const poem = await actus.files.upload({ file: new File(["roses are red violets are blue"], "poem.txt") });
    const { session_id } = await actus.sessions.create();
    const events: string[] = [];
    let shellOutput = "";
    const watcher = actus.sessions.watchChat(session_id, { message: MESSAGE, attachments: [poem.id] });
    for await (const { event, data } of watcher) {
      events.push(event);
      if (event === "step") log(`step ${data.id}: ${data.status} ${data.description}`);
      if (event === "tool" && data.status === "called" && data.name === "shell")
        shellOutput = (data.content as { output: string }).output;
      if (event === "message" && data.role === "assistant") log(`agent> ${data.message}`);
    }
    log(`turn ended with ${events.at(-1)}`);

    const { files } = await actus.sessions.files({ session_id });
    const written = files.find((f) => f.filename === "summary.md")!;
    const download = await actus.files.download({ file_id: written.id });
    const summary = { filename: download.filename, text: new TextDecoder().decode(download.data) };
    log(`downloaded ${summary.filename}: ${summary.text.trim()}`);
    return { events, shellOutput, summary };
  } finally {
    await server.close();
    log("server stopped");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
