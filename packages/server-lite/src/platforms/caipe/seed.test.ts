import { CaipeSkills } from "@agentlane/sdk/caipe";
import { expect, it } from "vitest";
import { createServer } from "../../server.ts";

it("--seed makes an admin and a user; GET /_lite/seed answers their tokens, and they work", async () => {
  const server = await createServer({ platform: "caipe", seed: true, lite: true });
  try {
    const response = await server.fetch(new Request("http://lite.test/_lite/seed"));
    const seed = (await response.json()) as { caipe: { adminToken: string; userToken: string } };
    expect(Object.keys(seed.caipe).sort()).toEqual(["adminToken", "userToken"]);
    const client = (token: string) =>
      new CaipeSkills({
        baseUrl: "http://lite.test/api",
        token,
        fetch: (i, init) => server.fetch(new Request(i, init)),
      });
    expect((await client(seed.caipe.adminToken).seed.preview()).templateCount).toBeGreaterThan(0);
    await expect(client(seed.caipe.userToken).seed.preview()).rejects.toMatchObject({ status: 403 });
    // Seeding again keeps the users and issues fresh tokens.
    const again = await server.seed();
    expect(again.caipe!.adminToken).not.toBe(seed.caipe.adminToken);
    expect(await client(again.caipe!.userToken!).configs.list()).toEqual([]);
  } finally {
    await server.close();
  }
});
