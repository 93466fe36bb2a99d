#!/usr/bin/env node
/**
 * @module
 * `agentlane-server`: server-lite for local development.
 *
 *   agentlane-server [--port 8000] [--host 127.0.0.1] [--db file.db] [--seed [--seed-agent]] [--platform claudenest]
 *                    [--no-rate-limit] [--no-cors] [--lite] [--exec bash] [--exec-args]
 *                    [--chaos 0.2] [--chaos-seed 7] [--record requests.har] [--load snapshot.json]
 *                    [--claudenest-compat document|real] [--claudenest-browse-root <dir>] [--tls]
 *   agentlane-server <platform> <command...> [--db file.db]   (a platform's own commands, e.g. API keys)
 */
import { enableCompileCache } from "node:module";
import { parseArgs } from "node:util";
import { examplesText, packageVersion } from "./cli/help.ts";
import { listenFailure } from "./cli/listen-error.ts";
import { createServer, loadPlatform, type PlatformId, platformIds, type ServerOptions } from "./server.ts";

// The modules imported so far are few and small; the server loads the rest (Hono, zod, the platforms) when it is
// created. With Node's on-disk compile cache, every start after the first reuses their compiled code instead of
// compiling it again (`NODE_DISABLE_COMPILE_CACHE=1` turns it off).
enableCompileCache();

const usage = `Usage: agentlane-server [options]
  --port <n>          port to listen on (default 8000; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1)
  --db <file>         SQLite file (default: in memory)
  --seed              create a demo user, token and machine
  --seed-agent        with --seed, connect a built-in demo agent for the seeded machine (ClaudeNest): the
                      machine is online and its sessions echo what is typed; nothing runs on the host
  --platform <id>     serve one platform at its documented root (${platformIds.join(", ")})
  --no-rate-limit     do not enforce the documented rate limits
  --lite              serve /_lite/* (clock, reset, chaos, requests, snapshot) for tests
  --no-cors           do not answer CORS preflights (by default any origin may call the API)
  --exec <command>    allow sessions and MCP servers to run this command (repeatable), e.g. --exec bash
  --exec-args         let allowed commands take any arguments, including ones that run code (-e, -c, ...)
  --chaos <rate>      inject faults into this share of requests (0 to 1), each printed to stderr
  --chaos-seed <n>    seed of the faults: the same seed and requests give the same faults (default 1)
  --record <file>     record every request and response (secrets redacted), written as HAR 1.2 on exit
  --load <file>       start from a snapshot (as GET /_lite/snapshot answers it)
  --tls               serve https and wss with a self-signed certificate made at start (printed), for browser
                      clients that connect only over wss
  --claudenest-compat <document|real>
                      ClaudeNest values where the document and ClaudeNest's own server differ (a completed
                      task's status completed or done, ...); default document
  --claudenest-browse-root <dir>
                      the folder ClaudeNest's machine file browser may list (default: the working directory)
  --help              show this help, with examples per platform
  --version           print the version

Platform commands (run against the store, without serving):
  agentlane-server <platform> <command...> [--db file]`;

/** `--chaos`, `--chaos-seed`, `--record` and `--load` as `createServer` options; a bad value fails with the usage. */
function testingAidOptions(values: Record<string, unknown>): Partial<ServerOptions> {
  const options: Partial<ServerOptions> = {};
  if (values.chaos !== undefined || values["chaos-seed"] !== undefined) {
    const rate = Number(values.chaos ?? 0);
    const seed = Number(values["chaos-seed"] ?? 1);
    if (!(rate >= 0 && rate <= 1)) fail(`--chaos must be a rate from 0 to 1, not "${values.chaos}"`);
    if (!Number.isInteger(seed) || seed < 0) fail(`--chaos-seed must be a whole number, not "${values["chaos-seed"]}"`);
    options.chaos = { rate, seed };
    options.onFault = (f) => process.stderr.write(`fault ${f.kind} ${f.requestId} ${f.method} ${f.path}\n`);
  }
  if (typeof values.record === "string") options.record = { file: values.record };
  if (typeof values.load === "string") options.load = values.load;
  return options;
}

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
      "seed-agent": { type: "boolean", default: false },
      platform: { type: "string" },
      "rate-limit": { type: "boolean", default: true },
      "no-rate-limit": { type: "boolean", default: false },
      lite: { type: "boolean", default: false },
      "no-cors": { type: "boolean", default: false },
      exec: { type: "string", multiple: true },
      "exec-args": { type: "boolean", default: false },
      // Testing aids: faults, recording, a snapshot to start from.
      chaos: { type: "string" },
      "chaos-seed": { type: "string" },
      record: { type: "string" },
      load: { type: "string" },
      tls: { type: "boolean", default: false },
      "claudenest-compat": { type: "string" },
      "claudenest-browse-root": { type: "string" },
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

if (values["seed-agent"] && !values.seed) fail("--seed-agent needs --seed: the agent serves the seeded machine");

const testingAids = testingAidOptions(values);
const claudenest = {
  ...(values["claudenest-compat"] === undefined ? {} : { compat: values["claudenest-compat"] }),
  ...(values["claudenest-browse-root"] === undefined ? {} : { browseRoot: values["claudenest-browse-root"] }),
};
const server = await createServer({
  ...testingAids,
  db: (values.db as string | undefined) ?? ":memory:",
  seed: values.seed as boolean,
  seedAgent: values["seed-agent"] as boolean,
  rateLimit: !values["no-rate-limit"],
  lite: values.lite as boolean,
  cors: !values["no-cors"],
  exec: (values.exec as string[] | undefined) ?? [],
  execArgs: values["exec-args"] === true,
  ...(platform ? { platform: platform as PlatformId } : {}),
  platformOptions: { claudenest },
  tls: values.tls === true,
}).catch((error: Error) => fail(error.message));
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
// Kinds that name a path of their own (a machine agent's socket, say) show it.
for (const [id, endpoints] of Object.entries(server.realtimeEndpoints))
  for (const { kind, info } of endpoints)
    if (info.agentPath)
      lines.push(`  ${id.padEnd(12)} ${url.replace(/^http/, "ws")}${info.agentPath} (${kind} socket)`);
lines.push(`  docs         ${url}/docs`);
if (server.tls) {
  // What a browser or client must trust (or be told to ignore: Chromium's --ignore-certificate-errors).
  lines.push(`TLS: a self-signed certificate, SHA-256 fingerprint ${server.tls.fingerprint256}`);
  lines.push(server.tls.cert.trimEnd());
}
// What seeding made, in each platform's own terms (an account and a token, or an admin's and a user's token).
for (const [id, info] of Object.entries(server.seedInfo as Record<string, Record<string, string>>)) {
  const { email, password, token, ...rest } = info;
  if (email !== undefined) lines.push(`demo ${id} account: ${email} / ${password}`);
  if (token !== undefined) lines.push(`demo ${id} token:   ${token}`);
  for (const [key, value] of Object.entries(rest)) lines.push(`demo ${id} ${key}: ${value}`);
}
lines.push("Press Ctrl-C to stop.");
process.stdout.write(`${lines.join("\n")}\n`);
