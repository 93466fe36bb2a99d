/**
 * @module
 * §User Endpoints: administrators list and create users; everyone reads and changes their own profile, avatar and
 * notifications. Choices are documented in the SDK's `contract/users.ts`.
 */
import { randomUUID } from "node:crypto";
import { AVATAR_MAX_BYTES, AVATAR_TYPES, type Notification } from "@agentlane/sdk/coordinaitor/contract";
import { Failure } from "../../../core/failure.ts";
import { hashPassword } from "../../../core/ids.ts";
import { userOf } from "../caller.ts";
import type { CoServices } from "../services.ts";
import { isoOf, parseJson } from "../state/json.ts";
import { publishUser } from "../state/publish.ts";
import { DEFAULT_LIMIT, likePattern } from "../state/task-list.ts";
import { DEFAULT_PREFERENCES, profileView, USER_COLUMNS, type UserRow, userView } from "../state/views.ts";
import type { CoHandlers } from "./types.ts";

interface NotificationRow {
  id: string;
  type: string;
  title: string;
  message: string;
  data: string;
  read_at: number | null;
  created_at: number;
}

function notificationView(row: NotificationRow): Notification {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    message: row.message,
    data: parseJson<Record<string, unknown>>(row.data, {}),
    read: row.read_at !== null,
    readAt: isoOf(row.read_at),
    createdAt: isoOf(row.created_at)!,
  };
}

/** Creates a user in an organization (the caller checked who may). */
export async function createUser(
  services: CoServices,
  orgId: string,
  input: { email: string; password: string; name: string; role: string },
): Promise<UserRow> {
  const hash = await hashPassword(input.password);
  const id = `user-${randomUUID()}`;
  services.db.tx(() => {
    if (services.db.get("SELECT 1 FROM co_users WHERE email = ?", input.email))
      throw new Failure("CONFLICT_ERROR", "A user with this email exists");
    services.db.run(
      "INSERT INTO co_users (id, org_id, email, name, password_hash, role, preferences, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      id,
      orgId,
      input.email,
      input.name,
      hash,
      input.role,
      JSON.stringify(DEFAULT_PREFERENCES),
      services.now(),
    );
  });
  return services.db.get<UserRow>(`SELECT ${USER_COLUMNS} FROM co_users WHERE id = ?`, id)!;
}

export const users: CoHandlers<"users"> = {
  list: ({ query, caller }, { services }) => {
    const user = userOf(caller);
    const where = ["org_id = ?"];
    const args: unknown[] = [user.orgId];
    if (query.role) {
      where.push("role = ?");
      args.push(query.role);
    }
    if (query.search) {
      const pattern = likePattern(query.search);
      where.push("(name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')");
      args.push(pattern, pattern);
    }
    const page = query.page ?? 1;
    const perPage = query.limit ?? DEFAULT_LIMIT;
    const found = services.db.page<UserRow>({
      columns: USER_COLUMNS,
      from: "co_users",
      where: where.join(" AND "),
      args,
      orderBy: "created_at, rowid",
      page,
      perPage,
    });
    return { items: found.rows.map(userView), page, perPage, total: found.total };
  },

  create: async ({ body, caller }, { services }) => {
    const admin = userOf(caller);
    const row = await createUser(services, admin.orgId, { ...body, role: body.role ?? "developer" });
    const user = userView(row);
    publishUser(services, user);
    return user;
  },

  me: ({ caller }, { services }) => profileView(services, userOf(caller).userId),

  updateMe: ({ body, caller }, { services }) => {
    const user = userOf(caller);
    services.db.tx(() => {
      const row = services.db.get<{ preferences: string }>(
        "SELECT preferences FROM co_users WHERE id = ?",
        user.userId,
      )!;
      const current = {
        ...DEFAULT_PREFERENCES,
        ...parseJson<Partial<typeof DEFAULT_PREFERENCES>>(row.preferences, {}),
      };
      const given = body.preferences ?? {};
      const next = {
        ...current,
        ...Object.fromEntries(Object.entries(given).filter(([k, v]) => k !== "notifications" && v !== undefined)),
        notifications: {
          ...current.notifications,
          ...Object.fromEntries(Object.entries(given.notifications ?? {}).filter(([, v]) => v !== undefined)),
        },
      };
      services.db.run(
        "UPDATE co_users SET name = coalesce(?, name), preferences = ? WHERE id = ?",
        body.name ?? null,
        JSON.stringify(next),
        user.userId,
      );
    });
    return profileView(services, user.userId);
  },

  uploadAvatar: async ({ body, caller }, { services }) => {
    const user = userOf(caller);
    const type = (body.avatar.type || "").split(";")[0]!.trim().toLowerCase();
    if (!(AVATAR_TYPES as readonly string[]).includes(type))
      throw new Failure("VALIDATION_ERROR", "The avatar must be a PNG, JPEG, GIF or WebP image", {
        avatar: [`Images of type ${type.slice(0, 100) || "(none)"} are not accepted`],
      });
    if (body.avatar.size > AVATAR_MAX_BYTES)
      throw new Failure("VALIDATION_ERROR", "The avatar is too large", {
        avatar: [`The avatar may be at most ${AVATAR_MAX_BYTES} bytes`],
      });
    const bytes = new Uint8Array(await body.avatar.arrayBuffer());
    services.db.run("UPDATE co_users SET avatar = ?, avatar_type = ? WHERE id = ?", bytes, type, user.userId);
    return profileView(services, user.userId);
  },

  notifications: ({ query, caller }, { services }) => {
    const user = userOf(caller);
    const page = query.page ?? 1;
    const perPage = query.limit ?? DEFAULT_LIMIT;
    const found = services.db.page<NotificationRow>({
      columns: "id, type, title, message, data, read_at, created_at",
      from: "co_notifications",
      where: query.unread ? "user_id = ? AND read_at IS NULL" : "user_id = ?",
      args: [user.userId],
      orderBy: "created_at DESC, rowid DESC",
      page,
      perPage,
    });
    return { items: found.rows.map(notificationView), page, perPage, total: found.total };
  },

  markNotificationRead: ({ params, caller }, { services }) => {
    const user = userOf(caller);
    services.db.run(
      "UPDATE co_notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
      services.now(),
      params.notificationId,
      user.userId,
    );
    const row = services.db.get<NotificationRow>(
      "SELECT id, type, title, message, data, read_at, created_at FROM co_notifications WHERE id = ? AND user_id = ?",
      params.notificationId,
      user.userId,
    );
    if (!row) throw new Failure("NOT_FOUND", "Notification not found");
    return notificationView(row);
  },
};
