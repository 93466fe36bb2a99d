/**
 * CAIPE Skills with recording: what the code under test sent and received is read back as HAR 1.2, as it
 * would be attached to a bug report, with every token redacted.
 *
 * Run it: `npx vitest run examples/testing/caipe.test.ts`.
 */
import { CaipeSkills } from "@agentlane/sdk/caipe";
import { createServer } from "@agentlane/server-lite";
import { afterAll, expect, it } from "vitest";

const server = await createServer({ platform: "caipe", seed: true, record: true });
afterAll(() => server.close());

it("records the catalog calls, secrets redacted", async () => {
  const { userToken } = server.seedInfo.caipe!;
  const caipe = new CaipeSkills({
    baseUrl: "http://lite.test/api",
    token: userToken,
    fetch: (input, init) => server.fetch(new Request(input, init)),
  });
  await caipe.catalog.list({ page: 1, page_size: 5 });
  const har = server.requests({ path: "/api/skills" });
  expect(har.log.entries).toHaveLength(1);
  const [entry] = har.log.entries;
  expect(entry!.request.url).toBe("http://lite.test/api/skills?page=1&page_size=5");
  expect(entry!.response.status).toBe(200);
  expect(JSON.stringify(har)).not.toContain(userToken!);
});
