/**
 * @module
 * Admin module: users, for a `super_admin`.
 *
 * Choices: `skip` 0+ and `limit` 1-1000 (default 0 and 100); users are listed oldest first, with `total` the count
 * of all users, and the SDK's iterator pages through them by `skip`. Changing the status of or deleting yourself
 * or another `super_admin` is 403 (the document's rules), an unknown user 404. Deleting a user deletes their
 * sessions, files and tool preferences; a user set `inactive` or `banned` can no longer log in, and the tokens
 * they hold stop working.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { type User, UserSchema, UserStatus } from "./auth.ts";
import { Id, Nothing } from "./common.ts";

/** The zod schema of {@link UserList}. */
export const UserListSchema = z.object({ users: z.array(UserSchema), total: z.number().int() });
/** `UserListResponse`: one page of users and how many there are. */
export interface UserList extends z.output<typeof UserListSchema> {}

const listUsers = endpoint({
  method: "GET",
  path: "/admin/users",
  section: "Admin Module",
  summary: "List users (super_admin)",
  auth: "admin",
  query: z.object({
    skip: z.coerce.number<number>().int().min(0).max(1_000_000_000).optional(),
    limit: z.coerce.number<number>().int().min(1).max(1000).optional(),
  }),
  response: named<UserList>(UserListSchema),
  paginated: true,
  items: "users",
});

const getUser = endpoint({
  method: "GET",
  path: "/admin/users/{user_id}",
  section: "Admin Module",
  summary: "Get a user (super_admin)",
  auth: "admin",
  params: z.object({ user_id: Id }),
  response: named<User>(UserSchema),
  errors: ["NOT_FOUND"],
});

const setUserStatus = endpoint({
  method: "PUT",
  path: "/admin/users/{user_id}/status",
  section: "Admin Module",
  summary: "Update a user's status (not yourself, not another admin)",
  auth: "admin",
  params: z.object({ user_id: Id }),
  body: z.object({ status: UserStatus }),
  response: Nothing,
  errors: ["NOT_FOUND", "FORBIDDEN"],
});

const deleteUser = endpoint({
  method: "DELETE",
  path: "/admin/users/{user_id}",
  section: "Admin Module",
  summary: "Delete a user (not yourself, not another admin)",
  auth: "admin",
  params: z.object({ user_id: Id }),
  response: Nothing,
  errors: ["NOT_FOUND", "FORBIDDEN"],
});

/** Admin endpoints. */
export const admin = { listUsers, getUser, setUserStatus, deleteUser };
