/**
 * @module
 * The sweeps' world: the test world plus a GitHub fake and a hub, an owner's private config and scan job, and one
 * well-formed request per endpoint naming them (what the malformed-input and access sweeps start from).
 */
import type { EndpointSample } from "../../../core/test-malformed.ts";
import { type Fake, fakeGithub } from "../testing/fakes.ts";
import { type CaipeWorld, caipeWorld, newConfig } from "../testing/world.ts";

/** The test world with the rows and samples the sweeps name. */
export interface SweepWorld extends CaipeWorld {
  github: Fake;
  /** The private config and the hub scan job of `user`, the owner of the rows the samples name. */
  ownerConfigId: string;
  ownerJobId: string;
  /** A catalog job of the admin. */
  adminJobId: string;
  samples: Record<string, EndpointSample>;
}

/** Starts a sweep world; `close()` it. */
export async function sweepWorld(): Promise<SweepWorld> {
  const w = await caipeWorld();
  const github = await fakeGithub({
    "acme/skills": {
      "skills/deploy/SKILL.md": "---\nname: deploy\n---\n# Deploy\n",
      "skills/deploy/run.sh": "echo hi\n",
    },
  });
  Object.assign(w.services.settings, {
    githubApiUrl: github.url,
    hubs: [{ id: "acme", repo: "acme/skills", path: "skills" }],
  });
  const config = await w.user.caipe.configs.create(newConfig({ name: "Owner private" }));
  const job = await w.user.caipe.scanJobs.start({ kind: "hub", hub_id: "acme" });
  const adminJob = await w.admin.caipe.scanJobs.start({ kind: "catalog" });
  const samples: Record<string, EndpointSample> = {
    "catalog.list": { params: {}, query: { q: "owner" } },
    "configs.read": { params: {}, query: { id: config.id } },
    "configs.create": { params: {}, body: newConfig() },
    "configs.update": { params: {}, body: { id: config.id, name: "Renamed", visibility: "private" } },
    "configs.remove": { params: {}, query: { id: config.id } },
    "seed.preview": { params: {} },
    "seed.apply": { params: {} },
    "authoring.generate": {
      params: {},
      body: { type: "generate", name: "Cost report", description: "Summarize spend.", prompt: "Use tables" },
    },
    "authoring.importGithub": { params: {}, body: { repo: "acme/skills", path: "skills/deploy", ref: "main" } },
    "templates.import": { params: {}, body: { template_ids: ["incident-postmortem-report"], import_all: false } },
    "gateway.bootstrap": { params: {}, query: { agent: "claude" } },
    "gateway.installScript": { params: {}, query: { agent: "claude", bulk: "true" } },
    "scanJobs.start": { params: {}, body: { kind: "hub", hub_id: "acme" } },
    "scanJobs.get": { params: { id: job.id } },
    "scanJobs.cancel": { params: { id: job.id } },
    "quarantine.get": { params: {} },
    "quarantine.update": { params: {}, body: { exclude_flagged_from_catalog: true, allow_list_skill_ids: ["x"] } },
    "scans.rescan": { params: {}, body: { skill_id: config.id } },
  };
  return {
    ...w,
    github,
    ownerConfigId: config.id,
    ownerJobId: job.id,
    adminJobId: adminJob.id,
    samples,
    async close() {
      await w.close();
      await github.close();
    },
  };
}
