/**
 * @module
 * The small interface the views talk to, so that they never know which platform they show. A platform's
 * adapter implements the parts it has the concept for (skills, tasks, terminals) and leaves the others
 * `undefined`; the views then show a "not offered by this platform" message instead of their tree.
 *
 * Records are plain, platform-neutral data: the adapter maps the SDK's wire types (snake_case, platform
 * names) onto them once, and the tree models and commands work only with these.
 */

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

export interface SkillItem {
  groupId: string;
  /** The skill's address inside its group (`team/debugging`). */
  path: string;
  name: string;
  description: string | null;
  enabled: boolean;
  priority: number;
}

export interface SkillDraft {
  path: string;
  name: string;
  content: string;
  description?: string;
}

export interface SkillsBackend {
  groups(): Promise<SkillGroup[]>;
  list(groupId: string): Promise<SkillItem[]>;
  /** The skill with its content (markdown). */
  read(groupId: string, path: string): Promise<SkillItem & { content: string }>;
  /** Answers whether the skill is now enabled. */
  toggle(groupId: string, path: string): Promise<boolean>;
  /** Creates the skill, or replaces the one at the same path. */
  save(groupId: string, draft: SkillDraft): Promise<SkillItem>;
  setPriority(groupId: string, path: string, priority: number): Promise<SkillItem>;
  remove(groupId: string, path: string): Promise<void>;
  /** The highest priority a skill may have. */
  readonly maxPriority: number;
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

export interface TasksBackend {
  projects(): Promise<ProjectItem[]>;
  create(projectId: string, draft: TaskDraft): Promise<TaskItem>;
  claim(taskId: string, instanceId: string): Promise<TaskItem>;
  release(taskId: string, instanceId: string, reason?: string): Promise<TaskItem>;
  complete(taskId: string, instanceId: string, summary: string, filesModified: string[]): Promise<TaskItem>;
  /** The task an instance should take next, or null when none is available. */
  nextAvailable(projectId: string): Promise<TaskItem | null>;
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
  readonly status: LiveStatus;
  onStatus(listener: (status: LiveStatus) => void): Disposable;
}

/** What a sign-in produces; stored as one secret. */
export interface Credentials {
  token: string;
  /** The machine a pairing created, for machine tokens that may not list machines. */
  machineId?: string;
}

export type SignInMethod = "token" | "password" | "pairing";

/** A platform: how to sign in to it and how to connect. */
export interface PlatformAdapter {
  readonly id: string;
  readonly label: string;
  readonly signInMethods: readonly SignInMethod[];
  signInWithPassword?(baseUrl: string, email: string, password: string): Promise<Credentials>;
  pair?(
    baseUrl: string,
    options: { hostname: string; onCode: (code: string) => void; signal: AbortSignal },
  ): Promise<Credentials>;
  /** Checks the credentials and opens the live connection. */
  connect(baseUrl: string, credentials: Credentials): Promise<Backend>;
}
