/**
 * @module
 * §User Endpoints: profiles, preferences, avatars and notifications; administrators list and create users.
 *
 * Choices where the document is vague:
 * - Roles are `admin, manager, developer, viewer`; `admin` may list and create users and read system logs.
 *   Every user belongs to the organization of the administrator who created them.
 * - `POST /api/v1/users` (not in the document, which has no sign-up) creates a user and emits
 *   `user.registered`; an email in use is 409 `CONFLICT_ERROR`.
 * - PUT `/users/me` changes `name` and `preferences` (merged: a preference left out keeps its value).
 * - The avatar is one `avatar` file (PNG, JPEG, GIF or WebP, at most 256 KiB); `avatar` then names where it is
 *   served (`/api/v1/users/{id}/avatar`, no auth, like the hosted image URL of the example).
 * - `stats`: `tasksCreated` and `tasksCompleted` count the tasks the user created (completed ones for the
 *   second); `projectsActive` the `active` projects the user created or is a member of.
 * - Notifications are made by comment mentions (`type: "mention"`); the list is newest first, paginated, and
 *   `unread=true` keeps the unread ones. Marking one read again changes nothing.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id, PageQuery, QueryBoolean, Timestamp } from "./common.ts";
import { entity, userExample } from "./examples.ts";

/** The zod schema of {@link Role}. */
export const RoleSchema = z.enum(["admin", "manager", "developer", "viewer"]);
/** What a user may do. */
export type Role = z.output<typeof RoleSchema>;

/** The zod schema of {@link Preferences}. */
export const PreferencesSchema = z.object({
  theme: z.enum(["light", "dark", "system"]),
  language: z.string().min(2).max(20),
  timezone: z.string().min(1).max(100),
  notifications: z.object({ email: z.boolean(), push: z.boolean(), desktop: z.boolean() }),
});
/** A user's preferences. */
export interface Preferences extends z.output<typeof PreferencesSchema> {}

/** The zod schema of {@link User}. */
export const UserSchema = entity(
  z.object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    organizationId: z.string(),
    avatar: z.string().nullable(),
    createdAt: Timestamp,
    lastLoginAt: Timestamp.nullable(),
  }),
  { name: "User", example: userExample },
);
/** A user as lists show them. */
export interface User extends z.output<typeof UserSchema> {}

/** The zod schema of {@link Profile}. */
export const ProfileSchema = UserSchema.extend({
  preferences: PreferencesSchema,
  stats: z.object({
    tasksCreated: z.number().int(),
    tasksCompleted: z.number().int(),
    projectsActive: z.number().int(),
  }),
});
/** The signed-in user's own profile. */
export interface Profile extends z.output<typeof ProfileSchema> {}

/** The zod schema of {@link CreateUserBody}. */
export const CreateUserBodySchema = z.object({
  email: z.email().max(320),
  password: z.string().min(8).max(1000),
  name: z.string().trim().min(1).max(200),
  role: RoleSchema.optional(),
});
/** A user an administrator creates. */
export interface CreateUserBody extends z.output<typeof CreateUserBodySchema> {}

/** The zod schema of {@link UpdateProfileBody}. */
export const UpdateProfileBodySchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  preferences: z
    .object({
      theme: PreferencesSchema.shape.theme.optional(),
      language: PreferencesSchema.shape.language.optional(),
      timezone: PreferencesSchema.shape.timezone.optional(),
      notifications: PreferencesSchema.shape.notifications.partial().optional(),
    })
    .optional(),
});
/** Profile fields to change. */
export interface UpdateProfileBody extends z.output<typeof UpdateProfileBodySchema> {}

/** The zod schema of {@link Notification}. */
export const NotificationSchema = z.object({
  id: Id,
  type: z.string(),
  title: z.string(),
  message: z.string(),
  data: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
/** Something that happened for a user (a mention). */
export interface Notification extends z.output<typeof NotificationSchema> {}

/** Largest avatar, in bytes. */
export const AVATAR_MAX_BYTES = 256 * 1024;
/** Media types an avatar may have. */
export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

/** The zod schema of {@link ListNotificationsQuery}. */
export const ListNotificationsQuerySchema = z.object({ ...PageQuery, unread: QueryBoolean.optional() });
/** Page and filter of the notification list. */
export interface ListNotificationsQuery extends z.output<typeof ListNotificationsQuerySchema> {}
/** Page and filter of the notification list, as a caller gives them. */
export interface ListNotificationsQueryInput extends z.input<typeof ListNotificationsQuerySchema> {}

const Me = named<Profile>(ProfileSchema);

/** The user endpoints. */
export const users = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/users",
    section: "User Endpoints",
    summary: "Get list of users (admin only)",
    auth: "admin",
    query: z.object({ ...PageQuery, search: z.string().max(500).optional(), role: RoleSchema.optional() }),
    response: named<User[]>(z.array(UserSchema)),
    paginated: true,
    errors: ["AUTHORIZATION_ERROR"],
  }),
  create: endpoint({
    method: "POST",
    path: "/api/v1/users",
    section: "User Endpoints",
    summary: "Create a user (admin only; not in the document)",
    note: "The document has no sign-up, yet its examples log in: administrators create users.",
    auth: "admin",
    body: named<CreateUserBody>(CreateUserBodySchema),
    response: named<User>(UserSchema),
    status: 201,
    errors: ["AUTHORIZATION_ERROR", "CONFLICT_ERROR"],
  }),
  me: endpoint({
    method: "GET",
    path: "/api/v1/users/me",
    section: "User Endpoints",
    summary: "Get current user profile",
    auth: "users:read",
    response: Me,
  }),
  updateMe: endpoint({
    method: "PUT",
    path: "/api/v1/users/me",
    section: "User Endpoints",
    summary: "Update current user profile",
    auth: "users:write",
    body: named<UpdateProfileBody>(UpdateProfileBodySchema),
    response: Me,
  }),
  uploadAvatar: endpoint({
    method: "POST",
    path: "/api/v1/users/me/avatar",
    section: "User Endpoints",
    summary: "Upload user avatar",
    auth: "users:write",
    contentType: "multipart",
    body: named<{ avatar: Blob }>(z.object({ avatar: z.instanceof(Blob) })),
    response: Me,
  }),
  notifications: endpoint({
    method: "GET",
    path: "/api/v1/users/me/notifications",
    section: "User Endpoints",
    summary: "Get user notifications",
    auth: "users:read",
    query: named<ListNotificationsQuery, ListNotificationsQueryInput>(ListNotificationsQuerySchema),
    response: named<Notification[]>(z.array(NotificationSchema)),
    paginated: true,
  }),
  markNotificationRead: endpoint({
    method: "PUT",
    path: "/api/v1/users/me/notifications/{notificationId}/read",
    section: "User Endpoints",
    summary: "Mark notification as read",
    auth: "users:write",
    params: z.object({ notificationId: Id }),
    response: named<Notification>(NotificationSchema),
    errors: ["NOT_FOUND"],
  }),
};
