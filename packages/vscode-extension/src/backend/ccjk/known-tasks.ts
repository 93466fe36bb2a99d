/**
 * @module
 * The agent tasks this editor knows of, per role. CCJK Cloud cannot list an account's tasks (only read one by
 * id), so the ids of the tasks created here, and of those seen running on the account's agents, are kept in the
 * profile's state, with what was sent when creating them; the latest finished ones are forgotten beyond a limit.
 */
import type { KeyValueState } from "../types.ts";

/** What is remembered of a task. */
export interface KnownTask {
  id: string;
  role: string;
  title?: string;
  description?: string;
  /** Set once the task reached a final state. */
  finished?: boolean;
}

const KEY = "ccjk.agentTasks";

/** The remembered agent tasks of one profile, by id. */
export class KnownTasks {
  readonly #state: KeyValueState | undefined;
  readonly #tasks: Map<string, KnownTask>;
  readonly #keepFinished: number;

  /**
   * @param state where the ids outlive the window; without it they last as long as the connection.
   * @param keepFinished how many finished tasks per role stay listed. @default 50
   */
  constructor(state: KeyValueState | undefined, keepFinished = 50) {
    this.#state = state;
    this.#keepFinished = keepFinished;
    const stored = state?.get<KnownTask[]>(KEY) ?? [];
    this.#tasks = new Map(stored.filter((task) => typeof task?.id === "string").map((task) => [task.id, task]));
  }

  of(role: string): KnownTask[] {
    return [...this.#tasks.values()].filter((task) => task.role === role);
  }

  get(id: string): KnownTask | undefined {
    return this.#tasks.get(id);
  }

  /** Adds a task, or merges what is new about it. */
  remember(task: KnownTask): void {
    const before = this.#tasks.get(task.id);
    const merged = { ...before, ...task };
    if (before && JSON.stringify(before) === JSON.stringify(merged)) return;
    this.#tasks.set(task.id, merged);
    if (merged.finished) this.#trim(merged.role);
    this.#save();
  }

  forget(id: string): void {
    if (this.#tasks.delete(id)) this.#save();
  }

  /** Drops the oldest finished tasks of a role beyond the limit (a Map keeps insertion order). */
  #trim(role: string): void {
    const finished = this.of(role).filter((task) => task.finished);
    for (const task of finished.slice(0, Math.max(0, finished.length - this.#keepFinished)))
      this.#tasks.delete(task.id);
  }

  #save(): void {
    void this.#state?.update(KEY, [...this.#tasks.values()]);
  }
}
