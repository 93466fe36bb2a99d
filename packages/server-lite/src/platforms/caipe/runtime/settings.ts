/**
 * @module
 * Where the services CAIPE talks to are: GitHub's REST API, the supervisor, the generation upstream, and the
 * hubs (GitHub repositories whose skill folders join the catalog). Read from the environment when the server
 * starts; tests (and tools) change them on `services.settings`, so fakes on loopback stand in for the real ones.
 *
 * - `CAIPE_GITHUB_API_URL` (or `GITHUB_API_URL`, as the real project reads it), default `https://api.github.com`;
 *   `GITHUB_TOKEN` is sent as a bearer token when set.
 * - `CAIPE_SUPERVISOR_URL` (or `NEXT_PUBLIC_A2A_BASE_URL`): unset means no supervisor calls.
 * - `CAIPE_GENERATE_URL`: unset means the built-in generator drafts SKILL.md.
 * - `CAIPE_HUBS`: `id=owner/repo[:folder]` separated by commas.
 */

/** A hub: a GitHub repository (and folder) whose `<folder>/<skill>/SKILL.md` files are catalog skills. */
export interface HubSetting {
  id: string;
  repo: string;
  /** The folder holding the skill folders; `""` for the repository's root. */
  path: string;
}

/** The outbound settings of a CAIPE server. */
export interface CaipeSettings {
  githubApiUrl: string;
  githubToken: string | undefined;
  supervisorUrl: string | undefined;
  generateUrl: string | undefined;
  hubs: HubSetting[];
  /** How long an outbound call may take. */
  timeoutMs: number;
}

/** Parses `CAIPE_HUBS`; malformed entries are left out. */
export function parseHubs(text: string | undefined): HubSetting[] {
  if (!text) return [];
  return text
    .split(",")
    .map((entry) => /^\s*([A-Za-z0-9_-]+)=([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?::([A-Za-z0-9_./-]*))?\s*$/.exec(entry))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: m[1]!, repo: m[2]!, path: (m[3] ?? "").replace(/^\/+|\/+$/g, "") }));
}

const trimSlash = (url: string | undefined) => (url ? url.replace(/\/+$/, "") : undefined);

/** The settings the environment gives. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): CaipeSettings {
  return {
    githubApiUrl: trimSlash(env.CAIPE_GITHUB_API_URL ?? env.GITHUB_API_URL) ?? "https://api.github.com",
    githubToken: env.GITHUB_TOKEN || undefined,
    supervisorUrl: trimSlash(env.CAIPE_SUPERVISOR_URL ?? env.NEXT_PUBLIC_A2A_BASE_URL),
    generateUrl: trimSlash(env.CAIPE_GENERATE_URL),
    hubs: parseHubs(env.CAIPE_HUBS),
    timeoutMs: 10_000,
  };
}
