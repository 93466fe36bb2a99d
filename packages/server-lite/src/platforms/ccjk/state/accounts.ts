/**
 * @module
 * Accounts, their API keys and their OAuth clients. The document mints keys only through its CLI
 * (`ccjk cloud api-key create|list|revoke`): server-lite does it through `agentlane-server ccjk api-key ...` and
 * its seed. Keys (`ccjk_...`), OAuth client secrets and OAuth tokens are returned once and stored as SHA-256
 * hashes; a bearer token is either a key or an OAuth token, and both act as their account.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../../../core/clock.ts";
import { hashToken, newToken } from "../../../core/ids.ts";
import type { Database } from "../../../store/database.ts";

/** A plan (§3): it sets the account's rate limits and pool sizes. */
export type Plan = "free" | "pro" | "enterprise";
/** Every plan. */
export const PLANS: readonly Plan[] = ["free", "pro", "enterprise"];

/** How long an OAuth token lives. */
export const OAUTH_TOKEN_TTL_S = 3600;

/** Who a bearer token stands for, or why it stands for nobody. */
export type Resolved =
  | { ok: true; accountId: string; plan: Plan; via: "api-key" | "oauth" }
  | { ok: false; reason: "invalid" | "expired" };

/** An API key as listed (never the key itself). */
export interface ApiKeyInfo {
  id: string;
  accountId: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Writes `last_used_at` at most once per this many milliseconds per key. */
const TOUCH_EVERY_MS = 30_000;

/** Accounts, keys and OAuth clients over the store. */
export class Accounts {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  create(name: string, plan: Plan): string {
    const id = `acct_${randomBytes(8).toString("hex")}`;
    this.#db.run(
      "INSERT INTO ccjk_accounts (id, name, plan, created_at) VALUES (?, ?, ?, ?)",
      id,
      name,
      plan,
      this.#clock.iso(),
    );
    return id;
  }

  exists(accountId: string): boolean {
    return this.#db.get("SELECT 1 AS x FROM ccjk_accounts WHERE id = ?", accountId) !== undefined;
  }

  /** The account the CLI acts for when none is named: the oldest one, made on first use. */
  defaultAccount(plan: Plan = "free"): string {
    const row = this.#db.get<{ id: string }>("SELECT id FROM ccjk_accounts ORDER BY created_at, rowid LIMIT 1");
    return row?.id ?? this.create("default", plan);
  }

  /** A new API key: the key is answered once and only its hash kept. */
  createKey(accountId: string, name: string, ttlMs?: number): { id: string; key: string } {
    const key = newToken("ccjk_");
    const id = `key_${randomBytes(6).toString("hex")}`;
    const now = this.#clock.now();
    this.#db.run(
      "INSERT INTO ccjk_api_keys (id, account_id, name, key_hash, key_prefix, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      id,
      accountId,
      name,
      hashToken(key),
      key.slice(0, 12),
      now,
      ttlMs === undefined ? null : now + ttlMs,
    );
    return { id, key };
  }

  listKeys(accountId?: string): ApiKeyInfo[] {
    const rows = this.#db.all<{
      id: string;
      account_id: string;
      name: string;
      key_prefix: string;
      created_at: number;
      expires_at: number | null;
      last_used_at: number | null;
      revoked_at: number | null;
    }>(
      `SELECT * FROM ccjk_api_keys ${accountId ? "WHERE account_id = ?" : ""} ORDER BY created_at, rowid`,
      ...(accountId ? [accountId] : []),
    );
    const iso = (at: number | null) => (at === null ? null : this.#clock.iso(at));
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      name: r.name,
      prefix: r.key_prefix,
      createdAt: this.#clock.iso(r.created_at),
      expiresAt: iso(r.expires_at),
      lastUsedAt: iso(r.last_used_at),
      revokedAt: iso(r.revoked_at),
    }));
  }

  /** Revokes a key; false when there is no such key (or it was revoked already). */
  revokeKey(id: string): boolean {
    return (
      this.#db.run("UPDATE ccjk_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", this.#clock.now(), id)
        .changes > 0
    );
  }

  /** A new OAuth client of the account: the secret is answered once. */
  createOAuthClient(accountId: string): { clientId: string; clientSecret: string } {
    const clientId = `ccjk_client_${randomBytes(8).toString("hex")}`;
    const clientSecret = newToken("ccjk_cs_");
    this.#db.run(
      "INSERT INTO ccjk_oauth_clients (client_id, account_id, secret_hash, created_at) VALUES (?, ?, ?, ?)",
      clientId,
      accountId,
      hashToken(clientSecret),
      this.#clock.now(),
    );
    return { clientId, clientSecret };
  }

  /** The account of an OAuth client, when its secret is right. */
  clientAccount(clientId: string, clientSecret: string): { accountId: string; plan: Plan } | undefined {
    const client = this.#db.get<{ account_id: string; secret_hash: string; plan: Plan }>(
      "SELECT c.account_id, c.secret_hash, a.plan FROM ccjk_oauth_clients c JOIN ccjk_accounts a ON a.id = c.account_id WHERE c.client_id = ?",
      clientId,
    );
    if (!client || client.secret_hash !== hashToken(clientSecret)) return undefined;
    return { accountId: client.account_id, plan: client.plan };
  }

  /** A new bearer token for an OAuth client whose credentials were checked. */
  issueOAuthToken(clientId: string, accountId: string, scope?: string): string {
    const token = newToken("ccjk_oat_");
    const now = this.#clock.now();
    this.#db.tx(() => {
      // Expired tokens of the client go when a new one is made, so the table does not grow without bound.
      this.#db.run("DELETE FROM ccjk_oauth_tokens WHERE client_id = ? AND expires_at <= ?", clientId, now);
      this.#db.run(
        "INSERT INTO ccjk_oauth_tokens (token_hash, client_id, account_id, scope, expires_at) VALUES (?, ?, ?, ?, ?)",
        hashToken(token),
        clientId,
        accountId,
        scope ?? null,
        now + OAUTH_TOKEN_TTL_S * 1000,
      );
    });
    return token;
  }

  /** Who a bearer token stands for. */
  resolve(token: string): Resolved {
    const hash = hashToken(token);
    const now = this.#clock.now();
    if (token.startsWith("ccjk_oat_")) {
      const row = this.#db.get<{ account_id: string; expires_at: number; plan: Plan }>(
        "SELECT t.account_id, t.expires_at, a.plan FROM ccjk_oauth_tokens t JOIN ccjk_accounts a ON a.id = t.account_id WHERE t.token_hash = ?",
        hash,
      );
      if (!row) return { ok: false, reason: "invalid" };
      if (row.expires_at <= now) return { ok: false, reason: "expired" };
      return { ok: true, accountId: row.account_id, plan: row.plan, via: "oauth" };
    }
    const row = this.#db.get<{
      id: string;
      account_id: string;
      expires_at: number | null;
      revoked_at: number | null;
      last_used_at: number | null;
      plan: Plan;
    }>(
      "SELECT k.id, k.account_id, k.expires_at, k.revoked_at, k.last_used_at, a.plan FROM ccjk_api_keys k JOIN ccjk_accounts a ON a.id = k.account_id WHERE k.key_hash = ?",
      hash,
    );
    if (!row || row.revoked_at !== null) return { ok: false, reason: "invalid" };
    if (row.expires_at !== null && row.expires_at <= now) return { ok: false, reason: "expired" };
    if (row.last_used_at === null || now - row.last_used_at > TOUCH_EVERY_MS)
      this.#db.run("UPDATE ccjk_api_keys SET last_used_at = ? WHERE id = ?", now, row.id);
    return { ok: true, accountId: row.account_id, plan: row.plan, via: "api-key" };
  }
}
