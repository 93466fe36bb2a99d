/**
 * @module
 * Hub skills: the `<folder>/<skill>/SKILL.md` files of the configured hub repositories, read through GitHub when a
 * hub scan job starts and kept in `caipe_hub_skills` until the next crawl. A skill whose SKILL.md did not change
 * keeps its scan; one that did is `unscanned` until scanned again.
 */
import type { ScanStatus } from "@agentlane/sdk/caipe/contract";
import type { Database } from "../../../store/database.ts";
import { slug } from "../runtime/generator.ts";
import type { GithubClient } from "../runtime/github.ts";
import type { HubSetting } from "../runtime/settings.ts";
import { frontmatter } from "../templates/index.ts";

/** A hub skill as stored. */
export interface HubSkillRow {
  id: string;
  hub_id: string;
  name: string;
  description: string;
  content: string;
  repo: string;
  path: string;
  tags: string;
  scan_status: ScanStatus;
  scan_summary: string | null;
  scan_updated_at: string | null;
}

/** The hub skill store. */
export class HubSkills {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  row(id: string): HubSkillRow | undefined {
    return this.#db.get<HubSkillRow>("SELECT * FROM caipe_hub_skills WHERE id = ?", id);
  }

  all(): HubSkillRow[] {
    return this.#db.all<HubSkillRow>("SELECT * FROM caipe_hub_skills ORDER BY hub_id, name, id");
  }

  idsOf(hubId: string): string[] {
    return this.#db
      .all<{ id: string }>("SELECT id FROM caipe_hub_skills WHERE hub_id = ? ORDER BY name, id", hubId)
      .map((r) => r.id);
  }

  setScan(id: string, scan: { scan_status: ScanStatus; scan_summary: string | null; scan_updated_at: string | null }) {
    this.#db.run(
      "UPDATE caipe_hub_skills SET scan_status = ?, scan_summary = ?, scan_updated_at = ? WHERE id = ?",
      scan.scan_status,
      scan.scan_summary,
      scan.scan_updated_at,
      id,
    );
  }

  /** Reads a hub's skills from GitHub and replaces what was stored of it; answers their ids. */
  async crawl(github: GithubClient, hub: HubSetting): Promise<string[]> {
    const prefix = hub.path ? `${hub.path}/` : "";
    const pattern = /^([^/]+)\/SKILL\.md$/;
    const folders = (await github.files(hub.repo, "HEAD"))
      .filter((p) => p.startsWith(prefix))
      .map((p) => pattern.exec(p.slice(prefix.length))?.[1])
      .filter((f): f is string => f !== undefined);
    const found: Omit<HubSkillRow, "scan_status" | "scan_summary" | "scan_updated_at">[] = [];
    for (const folder of folders) {
      const content = await github.text(hub.repo, `${prefix}${folder}/SKILL.md`, "HEAD");
      const { data } = frontmatter(content);
      found.push({
        id: `hub-${hub.id}-${slug(folder)}`,
        hub_id: hub.id,
        name: typeof data.name === "string" && data.name ? data.name : folder,
        description: typeof data.description === "string" ? data.description.slice(0, 1024) : "",
        content,
        repo: hub.repo,
        path: `${prefix}${folder}`,
        tags: JSON.stringify(Array.isArray(data.tags) ? data.tags.map(String) : []),
      });
    }
    this.#db.tx(() => {
      const keep = new Set(found.map((f) => f.id));
      for (const id of this.idsOf(hub.id))
        if (!keep.has(id)) this.#db.run("DELETE FROM caipe_hub_skills WHERE id = ?", id);
      for (const skill of found) {
        const before = this.row(skill.id);
        const unchanged = before !== undefined && before.content === skill.content;
        this.#db.run(
          `INSERT INTO caipe_hub_skills (id, hub_id, name, description, content, repo, path, tags, scan_status, scan_summary, scan_updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, content = excluded.content,
           repo = excluded.repo, path = excluded.path, tags = excluded.tags, scan_status = excluded.scan_status,
           scan_summary = excluded.scan_summary, scan_updated_at = excluded.scan_updated_at`,
          skill.id,
          skill.hub_id,
          skill.name,
          skill.description,
          skill.content,
          skill.repo,
          skill.path,
          skill.tags,
          unchanged ? before.scan_status : "unscanned",
          unchanged ? before.scan_summary : null,
          unchanged ? before.scan_updated_at : null,
        );
      }
    });
    return found.map((f) => f.id);
  }
}
