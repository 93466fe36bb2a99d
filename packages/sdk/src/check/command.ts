/**
 * @module
 * `agentlane check`: the command-line face of `checkServer()`. Options name the platform, the server and the
 * credentials (each also read from an environment variable, so a secret need not appear in the process list);
 * the report goes to standard output as text or, with `--json`, as JSON for CI. Exit code 0 when the SDK reads
 * everything the server answered, 1 when something would break it, 2 for a usage error.
 */
import { parseArgs } from "node:util";
import type { CheckCredentials } from "./profile.ts";
import { checkablePlatforms } from "./profiles.ts";
import { renderReport } from "./report.ts";
import { type CheckOptions, checkServer } from "./run.ts";

/** Where the command writes and what it reads from its environment; a test passes its own. */
export interface CommandIO {
  /** Where the report (or `--help`) goes. */
  stdout: (text: string) => void;
  /** Where usage errors go. */
  stderr: (text: string) => void;
  /** @default process.env */
  env: Readonly<Record<string, string | undefined>>;
  /** The `fetch` the check uses. @default globalThis.fetch */
  fetch?: CheckOptions["fetch"];
}

/** The `agentlane check --help` text. */
export const checkUsage = `Usage: agentlane check --platform <id> --base-url <url> [credentials] [--json] [--quiet]

Reads every documented read endpoint of the platform on your server and reports where its answers depart
from the contract @agentlane/sdk was built for. Sends no write without --write (a login, if you log in, is
the only POST).

Options:
  --platform <id>     ${checkablePlatforms.join(", ")}           (env AGENTLANE_PLATFORM)
  --base-url <url>    the API's base URL, as a client takes it      (env AGENTLANE_BASE_URL)
  --token <token>     a bearer token                                (env AGENTLANE_TOKEN)
  --api-key <key>     an API key, for platforms that take one       (env AGENTLANE_API_KEY)
  --login <name>      an email or username to log in with ...       (env AGENTLANE_LOGIN)
  --password <pw>     ... and its password                          (env AGENTLANE_PASSWORD)
  --timeout <ms>      time allowed for one request or realtime step (default 15000)
  --realtime-url <u>  where the realtime server listens, when not derived from the base URL
  --app-key <key>     the Pusher app key, for platforms that speak the Pusher protocol
  --no-realtime       skip the realtime handshake (connect, authorize a channel)
  --write             also send the write round trip in a scratch resource it creates and removes
                      (ClaudeNest: a project, a task claimed and completed, a lock;
                      CoordinAItor: a project and a task, commented and completed)
  --json              print the report as JSON
  --quiet             list only the endpoints that are not simply ok
  -h, --help          show this help

Exit code: 0 when the SDK reads everything the server answered, 1 when something would break it, 2 on a
usage error.
`;

const options = {
  platform: { type: "string" },
  "base-url": { type: "string" },
  token: { type: "string" },
  "api-key": { type: "string" },
  login: { type: "string" },
  password: { type: "string" },
  timeout: { type: "string" },
  "realtime-url": { type: "string" },
  "app-key": { type: "string" },
  realtime: { type: "boolean", default: true },
  write: { type: "boolean" },
  json: { type: "boolean" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Runs `agentlane check` with the arguments after `check`; resolves with the exit code.
 * @example process.exitCode = await runCheckCommand(process.argv.slice(3), { stdout, stderr, env: process.env });
 */
export async function runCheckCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof options; args: string[] }>>["values"];
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, allowNegative: true }));
  } catch (error) {
    io.stderr(`agentlane check: ${(error as Error).message}\n\n${checkUsage}`);
    return 2;
  }
  if (values.help) {
    io.stdout(checkUsage);
    return 0;
  }
  const { env } = io;
  const platform = values.platform ?? env.AGENTLANE_PLATFORM;
  const baseUrl = values["base-url"] ?? env.AGENTLANE_BASE_URL;
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  const problem = !platform
    ? "--platform is required"
    : !checkablePlatforms.includes(platform)
      ? `unknown platform "${platform}": one of ${checkablePlatforms.join(", ")}`
      : !baseUrl || !URL.canParse(baseUrl)
        ? "--base-url must be an absolute URL, e.g. http://localhost:8000/api"
        : new URL(baseUrl).username || new URL(baseUrl).password
          ? "--base-url must not carry credentials: pass --token, --api-key or --login instead"
          : values["realtime-url"] !== undefined && !URL.canParse(values["realtime-url"])
            ? "--realtime-url must be an absolute URL, e.g. wss://nest.example.com:8080"
            : timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)
              ? "--timeout must be a positive number of milliseconds"
              : undefined;
  if (problem) {
    io.stderr(`agentlane check: ${problem}\n\n${checkUsage}`);
    return 2;
  }
  const credentials: CheckCredentials = {
    token: values.token ?? env.AGENTLANE_TOKEN,
    apiKey: values["api-key"] ?? env.AGENTLANE_API_KEY,
    login: values.login ?? env.AGENTLANE_LOGIN,
    password: values.password ?? env.AGENTLANE_PASSWORD,
  };
  const realtime = values.realtime ? { url: values["realtime-url"], appKey: values["app-key"] } : false;
  const report = await checkServer({
    platform: platform!,
    baseUrl: baseUrl!,
    credentials,
    timeout,
    realtime,
    write: values.write === true,
    fetch: io.fetch,
  });
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report, { verbose: !values.quiet }));
  return report.breaking ? 1 : 0;
}
