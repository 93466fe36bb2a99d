/**
 * @module
 * The errors a newcomer meets on a first call, as the SDK words them against server-lite: a base URL without the
 * prefix server-lite mounts ClaudeNest under, no token, a token the server does not know, a body missing a field.
 * Each message must say what to change.
 */
import { ClaudeNest, isAPIError } from "@agentlane/sdk";
import { clientFor, createServer, type LiteServer, newUser } from "@agentlane/testing/claudenest-in-process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: LiteServer;
beforeAll(async () => {
  server = await createServer();
});
afterAll(() => server.close());

/** The error a call fails with. */
async function failure(call: Promise<unknown>): Promise<Error> {
  const outcome = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isAPIError(outcome)) throw new Error(`expected an APIError, got ${String(outcome)}`);
  return outcome;
}

describe("a first call's errors", () => {
  it("a base URL without the server's prefix: a 404 naming the URL, the base URL and where ClaudeNest is served", async () => {
    const nest = new ClaudeNest({
      baseUrl: "http://lite.test/api",
      token: "cn_whatever",
      fetch: (input, init) => server.fetch(new Request(input, init)),
    });
    const error = await failure(nest.machines.list());
    expect(error.name).toBe("NotFoundError");
    expect(error.message).toContain("404: No route for GET /api/machines: this server serves");
    expect(error.message).toContain("claudenest at /claudenest/api");
    expect(error.message).toContain("--platform <id>");
    expect(error.message).toContain(
      "(GET http://lite.test/api/machines matched no route: is the client's baseUrl, http://lite.test/api, the API's root, prefix included?)",
    );
  });

  it("a platform's own 404 keeps its code and says nothing about routes", async () => {
    const { nest } = await newUser(server);
    const error = await failure(nest.machines.get({ id: "00000000-0000-4000-8000-000000000000" }));
    expect(error.message).toMatch(/^404 MCH_001: /);
    expect(error.message).not.toContain("matched no route");
  });

  it("no token: a 401 saying that none was sent, by the server and by the SDK", async () => {
    const error = await failure(clientFor(server).machines.list());
    expect(error.message).toBe(
      "401 AUTH_002: Unauthenticated: no token was sent; send Authorization: Bearer <token>. (the SDK sent no credentials: set the client's `token` or `auth`)",
    );
  });

  it("a token the server does not know: a 401 saying that it was sent and refused", async () => {
    const error = await failure(clientFor(server, "cn_not-a-token").machines.list());
    expect(error.message).toBe(
      "401 AUTH_002: Unauthenticated: the token sent is unknown, expired or revoked. (the SDK sent credentials; the server did not accept them)",
    );
  });

  it("a body missing a field: a 422 whose message is the first field problem", async () => {
    const { nest } = await newUser(server);
    const error = await failure(nest.machines.register({ name: "box", platform: "linux" } as never));
    expect(error.message).toBe("422 VAL_001: hostname: The hostname field is required.");
    expect(error).toMatchObject({ fieldErrors: { hostname: ["The hostname field is required."] } });
  });
});
