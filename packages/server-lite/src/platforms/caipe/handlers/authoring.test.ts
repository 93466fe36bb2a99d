import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expectError } from "../testing/expect-error.ts";
import { type Fake, fakeGithub, fakeUpstream } from "../testing/fakes.ts";
import { type CaipeWorld, caipeWorld } from "../testing/world.ts";

let w: CaipeWorld;
const fakes: Fake[] = [];
beforeEach(async () => {
  w = await caipeWorld();
});
afterEach(async () => {
  await w.close();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
  expect(w.unexpected).toEqual([]);
});

describe("generate", () => {
  const input = {
    type: "generate" as const,
    name: "Cost Report",
    description: "Summarize last month's cloud spend by team. Point out the biggest increases.",
    prompt: "Use a table per team",
  };

  it("drafts a SKILL.md with frontmatter, deterministically, without an upstream", async () => {
    const draft = await w.user.caipe.authoring.generate(input);
    expect(draft).toMatchObject({ name: "cost-report", generator: "builtin" });
    const head = /^---\n([\s\S]*?)\n---\n/.exec(draft.content)!;
    expect(parse(head[1]!)).toEqual({ name: "cost-report", description: input.description });
    expect(draft.content).toContain("# Cost Report");
    expect(draft.content).toContain("2. Summarize last month's cloud spend by team.");
    expect(draft.content).toContain("4. Use a table per team.");
    expect(await w.user.caipe.authoring.generate(input)).toEqual(draft);
  });

  it("proxies to a configured upstream, and answers 502 when it fails", async () => {
    const upstream = await fakeUpstream({ content: "---\nname: x\n---\n# From the model\n" });
    fakes.push(upstream);
    w.services.settings.generateUrl = upstream.url;
    expect(await w.user.caipe.authoring.generate(input)).toEqual({
      name: "cost-report",
      content: "---\nname: x\n---\n# From the model\n",
      generator: "upstream",
    });
    expect(upstream.calls[0]!.body).toMatchObject({ type: "generate", name: "Cost Report" });
    expect((upstream.calls[0]!.body as { user_message: string }).user_message).toContain("Use a table per team");

    const broken = await fakeUpstream({ status: 503 });
    fakes.push(broken);
    w.services.settings.generateUrl = broken.url;
    await expectError(w.user.caipe.authoring.generate(input), 502, "UPSTREAM_ERROR");
    const empty = await fakeUpstream({ content: "" });
    fakes.push(empty);
    w.services.settings.generateUrl = empty.url;
    await expectError(w.user.caipe.authoring.generate(input), 502, "UPSTREAM_ERROR");
  });

  it("refuses another type or a missing description", async () => {
    await expectError(w.user.caipe.authoring.generate({ ...input, type: "enhance" as never }), 400, "VALIDATION_ERROR");
    await expectError(w.user.caipe.authoring.generate({ ...input, description: " " }), 400, "VALIDATION_ERROR");
  });
});

describe("GitHub import", () => {
  it("reads every file of the folder through the configured GitHub API, SKILL.md apart", async () => {
    const github = await fakeGithub({
      "acme/skills": {
        "skills/deploy/SKILL.md": "# Deploy\n",
        "skills/deploy/scripts/run.sh": "echo deploy\n",
        "skills/deploy/notes.md": "Notes é😀\n",
        "skills/other/SKILL.md": "# Other\n",
      },
    });
    fakes.push(github);
    w.services.settings.githubApiUrl = github.url;
    w.services.settings.githubToken = "ghp_test";
    const result = await w.user.caipe.authoring.importGithub({ repo: "acme/skills", path: "skills/deploy/" });
    expect(result).toEqual({
      files: { "scripts/run.sh": "echo deploy\n", "notes.md": "Notes é😀\n" },
      count: 2,
      skill_content: "# Deploy\n",
    });
    expect(github.calls[0]!.path).toBe("/repos/acme/skills/git/trees/HEAD?recursive=1");
    expect(github.calls[0]!.headers.authorization).toBe("Bearer ghp_test");
  });

  it("answers 404 for an empty folder or unknown repository, 502 when GitHub fails, 400 for a bad path", async () => {
    const github = await fakeGithub({ "acme/skills": { "a/SKILL.md": "x" } });
    fakes.push(github);
    w.services.settings.githubApiUrl = github.url;
    await expectError(w.user.caipe.authoring.importGithub({ repo: "acme/skills", path: "b" }), 404, "NOT_FOUND");
    await expectError(w.user.caipe.authoring.importGithub({ repo: "acme/none", path: "a" }), 404, "NOT_FOUND");
    await expectError(
      w.user.caipe.authoring.importGithub({ repo: "acme/skills", path: "../x" }),
      400,
      "VALIDATION_ERROR",
    );
    await expectError(w.user.caipe.authoring.importGithub({ repo: "not a repo", path: "a" }), 400, "VALIDATION_ERROR");
    const failing = await fakeGithub({}, { failing: true });
    fakes.push(failing);
    w.services.settings.githubApiUrl = failing.url;
    await expectError(w.user.caipe.authoring.importGithub({ repo: "acme/skills", path: "a" }), 502, "UPSTREAM_ERROR");
  });
});
