/**
 * @module
 * What every Actus handler is given: the store, the clock, the event bus, and the platform's own runtime (the
 * agent's turns and sandboxes, the storage, the outside services it reads: GitHub and A2A agent cards).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../../core/clock.ts";
import type { EventBus } from "../../../core/events.ts";
import type { Environment } from "../../../core/platform.ts";
import type { Database } from "../../../store/database.ts";
import { AgentRuntime } from "../runtime/agent.ts";

/** The bucket server-lite's object storage holds; every other bucket does not exist. */
export const DEFAULT_BUCKET = "actus";

/** How a handler reaches things outside the server (GitHub, A2A agent cards); tests point them at fakes. */
export interface Outside {
  /** GitHub's REST API root, for skill bundles. @default process.env.ACTUS_GITHUB_API_URL ?? "https://api.github.com" */
  githubApiUrl: string;
  /** The `fetch` used for GitHub and agent cards. */
  fetch: typeof fetch;
}

export class ActusServices {
  readonly db: Database;
  readonly clock: Clock;
  readonly events: EventBus;
  /** Where each session's sandbox folder is made. */
  readonly sandboxRoot: string;
  readonly agent: AgentRuntime;
  readonly outside: Outside = {
    githubApiUrl: process.env.ACTUS_GITHUB_API_URL ?? "https://api.github.com",
    fetch: (input, init) => fetch(input, init),
  };
  /** The frontend a WeChat sign-in returns to. @default process.env.ACTUS_FRONTEND_URL ?? "http://localhost:3000" */
  frontendUrl = process.env.ACTUS_FRONTEND_URL ?? "http://localhost:3000";
  /** Services the health check reports as failing (a test's way to break one). */
  readonly failing = new Set<string>();
  /** A key for presigned URL signatures, new for every server. */
  readonly signingKey = crypto.randomUUID();

  constructor(env: Environment) {
    this.db = env.db;
    this.clock = env.clock;
    this.events = env.events;
    this.sandboxRoot = mkdtempSync(join(tmpdir(), "actus-sandbox-"));
    this.agent = new AgentRuntime(this);
  }

  now(): number {
    return this.clock.now();
  }

  iso(): string {
    return this.clock.iso();
  }

  /** The next value of a table's `seq` column: rows keep the order they were made in. */
  nextSeq(table: string): number {
    return this.db.get<{ n: number }>(`SELECT coalesce(max(seq), 0) + 1 AS n FROM ${table}`)!.n;
  }

  /** Stops every running turn (after a reset emptied the tables). */
  async reset(): Promise<void> {
    await this.agent.stopAll();
  }

  async dispose(): Promise<void> {
    await this.agent.stopAll();
    rmSync(this.sandboxRoot, { recursive: true, force: true });
  }
}
