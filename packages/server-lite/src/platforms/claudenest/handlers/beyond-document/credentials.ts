/**
 * @module
 * Credentials, beyond the document (see the SDK's `contract/credentials.ts`): stored per user, answered with a
 * masked key, the first one and the oldest remaining one the default; `test` judges what can be judged without
 * calling the provider (an OAuth token's status and expiry) and says so when it cannot (an API key).
 */
import type { Credential, CredentialTest } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../../core/failure.ts";
import { uuid } from "../../../../core/ids.ts";
import { userOf } from "../../caller.ts";
import type { NestHandlers } from "../../handlers.ts";
import type { NestServices } from "../../services.ts";

interface CredentialRow {
  id: string;
  user_id: string;
  name: string;
  auth_type: Credential["auth_type"];
  claude_dir_mode: Credential["claude_dir_mode"];
  is_default: number;
  key_hint: string | null;
  has_api_key: number;
  has_access_token: number;
  has_refresh_token: number;
  expires_at: number | null;
  last_used_at: number | null;
  created_at: string;
  updated_at: string;
}

/** `ClaudeCredential::getTokenStatusAttribute` of ClaudeNest's own server. */
function tokenStatus(row: CredentialRow, expired: boolean): Credential["token_status"] {
  if (row.auth_type === "api_key") return row.has_api_key ? "ok" : "missing";
  if (!row.has_access_token) return "needs_login";
  return expired ? "expired" : "ok";
}

function present(services: NestServices, row: CredentialRow): Credential {
  const expired = row.expires_at !== null && row.expires_at <= services.now();
  return {
    id: row.id,
    name: row.name,
    auth_type: row.auth_type,
    claude_dir_mode: row.claude_dir_mode,
    is_default: row.is_default === 1,
    masked_key: row.key_hint,
    token_status: tokenStatus(row, expired),
    is_expired: expired,
    has_refresh_token: row.has_refresh_token === 1,
    expires_at: services.iso(row.expires_at),
    last_used_at: services.iso(row.last_used_at),
    created_at: row.created_at,
    updated_at: row.updated_at,
    // server-lite's sessions name no credential.
    sessions_count: 0,
  };
}

function ownCredential(services: NestServices, userId: string, id: string): CredentialRow {
  const row = services.db.get<CredentialRow>("SELECT * FROM cn_credentials WHERE id = ? AND user_id = ?", id, userId);
  if (!row) throw new Failure("NOT_FOUND", "Credential not found");
  return row;
}

/** The last 6 characters of a secret after its kind's prefix, as ClaudeNest's own server shows them. */
const hint = (prefix: string, secret: string) => `${prefix}...${secret.slice(-6)}`;

/**
 * The masked key after storing these secrets (`CredentialController::store` and `::update`): an API key's, else an
 * OAuth credential's access token's, else the one before.
 */
function keyHint(
  authType: Credential["auth_type"],
  secrets: { api_key?: string | null | undefined; access_token?: string | null | undefined },
  before: string | null,
): string | null {
  let masked = before;
  if (secrets.api_key) masked = hint("sk-ant-", secrets.api_key);
  if (secrets.access_token && authType === "oauth") masked = hint("oat01-", secrets.access_token);
  return masked;
}

function refuseTakenName(services: NestServices, userId: string, name: string, except: string | null): void {
  const taken = services.db.get(
    "SELECT 1 AS found FROM cn_credentials WHERE user_id = ? AND name = ? AND id IS NOT ?",
    userId,
    name,
    except,
  );
  if (taken) throw new Failure("DUPLICATE_NAME", `Credential '${name}' already exists`);
}

/** What `CredentialService::testCredential` answers, for what server-lite can judge without the provider. */
function testResult(services: NestServices, row: CredentialRow): CredentialTest {
  if (row.auth_type === "api_key") {
    if (!row.has_api_key) return { valid: false, message: "No API key stored for this credential" };
    return {
      valid: false,
      checked: false,
      message: `An API key is stored (${row.key_hint}), but server-lite does not call Anthropic's API: the key was not checked.`,
    };
  }
  const shown = present(services, row);
  const messages: Record<Credential["token_status"], string> = {
    ok: "OAuth token is active",
    expired: "OAuth token has expired — use Refresh",
    needs_login: "No access token — use Capture to import tokens",
    missing: "No token stored",
  };
  return {
    valid: !shown.is_expired && shown.token_status === "ok",
    message: messages[shown.token_status],
    token_status: shown.token_status,
    expires_at: shown.expires_at,
  };
}

export const credentials: NestHandlers<"credentials"> = {
  list({ caller }, { services }) {
    return services.db
      .all<CredentialRow>("SELECT * FROM cn_credentials WHERE user_id = ? ORDER BY seq", userOf(caller))
      .map((row) => present(services, row));
  },

  create({ caller, body }, { services }) {
    const userId = userOf(caller);
    const id = uuid();
    services.db.tx(() => {
      refuseTakenName(services, userId, body.name, null);
      const first = !services.db.get("SELECT 1 AS found FROM cn_credentials WHERE user_id = ?", userId);
      const now = services.clock.iso();
      services.db.run(
        `INSERT INTO cn_credentials (id, user_id, name, auth_type, claude_dir_mode, is_default, key_hint, has_api_key,
           has_access_token, has_refresh_token, expires_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        userId,
        body.name,
        body.auth_type,
        body.claude_dir_mode ?? "shared",
        first ? 1 : 0,
        keyHint(body.auth_type, body, null),
        body.api_key ? 1 : 0,
        body.access_token ? 1 : 0,
        body.refresh_token ? 1 : 0,
        body.expires_at ?? null,
        now,
        now,
      );
    });
    return present(services, ownCredential(services, userId, id));
  },

  get({ caller, params }, { services }) {
    return present(services, ownCredential(services, userOf(caller), params.id));
  },

  update({ caller, params, body }, { services }) {
    const userId = userOf(caller);
    services.db.tx(() => {
      const row = ownCredential(services, userId, params.id);
      if (body.name !== undefined) refuseTakenName(services, userId, body.name, row.id);
      const authType = body.auth_type ?? row.auth_type;
      services.db.run(
        `UPDATE cn_credentials SET name = ?, auth_type = ?, claude_dir_mode = ?, key_hint = ?, has_api_key = ?,
           has_access_token = ?, has_refresh_token = ?, expires_at = ?, updated_at = ? WHERE id = ?`,
        body.name ?? row.name,
        authType,
        body.claude_dir_mode ?? row.claude_dir_mode,
        keyHint(authType, body, row.key_hint),
        body.api_key ? 1 : row.has_api_key,
        body.access_token ? 1 : row.has_access_token,
        body.refresh_token ? 1 : row.has_refresh_token,
        body.expires_at === undefined ? row.expires_at : body.expires_at,
        services.clock.iso(),
        row.id,
      );
    });
    return present(services, ownCredential(services, userId, params.id));
  },

  test({ caller, params }, { services }) {
    return testResult(services, ownCredential(services, userOf(caller), params.id));
  },

  remove({ caller, params }, { services }) {
    const userId = userOf(caller);
    services.db.tx(() => {
      const row = ownCredential(services, userId, params.id);
      services.db.run("DELETE FROM cn_credentials WHERE id = ?", row.id);
      if (row.is_default === 1)
        services.db.run(
          "UPDATE cn_credentials SET is_default = 1 WHERE seq = (SELECT min(seq) FROM cn_credentials WHERE user_id = ?)",
          userId,
        );
    });
    return { deleted: true };
  },

  setDefault({ caller, params }, { services }) {
    const userId = userOf(caller);
    services.db.tx(() => {
      const row = ownCredential(services, userId, params.id);
      services.db.run("UPDATE cn_credentials SET is_default = (id = ?) WHERE user_id = ?", row.id, userId);
    });
    return present(services, ownCredential(services, userId, params.id));
  },
};
