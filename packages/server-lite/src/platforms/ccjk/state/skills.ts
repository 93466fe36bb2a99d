/**
 * @module
 * The skill registry as callers see it: the catalog plus published skills, each with who may see it and how its
 * review went (see the skills contract). A public skill is reviewed `REVIEW_MS` after it was submitted, on the
 * server clock.
 */
import type { PublishSkillBody, Skill, Visibility } from "@agentlane/sdk/ccjk/contract";
import type { Clock } from "../../../core/clock.ts";
import type { Database } from "../../../store/database.ts";
import { type CatalogSkill, catalogSkills, DEFAULT_COMPATIBILITY } from "../catalog/skills.ts";
import { downloadCounts } from "./downloads.ts";

/** How long a public skill waits for review. */
export const REVIEW_MS = 3_600_000;

/** A skill of the registry, with who owns it (`null` for the catalog's). */
export interface RegistrySkill extends Skill {
  ownerId: string | null;
}

interface PublishedRow {
  id: string;
  account_id: string;
  data: string;
  visibility: Visibility;
  submitted_at: number;
  author: string;
}

function fromCatalog(s: CatalogSkill, downloads: number): RegistrySkill {
  const { versions, ...rest } = s;
  const current = versions[0]!;
  return {
    ...rest,
    version: current.version,
    homepage: s.repository,
    icon: null,
    screenshots: [],
    compatibility: DEFAULT_COMPATIBILITY,
    downloads: s.downloads + downloads,
    updatedAt: `${current.releaseDate}T00:00:00Z`,
    versions,
    visibility: "public",
    reviewStatus: "approved",
    ownerId: null,
  };
}

/** The registry over the catalog and the store. */
export class SkillRegistry {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  #published(row: PublishedRow, downloads: number): RegistrySkill {
    const skill = JSON.parse(row.data) as PublishSkillBody["skill"];
    const submitted = this.#clock.iso(row.submitted_at);
    const reviewed = row.visibility !== "public" || this.#clock.now() >= row.submitted_at + REVIEW_MS;
    return {
      id: row.id,
      name: { en: skill.name.en, "zh-CN": skill.name["zh-CN"] ?? skill.name.en },
      description: { en: skill.description.en, "zh-CN": skill.description["zh-CN"] ?? skill.description.en },
      longDescription: skill.longDescription ?? "",
      category: skill.category,
      version: skill.version,
      author: row.author,
      license: skill.license ?? "MIT",
      tags: skill.tags ?? [],
      triggers: skill.triggers ?? [],
      template: skill.template,
      agents: [],
      dependencies: skill.dependencies ?? [],
      popularity: 0,
      rating: 0,
      ratingCount: 0,
      downloads,
      homepage: null,
      repository: null,
      icon: null,
      screenshots: [],
      compatibility: DEFAULT_COMPATIBILITY,
      permissions: [],
      createdAt: submitted,
      updatedAt: submitted,
      versions: [{ version: skill.version, releaseDate: submitted.slice(0, 10), changelog: "First release" }],
      visibility: row.visibility,
      reviewStatus: row.visibility !== "public" ? "published" : reviewed ? "approved" : "pending_review",
      ownerId: row.account_id,
    };
  }

  /** Every skill a viewer may list: the catalog, reviewed public skills, and the viewer's own. */
  listable(viewer: string | undefined): RegistrySkill[] {
    const counts = downloadCounts(this.#db, "skill");
    const rows = this.#db.all<PublishedRow>(
      `SELECT p.*, a.name AS author FROM ccjk_published_skills p JOIN ccjk_accounts a ON a.id = p.account_id
       WHERE p.visibility = 'public' OR p.account_id = ? ORDER BY p.submitted_at`,
      viewer ?? "",
    );
    return [
      ...catalogSkills.map((s) => fromCatalog(s, counts.get(s.id) ?? 0)),
      ...rows
        .map((r) => this.#published(r, counts.get(r.id) ?? 0))
        .filter((s) => s.ownerId === viewer || s.reviewStatus === "approved"),
    ];
  }

  /** A skill the viewer may see by id. */
  get(id: string, viewer: string | undefined): RegistrySkill | undefined {
    const counts = downloadCounts(this.#db, "skill");
    const catalog = catalogSkills.find((s) => s.id === id);
    if (catalog) return fromCatalog(catalog, counts.get(id) ?? 0);
    const row = this.#db.get<PublishedRow>(
      "SELECT p.*, a.name AS author FROM ccjk_published_skills p JOIN ccjk_accounts a ON a.id = p.account_id WHERE p.id = ?",
      id,
    );
    if (!row) return undefined;
    const skill = this.#published(row, counts.get(id) ?? 0);
    if (skill.ownerId === viewer) return skill;
    if (skill.visibility === "private" || skill.reviewStatus === "pending_review") return undefined;
    return skill;
  }

  /** Whether any skill (anyone's) has this id. */
  taken(id: string): boolean {
    return (
      catalogSkills.some((s) => s.id === id) ||
      this.#db.get("SELECT 1 AS x FROM ccjk_published_skills WHERE id = ?", id) !== undefined
    );
  }

  /** Stores a published skill. */
  publish(accountId: string, body: PublishSkillBody): { status: "pending_review" | "published"; submittedAt: number } {
    const visibility = body.visibility ?? "public";
    const now = this.#clock.now();
    this.#db.run(
      "INSERT INTO ccjk_published_skills (id, account_id, data, visibility, submitted_at) VALUES (?, ?, ?, ?, ?)",
      body.skill.id,
      accountId,
      JSON.stringify(body.skill),
      visibility,
      now,
    );
    return { status: visibility === "public" ? "pending_review" : "published", submittedAt: now };
  }
}
