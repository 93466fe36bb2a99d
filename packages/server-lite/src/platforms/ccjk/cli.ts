/**
 * @module
 * `agentlane-server ccjk ...`: what the document's CLI does for keys (`ccjk cloud api-key create|list|revoke`),
 * against server-lite's store (`--db file`), plus making OAuth clients for Enterprise accounts.
 *
 *   agentlane-server ccjk api-key create [--name n] [--account id | --plan free|pro|enterprise] [--expires-in-days n]
 *   agentlane-server ccjk api-key list [--account id]
 *   agentlane-server ccjk api-key revoke <key-id>
 *   agentlane-server ccjk oauth-client create [--account id]
 */
import { parseArgs } from "node:util";
import type { CCJKServices } from "./services.ts";
import { PLANS, type Plan } from "./state/accounts.ts";

const USAGE = `Usage:
  agentlane-server ccjk api-key create [--name <name>] [--account <id> | --plan free|pro|enterprise] [--expires-in-days <n>] [--db <file>]
  agentlane-server ccjk api-key list [--account <id>] [--db <file>]
  agentlane-server ccjk api-key revoke <key-id> [--db <file>]
  agentlane-server ccjk oauth-client create [--account <id>] [--db <file>]`;

const DAY_MS = 24 * 3_600_000;

function accountFor(services: CCJKServices, account: string | undefined, plan: string | undefined): string {
  if (plan !== undefined && !(PLANS as string[]).includes(plan))
    throw new Error(`--plan must be one of ${PLANS.join(", ")}`);
  if (account !== undefined) {
    if (!services.accounts.exists(account)) throw new Error(`no account ${account}`);
    return account;
  }
  return plan === undefined ? services.accounts.defaultAccount() : services.accounts.create("default", plan as Plan);
}

/** Runs one command; answers what to print. */
export function cli(args: readonly string[], services: CCJKServices): string {
  const [noun, verb, ...rest] = args;
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: rest,
      options: {
        name: { type: "string" },
        account: { type: "string" },
        plan: { type: "string" },
        "expires-in-days": { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
  try {
    parsed = parse();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const command = `${noun ?? ""} ${verb ?? ""}`;

  if (command === "api-key create") {
    const accountId = accountFor(services, values.account, values.plan);
    const days = values["expires-in-days"] === undefined ? undefined : Number(values["expires-in-days"]);
    if (days !== undefined && !(Number.isFinite(days) && days > 0))
      throw new Error("--expires-in-days must be a positive number");
    const { id, key } = services.accounts.createKey(
      accountId,
      values.name ?? "cli",
      days === undefined ? undefined : days * DAY_MS,
    );
    return `Created API key ${id} for account ${accountId}:\n  ${key}\nStore it now: it is not shown again.`;
  }
  if (command === "api-key list") {
    const keys = services.accounts.listKeys(values.account);
    if (keys.length === 0) return "No API keys.";
    const rows = keys.map((k) => {
      const status = k.revokedAt
        ? "revoked"
        : k.expiresAt && Date.parse(k.expiresAt) <= services.clock.now()
          ? "expired"
          : "active";
      return [k.id, k.name, `${k.prefix}...`, k.accountId, status, k.createdAt, k.lastUsedAt ?? "never"].join("  ");
    });
    return ["id  name  key  account  status  created  last used", ...rows].join("\n");
  }
  if (command === "api-key revoke") {
    const id = positionals[0];
    if (!id) throw new Error(`name the key to revoke\n\n${USAGE}`);
    if (!services.accounts.revokeKey(id)) throw new Error(`no active API key ${id}`);
    return `Revoked API key ${id}.`;
  }
  if (command === "oauth-client create") {
    const accountId = accountFor(services, values.account, values.plan);
    const { clientId, clientSecret } = services.accounts.createOAuthClient(accountId);
    return `Created OAuth client for account ${accountId}:\n  client_id:     ${clientId}\n  client_secret: ${clientSecret}\nStore the secret now: it is not shown again.`;
  }
  throw new Error(`unknown command "${args.join(" ")}"\n\n${USAGE}`);
}
