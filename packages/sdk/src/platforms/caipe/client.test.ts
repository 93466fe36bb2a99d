import { describe, expect, it } from "vitest";
import { CaipeSkills } from "./client.ts";

/** A client whose every request is answered by `answer`. */
function clientAnswering(answer: (request: Request) => Response | Promise<Response>): {
  caipe: CaipeSkills;
  urls: string[];
} {
  const urls: string[] = [];
  const caipe = new CaipeSkills({
    baseUrl: "http://caipe.test/api",
    token: "t",
    retry: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      urls.push(`${request.method} ${request.url} ${request.headers.get("authorization")}`);
      return answer(request);
    },
  });
  return { caipe, urls };
}

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });

describe("configs.list and configs.get", () => {
  it("read the one route, without and with ?id=", async () => {
    const config = { id: "skill-a-1" };
    const { caipe, urls } = clientAnswering((request) =>
      new URL(request.url).searchParams.has("id") ? json({ success: true, data: config }) : json([config]),
    );
    expect(await caipe.configs.list()).toEqual([config]);
    expect(await caipe.configs.get({ id: "skill-a-1" })).toEqual(config);
    expect(urls).toEqual([
      "GET http://caipe.test/api/skills/configs Bearer t",
      "GET http://caipe.test/api/skills/configs?id=skill-a-1 Bearer t",
    ]);
  });

  it("refuse an answer of the other shape", async () => {
    const { caipe } = clientAnswering(() => json({ success: true, data: { id: "x" } }));
    await expect(caipe.configs.list()).rejects.toThrow(TypeError);
    const list = clientAnswering(() => json({ success: true, data: [] }));
    await expect(list.caipe.configs.get({ id: "x" })).rejects.toThrow(TypeError);
  });
});

describe("the update and delete routes", () => {
  it("send the id in the body for PUT and in the query for DELETE, as the document says", async () => {
    const bodies: unknown[] = [];
    const { caipe, urls } = clientAnswering(async (request) => {
      if (request.method === "PUT") bodies.push(await request.json());
      return json({ success: true, data: { id: "skill-a-1", message: "ok" } });
    });
    await caipe.configs.update({ id: "skill-a-1", name: "New" });
    await caipe.configs.remove({ id: "skill-a-1" });
    expect(urls).toEqual([
      "PUT http://caipe.test/api/skills/configs Bearer t",
      "DELETE http://caipe.test/api/skills/configs?id=skill-a-1 Bearer t",
    ]);
    expect(bodies).toEqual([{ id: "skill-a-1", name: "New" }]);
  });
});
