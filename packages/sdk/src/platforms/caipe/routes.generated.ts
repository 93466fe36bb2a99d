// Generated from the contract by scripts/gen-platforms.ts: do not edit.
import type { Endpoint } from "../../contract/endpoint.ts";
import type { RouteTable } from "../../contract/routes.ts";
import type { ClientMethod } from "../../core/resource.ts";
import type { CaipeSkillsContract } from "./contract/index.ts";

type C = CaipeSkillsContract;
type Method<E extends Endpoint<any>> = ClientMethod<NonNullable<E["~client"]>>;

/** Each endpoint's method, path, auth and parameter names: all a client needs at run time, without zod. */
export const routes = {
  catalog: {
    list: {"method":"GET","path":"/skills","auth":"catalog","params":[],"query":["q","source","repo","tags","visibility","include_content","page","page_size","scan_status","quarantine"],"paginated":true,"items":"skills"},
  },
  configs: {
    read: {"method":"GET","path":"/skills/configs","auth":"user","params":[],"query":["id"]},
    create: {"method":"POST","path":"/skills/configs","auth":"user","params":[],"query":[]},
    update: {"method":"PUT","path":"/skills/configs","auth":"user","params":[],"query":[]},
    remove: {"method":"DELETE","path":"/skills/configs","auth":"user","params":[],"query":["id"]},
  },
  seed: {
    preview: {"method":"GET","path":"/skills/seed","auth":"admin","params":[],"query":[]},
    apply: {"method":"POST","path":"/skills/seed","auth":"admin","params":[],"query":[]},
  },
  authoring: {
    generate: {"method":"POST","path":"/skills/generate","auth":"user","params":[],"query":[]},
    importGithub: {"method":"POST","path":"/skills/import-github","auth":"user","params":[],"query":[]},
  },
  templates: {
    import: {"method":"POST","path":"/skills/templates/import","auth":"user","params":[],"query":[]},
  },
  gateway: {
    bootstrap: {"method":"GET","path":"/skills/bootstrap","auth":"none","params":[],"query":["agent","scope","command_name"]},
    installScript: {"method":"GET","path":"/skills/install.sh","auth":"none","params":[],"query":["agent","scope","command_name","bulk"]},
  },
  scanJobs: {
    start: {"method":"POST","path":"/skills/scan-jobs","auth":"user","params":[],"query":[]},
    get: {"method":"GET","path":"/skills/scan-jobs/{id}","auth":"user","params":["id"],"query":[]},
    cancel: {"method":"POST","path":"/skills/scan-jobs/{id}/cancel","auth":"user","params":["id"],"query":[]},
  },
  quarantine: {
    get: {"method":"GET","path":"/skills/quarantine-policy","auth":"user","params":[],"query":[]},
    update: {"method":"PUT","path":"/skills/quarantine-policy","auth":"admin","params":[],"query":[]},
  },
  scans: {
    rescan: {"method":"POST","path":"/skills/re-scan","auth":"user","params":[],"query":[]},
  },
} as const satisfies RouteTable;

/** Every endpoint of the CAIPE Skills contract as a typed method, by resource, with its documentation. */
export interface CaipeSkillsMethods {
  /** The `catalog` endpoints (Catalog). */
  readonly catalog: {
    /**
     * The merged skill catalog, filtered
     *
     * `GET /skills` (Catalog)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * scan_status and quarantine are the planned filters (FR-011 to FR-016)
     *
     * @example
     * ```ts
     * for await (const item of client.catalog.list()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["catalog"]["list"]>;
  };
  /** The `configs` endpoints (Persisted skill configuration). */
  readonly configs: {
    /**
     * List the configs the caller sees, or read one with ?id=
     *
     * `GET /skills/configs` (Persisted skill configuration)
     *
     * @example
     * ```ts
     * const answer = await client.configs.read();
     * ```
     */
    readonly read: Method<C["configs"]["read"]>;
    /**
     * Create a config
     *
     * `POST /skills/configs` (Persisted skill configuration)
     *
     * @example
     * ```ts
     * const answer = await client.configs.create({ name: "<name>", category: "<category>", tasks: [] });
     * ```
     */
    readonly create: Method<C["configs"]["create"]>;
    /**
     * Update a config (the body includes its id)
     *
     * `PUT /skills/configs` (Persisted skill configuration)
     *
     * @example
     * ```ts
     * const answer = await client.configs.update({ id: "<id>" });
     * ```
     */
    readonly update: Method<C["configs"]["update"]>;
    /**
     * Delete a config
     *
     * `DELETE /skills/configs` (Persisted skill configuration)
     *
     * @example
     * ```ts
     * const answer = await client.configs.remove({ id: "<id>" });
     * ```
     */
    readonly remove: Method<C["configs"]["remove"]>;
  };
  /** The `seed` endpoints (Supporting routes). */
  readonly seed: {
    /**
     * Preview template seeding (admin)
     *
     * `GET /skills/seed` (Supporting routes)
     *
     * @example
     * ```ts
     * const answer = await client.seed.preview();
     * ```
     */
    readonly preview: Method<C["seed"]["preview"]>;
    /**
     * Seed the packaged templates as built-in configs (admin)
     *
     * `POST /skills/seed` (Supporting routes)
     *
     * @example
     * ```ts
     * const answer = await client.seed.apply();
     * ```
     */
    readonly apply: Method<C["seed"]["apply"]>;
  };
  /** The `authoring` endpoints (Supporting routes). */
  readonly authoring: {
    /**
     * Draft a SKILL.md from a name and a description
     *
     * `POST /skills/generate` (Supporting routes)
     *
     * @example
     * ```ts
     * const answer = await client.authoring.generate({ type: "generate", name: "<name>", description: "<description>" });
     * ```
     */
    readonly generate: Method<C["authoring"]["generate"]>;
    /**
     * Read a skill folder's files from GitHub
     *
     * `POST /skills/import-github` (Supporting routes)
     *
     * @example
     * ```ts
     * const answer = await client.authoring.importGithub({ repo: "<repo>", path: "<path>" });
     * ```
     */
    readonly importGithub: Method<C["authoring"]["importGithub"]>;
  };
  /** The `templates` endpoints (Template import). */
  readonly templates: {
    /**
     * Import packaged templates as system rows
     *
     * `POST /skills/templates/import` (Template import)
     *
     * @example
     * ```ts
     * const answer = await client.templates.import({ template_ids: ["incident-postmortem-report"], import_all: false });
     * ```
     */
    readonly import: Method<C["templates"]["import"]>;
  };
  /** The `gateway` endpoints (Gateway artifacts). */
  readonly gateway: {
    /**
     * The bootstrap skill (markdown) for an IDE agent
     *
     * `GET /skills/bootstrap` (Gateway artifacts)
     *
     * @example
     * ```ts
     * const answer = await client.gateway.bootstrap();
     * ```
     */
    readonly bootstrap: Method<C["gateway"]["bootstrap"]>;
    /**
     * The bash installer of the bootstrap skill (and, in bulk, the catalog)
     *
     * `GET /skills/install.sh` (Gateway artifacts)
     *
     * @example
     * ```ts
     * const answer = await client.gateway.installScript();
     * ```
     */
    readonly installScript: Method<C["gateway"]["installScript"]>;
  };
  /** The `scanJobs` endpoints (Planned: scanner jobs). */
  readonly scanJobs: {
    /**
     * Start an asynchronous catalog or hub scan job
     *
     * `POST /skills/scan-jobs` (Planned: scanner jobs)
     *
     * @example
     * ```ts
     * const answer = await client.scanJobs.start({ kind: "catalog" });
     * ```
     */
    readonly start: Method<C["scanJobs"]["start"]>;
    /**
     * Poll a scan job
     *
     * `GET /skills/scan-jobs/{id}` (Planned: scanner jobs)
     *
     * @example
     * ```ts
     * const answer = await client.scanJobs.get({ id: "<id>" });
     * ```
     */
    readonly get: Method<C["scanJobs"]["get"]>;
    /**
     * Cancel a queued or running scan job
     *
     * `POST /skills/scan-jobs/{id}/cancel` (Planned: scanner jobs)
     *
     * @example
     * ```ts
     * const answer = await client.scanJobs.cancel({ id: "<id>" });
     * ```
     */
    readonly cancel: Method<C["scanJobs"]["cancel"]>;
  };
  /** The `quarantine` endpoints (Planned: quarantine). */
  readonly quarantine: {
    /**
     * Read the effective quarantine policy
     *
     * `GET /skills/quarantine-policy` (Planned: quarantine)
     *
     * @example
     * ```ts
     * const answer = await client.quarantine.get();
     * ```
     */
    readonly get: Method<C["quarantine"]["get"]>;
    /**
     * Update the quarantine policy (admin)
     *
     * `PUT /skills/quarantine-policy` (Planned: quarantine)
     *
     * @example
     * ```ts
     * const answer = await client.quarantine.update();
     * ```
     */
    readonly update: Method<C["quarantine"]["update"]>;
  };
  /** The `scans` endpoints (Planned: re-scan). */
  readonly scans: {
    /**
     * Scan one skill again
     *
     * `POST /skills/re-scan` (Planned: re-scan)
     *
     * @example
     * ```ts
     * const answer = await client.scans.rescan({ skill_id: "<skill_id>" });
     * ```
     */
    readonly rescan: Method<C["scans"]["rescan"]>;
  };
}
