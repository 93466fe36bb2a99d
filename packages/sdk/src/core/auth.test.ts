import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { baseUrl, client, failed, ok, route, send } from "../../test/fixtures.ts";
import { apiKeyAuth, bearerAuth, clientCredentialsAuth, refreshingAuth } from "./auth.ts";
import { AuthenticationError } from "./errors/api-error.ts";

const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledFrame: "error" }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

const privateRoute = route("GET", "/me", { auth: "user" });

/** Answers 200 to `valid` bearer tokens and 401 to anything else, counting requests by token. */
function protectedApi(valid: () => string) {
  const seen: (string | null)[] = [];
  mock.use(
    http.get(`${baseUrl}/me`, ({ request }) => {
      const header = request.headers.get("authorization");
      seen.push(header);
      return header === `Bearer ${valid()}`
        ? HttpResponse.json(ok({ me: true }))
        : HttpResponse.json(failed("AUTH_002", "Unauthenticated."), { status: 401 });
    }),
  );
  return seen;
}

describe("auth schemes", () => {
  it("puts an API key in its header, and a bearer token in Authorization", async () => {
    const hits: Headers[] = [];
    mock.use(
      http.get(`${baseUrl}/me`, ({ request }) => {
        hits.push(request.headers);
        return HttpResponse.json(ok(null));
      }),
    );
    await send(client({ auth: apiKeyAuth({ key: "ak_1" }) }), privateRoute);
    await send(
      client({ auth: apiKeyAuth({ key: async () => "ak_2", header: "X-Key", prefix: "Key " }) }),
      privateRoute,
    );
    await send(client({ auth: bearerAuth(() => "t_3") }), privateRoute);
    expect(hits.map((h) => [h.get("x-api-key"), h.get("x-key"), h.get("authorization")])).toEqual([
      ["ak_1", null, null],
      [null, "Key ak_2", null],
      [null, null, "Bearer t_3"],
    ]);
  });

  it("refreshes an expired access token once for many concurrent calls, then repeats each", async () => {
    let current = "access_2";
    const seen = protectedApi(() => current);
    const refresh = vi.fn(async (refreshToken: string) => {
      expect(refreshToken).toBe("refresh_1");
      return { accessToken: "access_2", refreshToken: "refresh_2" };
    });
    const auth = refreshingAuth({ accessToken: "access_1", refreshToken: "refresh_1", refresh });
    const api = client({ auth });
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(api, privateRoute)));
    expect(answers).toEqual(Array(5).fill({ me: true }));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(auth.refreshToken).toBe("refresh_2");
    expect(seen.filter((h) => h === "Bearer access_2")).toHaveLength(5);
    current = "never";
  });

  it("refreshes before a known expiry, so no call fails first", async () => {
    let now = 0;
    const seen = protectedApi(() => "fresh");
    const refresh = vi.fn(async () => ({ accessToken: "fresh", expiresIn: 3600 }));
    const auth = refreshingAuth({ accessToken: "old", refreshToken: "r", expiresIn: 60, refresh, now: () => now });
    now = 55_000;
    await send(client({ auth }), privateRoute);
    expect(seen).toEqual(["Bearer fresh"]);
  });

  it("fails with the AuthenticationError and calls onAuthLost once when the refresh is refused", async () => {
    protectedApi(() => "unreachable");
    const onAuthLost = vi.fn();
    const auth = refreshingAuth({
      accessToken: "expired",
      refreshToken: "revoked",
      refresh: async () => {
        throw new Error("refresh token revoked");
      },
      onAuthLost,
    });
    const api = client({ auth });
    await expect(send(api, privateRoute)).rejects.toBeInstanceOf(AuthenticationError);
    await expect(send(api, privateRoute)).rejects.toBeInstanceOf(AuthenticationError);
    expect(onAuthLost).toHaveBeenCalledTimes(1);
  });

  it("asks an OAuth token endpoint with client credentials, and again after a 401", async () => {
    let issued = 0;
    const forms: URLSearchParams[] = [];
    mock.use(
      http.post("https://auth.test/oauth/token", async ({ request }) => {
        forms.push(new URLSearchParams(await request.text()));
        issued++;
        return HttpResponse.json({ access_token: `cc_${issued}`, token_type: "bearer", expires_in: 3600 });
      }),
    );
    const seen = protectedApi(() => `cc_${issued}`);
    const auth = clientCredentialsAuth({
      tokenUrl: "https://auth.test/oauth/token",
      clientId: "id",
      clientSecret: "sec",
    });
    const api = client({ auth });
    await send(api, privateRoute);
    await send(api, privateRoute);
    expect(issued).toBe(1);
    expect(forms[0]!.get("grant_type")).toBe("client_credentials");
    expect(forms[0]!.get("client_secret")).toBe("sec");
    // The server forgets the token: the next call gets a 401, asks for a new token, and repeats.
    issued++;
    await expect(send(api, privateRoute)).resolves.toEqual({ me: true });
    expect(seen.at(-1)).toBe("Bearer cc_3");
  });
});
