/**
 * @module
 * Users, their role and teams, and their bearer tokens. The document has no login ("existing session/JWT
 * patterns"): server-lite issues tokens itself (`--seed` makes an admin and a user) and stores only their hashes.
 */
import type { Clock } from "../../../core/clock.ts";
import { hashToken, newToken, uuid } from "../../../core/ids.ts";
import type { Database } from "../../../store/database.ts";

/** A signed-in user as handlers see them. */
export interface CaipeUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "user";
  teams: string[];
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: "admin" | "user";
  teams: string;
}

const toUser = (row: UserRow): CaipeUser => ({ ...row, teams: JSON.parse(row.teams) as string[] });

/** The user store. */
export class Users {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Creates a user (or answers the one with that email). */
  ensure(input: { email: string; name: string; role: "admin" | "user"; teams?: string[] }): CaipeUser {
    const existing = this.#db.get<UserRow>("SELECT * FROM caipe_users WHERE email = ?", input.email);
    if (existing) return toUser(existing);
    const row: UserRow = {
      id: uuid(),
      email: input.email,
      name: input.name,
      role: input.role,
      teams: JSON.stringify(input.teams ?? []),
    };
    this.#db.run(
      "INSERT INTO caipe_users (id, email, name, role, teams, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      row.id,
      row.email,
      row.name,
      row.role,
      row.teams,
      this.#clock.iso(),
    );
    return toUser(row);
  }

  /** A new bearer token for a user; only its hash is kept. */
  issueToken(userId: string): string {
    const token = newToken("caipe_");
    this.#db.run(
      "INSERT INTO caipe_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)",
      hashToken(token),
      userId,
      this.#clock.iso(),
    );
    return token;
  }

  /** The user a token belongs to. */
  byToken(token: string): CaipeUser | undefined {
    const row = this.#db.get<UserRow>(
      "SELECT u.* FROM caipe_tokens t JOIN caipe_users u ON u.id = t.user_id WHERE t.token_hash = ?",
      hashToken(token),
    );
    return row ? toUser(row) : undefined;
  }
}
