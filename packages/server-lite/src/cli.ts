#!/usr/bin/env node
/**
 * @module
 * `agentlane-server`: server-lite for local development.
 *
 *   agentlane-server [--port 8000] [--host 127.0.0.1] [--db file.db] [--seed] [--platform claudenest]
 *                    [--no-rate-limit] [--no-cors] [--lite] [--exec bash] [--exec-args]
 *   agentlane-server <platform> <command...> [--db file.db]   (a platform's own commands, e.g. API keys)
 */
import { parseArgs } from "node:util";
import { examplesText, packageVersion } from "./cli/help.ts";
import { listenFailure } from "./cli/listen-error.ts";
import { createServer, loadPlatform, type PlatformId, platformIds } from "./server.ts";

const usage = `Usage: agentlane-server [options]
  --port <n>          port to listen on (default 8000; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1)
  --db <file>         SQLite file (default: in memory)
  --seed              create a demo user, token and machine
  --platform <id>     serve one platform at its documented root (${platformIds.join(", ")})
  --no-rate-limit     do not enforce the documented rate limits
  --lite              serve /_lite/* (clock, reset) for tests
  --no-cors           do not answer CORS preflights (by default any origin may call the API)
  --exec <command>    allow sessions and MCP servers to run this command (repeatable), e.g. --exec bash
  --exec-args         let allowed commands take any arguments, including ones that run code (-e, -c, ...)
  --help              show this help, with examples per platform
  --version           print the version

Platform commands (run against the store, without serving):
  agentlane-server <platform> <command...> [--db file]`;

function fail(message: string): never {
  process.stderr.write(`agentlane-server: ${message}\n\n${usage}\n`);
  process.exit(2);
}

/**
 * `agentlane-server <platform> <command...> [--db file]`: hands the command to the platform's `cli` hook, with the
 * services of a server on that store (nothing listens), and prints what it answers.
 */
async function runPlatformCommand(id: PlatformId, args: string[]): Promise<never> {
  const platform = await loadPlatform(id);
  if (!platform.cli) fail(`the platform "${id}" has no commands`);
  let db = ":memory:";
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--db") {
      const file = args[++i];
      if (file === undefined) fail("--db needs a file");
      db = file;
    } else if (arg.startsWith("--db=")) db = arg.slice("--db=".length);
    else rest.push(arg);
  }
  const server = await createServer({ db, platform: id, onError: () => {} });
  try {
    const output = await platform.cli(rest, server.services(id));
    process.stdout.write(output.endsWith("\n") ? output : `${output}\n`);
  } catch (error) {
    await server.close();
    process.stderr.write(`agentlane-server ${id}: ${(error as Error).message}\n`);
    process.exit(2);
  }
  await server.close();
  process.exit(0);
}

const command = process.argv[2];
if (command !== undefined && (platformIds as string[]).includes(command))
  await runPlatformCommand(command as PlatformId, process.argv.slice(3));

let values: Record<string, string | boolean | string[] | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string", default: "8000" },
      host: { type: "string", default: "127.0.0.1" },
      db: { type: "string" },
      seed: { type: "boolean", default: false },
      platform: { type: "string" },
      "rate-limit": { type: "boolean", default: true },
      "no-rate-limit": { type: "boolean", default: false },
      lite: { type: "boolean", default: false },
      "no-cors": { type: "boolean", default: false },
      exec: { type: "string", multiple: true },
      "exec-args": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
      version: { type: "boolean", default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}

if (values.help) {
  process.stdout.write(`${usage}\n\n${examplesText()}\n`);
  process.exit(0);
}
if (values.version) {
  process.stdout.write(`${packageVersion()}\n`);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a number from 0 to 65535, not "${values.port}"`);
const platform = values.platform as string | undefined;
if (platform !== undefined && !(platformIds as string[]).includes(platform)) fail(`unknown platform "${platform}"`);

const server = await createServer({
  db: (values.db as string | undefined) ?? ":memory:",
  seed: values.seed as boolean,
  rateLimit: !values["no-rate-limit"],
  lite: values.lite as boolean,
  cors: !values["no-cors"],
  exec: (values.exec as string[] | undefined) ?? [],
  execArgs: values["exec-args"] === true,
  ...(platform ? { platform: platform as PlatformId } : {}),
});
// Listening for signals before anything is printed: a Ctrl-C right after the banner still closes cleanly.
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

let url: string;
try {
  url = await server.listen(port, values.host as string);
} catch (error) {
  // Not a usage error: the command line was fine, so the usage text would only hide the cause.
  process.stderr.write(`agentlane-server: ${listenFailure(error, values.host as string, port)}\n`);
  await server.close();
  process.exit(1);
}

const lines = [`agentlane-server listening on ${url}`];
for (const [id, base] of Object.entries(server.bases)) lines.push(`  ${id.padEnd(12)} ${url}${base}`);
for (const [id, info] of Object.entries(server.realtime)) {
  lines.push(
    `  ${id.padEnd(12)} ${url.replace(/^http/, "ws")}${info.wsPath}/app/${info.appKey} (Pusher app key ${info.appKey})`,
  );
}
lines.push(`  docs         ${url}/docs`);
// What seeding made, in each platform's own terms (an account and a token, or an admin's and a user's token).
for (const [id, info] of Object.entries(server.seedInfo as Record<string, Record<string, string>>)) {
  const { email, password, token, ...rest } = info;
  if (email !== undefined) lines.push(`demo ${id} account: ${email} / ${password}`);
  if (token !== undefined) lines.push(`demo ${id} token:   ${token}`);
  for (const [key, value] of Object.entries(rest)) lines.push(`demo ${id} ${key}: ${value}`);
}
lines.push("Press Ctrl-C to stop.");
process.stdout.write(`${lines.join("\n")}\n`);
