/**
 * @module
 * The small interface the views talk to, so that they never know which platform they show. A platform's
 * adapter implements the parts it has the concept for (skills, tasks, terminals, chats) and leaves the others
 * `undefined`; within a part, an operation the platform does not have (toggling a skill, claiming a task) is an
 * optional method it leaves out. `models/capabilities.ts` turns what a backend offers into the context keys that
 * hide the views, commands and menu entries it lacks.
 *
 * Records are plain, platform-neutral data: the adapter maps the SDK's wire types (snake_case, platform
 * names) onto them once, and the tree models and commands work only with these.
 */
import type { ChatsBackend } from "./chat-types.ts";

export type { ChatEntry, ChatItem, ChatsBackend } from "./chat-types.ts";

/** A live status, as the status bar shows it. */
export type LiveStatus =
  | { state: "connecting" }
  | { state: "connected" }
  | { state: "reconnecting"; attempt: number }
  | { state: "offline"; reason?: string };

/** Something that holds a connection or timers until it is disposed. */
export interface Disposable {
  dispose(): void;
}

/** What a view groups skills under: a machine (ClaudeNest) or a category (platforms without machines). */
export interface SkillGroup {
  id: string;
  label: string;
  kind: "machine" | "category";
  /** A short state shown beside the label (e.g. `online`). */
  detail?: string;
}

/** What a platform's security scan found in a skill. */
export type SkillScanStatus = "passed" | "flagged" | "unscanned";

export interface SkillItem {
  groupId: string;
  /** The skill's address inside its group (`team/debugging`), or its id on platforms without paths. */
  path: string;
  name: string;
  description: string | null;
  enabled: boolean;
  /** Higher comes first; on platforms that order skills. */
  priority?: number;
  /** The released version, on platforms that version skills. */
  version?: string;
  /** The last security scan, on platforms that scan skills. */
  scan?: { status: SkillScanStatus; summary?: string };
  /** Why the platform keeps the skill from running (a quarantine after a flagged scan), when it does. */
  blockedReason?: string;
  /** True when this skill cannot be changed or removed here (a packaged template, another's skill). */
  readOnly?: boolean;
}

export interface SkillDraft {
  path: string;
  name: string;
  content: string;
  description?: string;
}

/**
 * Skills: every platform lists and reads them; the changes are optional, each present only where the platform
 * has it.
 */
export interface SkillsBackend {
  groups(): Promise<SkillGroup[]>;
  list(groupId: string): Promise<SkillItem[]>;
  /** The skill with its content (markdown). */
  read(groupId: string, path: string): Promise<SkillItem & { content: string }>;
  /** Answers whether the skill is now enabled. */
  toggle?(groupId: string, path: string): Promise<boolean>;
  /** Creates the skill, or (where the platform allows it) replaces the one at the same path. */
  save?(groupId: string, draft: SkillDraft): Promise<SkillItem>;
  /** Sets the priority; present together with {@link SkillsBackend.maxPriority}. */
  setPriority?(groupId: string, path: string, priority: number): Promise<SkillItem>;
  remove?(groupId: string, path: string): Promise<void>;
  /** Runs the platform's security scan of the skill again; answers the skill with its new scan status. */
  rescan?(groupId: string, path: string): Promise<SkillItem>;
  /** The highest priority a skill may have, on platforms that order skills. */
  readonly maxPriority?: number;
}

export type TaskStatus = "pending" | "in_progress" | "completed";
export type TaskPriority = "low" | "medium" | "high" | "critical";

export interface ProjectItem {
  id: string;
  name: string;
  /** The project's folder on its machine, when the platform knows it. */
  path: string | null;
  /** Where the project lives (a machine's name), for the tree's description. */
  location?: string;
}

export interface TaskItem {
  id: string;
  projectId: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  /** The instance that holds (or completed) the task. */
  assignee: string | null;
  blocked: boolean;
  files: string[];
  /** How far the task has come, 0 to 100, on platforms whose agents report it. */
  progress?: number;
}

export interface TaskDraft {
  title: string;
  description?: string;
  priority?: TaskPriority;
  files?: string[];
}

/** What a task watcher reports: the whole list after every (re)connection, then single changes. */
export type TaskChange =
  | { kind: "resync"; tasks: TaskItem[] }
  | { kind: "changed"; task: TaskItem; event: "claimed" | "released" | "completed"; by?: string };

export interface FileLockItem {
  path: string;
  lockedBy: string;
  reason: string | null;
  expiresAt: string | null;
}

export type LockChange =
  | { kind: "resync"; locks: FileLockItem[] }
  | { kind: "locked"; lock: FileLockItem }
  | { kind: "unlocked"; path: string };

export interface LocksBackend {
  watch(projectId: string, listener: (change: LockChange) => void): Disposable;
  /** Locks every path or none; throws with the holders when one is taken. */
  lockFiles(projectId: string, instanceId: string, paths: string[], reason: string): Promise<void>;
  unlockFiles(projectId: string, instanceId: string, paths: string[]): Promise<void>;
}

/**
 * Tasks: every platform lists projects, creates tasks and follows them live. Working on a task (claim, release,
 * complete, the next available one) is for platforms where an editor takes tasks; cancelling is for platforms
 * whose tasks run elsewhere (on the platform's agents).
 */
export interface TasksBackend {
  projects(): Promise<ProjectItem[]>;
  create(projectId: string, draft: TaskDraft): Promise<TaskItem>;
  claim?(taskId: string, instanceId: string): Promise<TaskItem>;
  release?(taskId: string, instanceId: string, reason?: string): Promise<TaskItem>;
  complete?(taskId: string, instanceId: string, summary: string, filesModified: string[]): Promise<TaskItem>;
  /** The task an instance should take next, or null when none is available. */
  nextAvailable?(projectId: string): Promise<TaskItem | null>;
  /** Stops a task that has not finished; answers it as it now is. */
  cancel?(taskId: string): Promise<TaskItem>;
  watch(projectId: string, listener: (change: TaskChange) => void): Disposable;
  /** File locks, on platforms that have them. */
  readonly locks?: LocksBackend;
}

export type HostStatus = "online" | "offline" | "connecting";

/** A place where terminal sessions run (a machine). */
export interface HostItem {
  id: string;
  name: string;
  status: HostStatus;
  detail: string;
}

export interface SessionItem {
  id: string;
  hostId: string;
  label: string;
  status: string;
  running: boolean;
}

/** A live terminal: output as it is produced, input, resize, and its end. */
export interface TerminalStream extends Disposable {
  onOutput(listener: (data: string) => void): void;
  onExit(listener: (exitCode: number | null) => void): void;
  onError(listener: (error: Error) => void): void;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  terminate(): void;
}

export interface TerminalsBackend {
  hosts(): Promise<HostItem[]>;
  sessions(hostId: string): Promise<SessionItem[]>;
  create(hostId: string, options: { cwd?: string; cols: number; rows: number }): Promise<SessionItem>;
  attach(sessionId: string): TerminalStream;
  /** Ends a session (its process is killed). */
  terminate(sessionId: string): Promise<void>;
}

/** A connected platform: the parts it offers, and its live connection. */
export interface Backend extends Disposable {
  readonly platform: string;
  readonly skills?: SkillsBackend;
  readonly tasks?: TasksBackend;
  readonly terminals?: TerminalsBackend;
  readonly chats?: ChatsBackend;
  readonly status: LiveStatus;
  onStatus(listener: (status: LiveStatus) => void): Disposable;
}

/** A bearer token or API key, from a paste, a password sign-in or a pairing. */
export interface TokenCredentials {
  token: string;
  /** The machine a pairing created, for machine tokens that may not list machines. */
  machineId?: string;
  /** Renews `token` on platforms whose sign-in answers a token pair. */
  refreshToken?: string;
}

/** OAuth 2.0 client credentials, exchanged by the SDK for access tokens as they are needed. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** What a sign-in produces; stored as one secret. */
export type Credentials = TokenCredentials | ClientCredentials;

/** How a platform lets a user sign in: a pasted token, a login and password, pairing, an OAuth client. */
export type SignInMethod = "token" | "password" | "pairing" | "client-credentials";

/** A small store that outlives the window, scoped to one profile (VS Code's `globalState` fits). */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** What the extension gives a connection besides the credentials. */
export interface ConnectOptions {
  /** Where an adapter keeps what the platform cannot list again (the ids of tasks it created). */
  state?: KeyValueState;
  /** Called with credentials the platform renewed (a rotated token pair), so they are stored in place of the old. */
  onCredentials?(credentials: Credentials): void;
}

/** A platform: how to sign in to it and how to connect. */
export interface PlatformAdapter {
  readonly id: string;
  readonly label: string;
  readonly signInMethods: readonly SignInMethod[];
  /** What the password sign-in asks for first. @default "Email" */
  readonly loginName?: string;
  signInWithPassword?(baseUrl: string, login: string, password: string): Promise<Credentials>;
  pair?(
    baseUrl: string,
    options: { hostname: string; onCode: (code: string) => void; signal: AbortSignal },
  ): Promise<Credentials>;
  /** Checks the credentials and opens the live connection. */
  connect(baseUrl: string, credentials: Credentials, options?: ConnectOptions): Promise<Backend>;
}
