/**
 * @module
 * GitHub's REST API, as the real import route reads it: the repository tree
 * (`GET /repos/{repo}/git/trees/{ref}?recursive=1`) and each file's base64 content
 * (`GET /repos/{repo}/contents/{path}?ref=`), at a configurable base URL.
 */
import { Failure } from "../../../core/failure.ts";
import { fetchJson } from "./outbound.ts";
import type { CaipeSettings } from "./settings.ts";

/** At most this many files are read from one folder. */
const MAX_FILES = 200;

const encodePath = (path: string) => path.split("/").map(encodeURIComponent).join("/");

/** Reads repositories through the configured GitHub API. */
export class GithubClient {
  readonly #settings: CaipeSettings;

  constructor(settings: CaipeSettings) {
    this.#settings = settings;
  }

  #headers(): Record<string, string> {
    const token = this.#settings.githubToken;
    return { accept: "application/vnd.github.v3+json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }

  /** Paths of every file (blob) of the repository at `ref`. */
  async files(repo: string, ref: string): Promise<string[]> {
    const url = `${this.#settings.githubApiUrl}/repos/${repo}/git/trees/${encodeURIComponent(ref)}?recursive=1`;
    let tree: unknown;
    try {
      tree = await fetchJson("GitHub", url, { headers: this.#headers(), timeoutMs: this.#settings.timeoutMs });
    } catch (error) {
      if ((error as { upstreamStatus?: number }).upstreamStatus === 404)
        throw new Failure("NOT_FOUND", `GitHub has no repository ${repo} at ${ref}`);
      throw error;
    }
    const items = (tree as { tree?: unknown } | null)?.tree;
    if (!Array.isArray(items)) throw new Failure("UPSTREAM_ERROR", "GitHub answered a tree without entries");
    return items
      .filter((item): item is { path: string; type: string } => typeof item?.path === "string" && item.type === "blob")
      .map((item) => item.path.replace(/\\/g, "/"));
  }

  /** One file's text. */
  async text(repo: string, path: string, ref: string): Promise<string> {
    const url = `${this.#settings.githubApiUrl}/repos/${repo}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
    const file = (await fetchJson("GitHub", url, {
      headers: this.#headers(),
      timeoutMs: this.#settings.timeoutMs,
    })) as {
      content?: unknown;
      encoding?: unknown;
    } | null;
    if (typeof file?.content !== "string")
      throw new Failure("UPSTREAM_ERROR", `GitHub answered no content for ${path}`);
    return file.encoding === "base64" || file.encoding === undefined
      ? Buffer.from(file.content, "base64").toString("utf8")
      : file.content;
  }

  /** Every file under a folder, by path relative to it (at most 200). */
  async folder(repo: string, folder: string, ref: string): Promise<Record<string, string>> {
    const prefix = folder ? `${folder.replace(/\/+$/, "")}/` : "";
    const paths = (await this.files(repo, ref)).filter((p) => p.startsWith(prefix)).slice(0, MAX_FILES);
    const files: Record<string, string> = {};
    for (const path of paths) files[path.slice(prefix.length)] = await this.text(repo, path, ref);
    return files;
  }
}
