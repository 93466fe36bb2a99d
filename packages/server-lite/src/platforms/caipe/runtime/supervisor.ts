/**
 * @module
 * The supervisor calls of the skills feature (document: "Supervisor (unchanged endpoints; called by UI)"):
 * `POST {SUPERVISOR}/skills/refresh?include_hubs=false` after config writes, `POST {SUPERVISOR}/skills/scan-content`
 * as the optional scan on save, and the planned `POST {SUPERVISOR}/skills/re-scan`. Refresh and re-scan run in the
 * background as the real UI fires them (a failure never fails the write); scan-content is awaited, and its verdict
 * joins the local one.
 */
import type { ScanStatus } from "@agentlane/sdk/caipe/contract";
import { Background, fetchJson } from "./outbound.ts";
import type { CaipeSettings } from "./settings.ts";

/** The supervisor's verdict on content, when it gave one. */
export interface SupervisorVerdict {
  scan_status: ScanStatus;
  scan_summary: string | undefined;
}

const STATUSES: readonly string[] = ["passed", "flagged", "unscanned"];

/** Talks to the configured supervisor; without one, every call is skipped. */
export class SupervisorClient {
  readonly #settings: CaipeSettings;
  readonly #background = new Background();
  /** Failures of background calls, newest last (kept short), for operators and tests. */
  readonly failures: string[] = [];

  constructor(settings: CaipeSettings) {
    this.#settings = settings;
  }

  #fire(path: string, body?: unknown): void {
    const base = this.#settings.supervisorUrl;
    if (!base) return;
    this.#background.run(
      () =>
        fetchJson("The supervisor", `${base}${path}`, {
          method: "POST",
          body,
          timeoutMs: this.#settings.timeoutMs,
        }),
      (error) => {
        this.failures.push(`${path}: ${(error as Error).message}`);
        if (this.failures.length > 20) this.failures.shift();
      },
    );
  }

  /** Asks the supervisor to reload skills (after a config write or a finished scan). */
  refresh(): void {
    this.#fire("/skills/refresh?include_hubs=false");
  }

  /** Mirrors a re-scan of one skill. */
  reScan(skillId: string): void {
    this.#fire("/skills/re-scan", { skill_id: skillId });
  }

  /** The supervisor's scan of content being saved; `undefined` without a supervisor or when it fails. */
  async scanContent(skill: {
    skill_id: string;
    name: string;
    content: string;
  }): Promise<SupervisorVerdict | undefined> {
    const base = this.#settings.supervisorUrl;
    if (!base) return undefined;
    try {
      const answer = (await fetchJson("The supervisor", `${base}/skills/scan-content`, {
        method: "POST",
        body: skill,
        timeoutMs: this.#settings.timeoutMs,
      })) as { scan_status?: unknown; scan_summary?: unknown } | null;
      if (!answer || typeof answer.scan_status !== "string" || !STATUSES.includes(answer.scan_status)) return undefined;
      return {
        scan_status: answer.scan_status as ScanStatus,
        scan_summary: typeof answer.scan_summary === "string" ? answer.scan_summary : undefined,
      };
    } catch (error) {
      this.failures.push(`/skills/scan-content: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Waits for the background calls in flight. */
  drain(): Promise<void> {
    return this.#background.drain();
  }
}
