import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  BadRequestError,
  NotFoundError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../core/errors/api-error.ts";
import { Actus } from "./client.ts";
import { actusEnvelope } from "./envelope.ts";

const baseUrl = "http://actus.test/api";
const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledFrame: "error" }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

const client = () => new Actus({ baseUrl, token: "t", retry: 0 });

describe("the Actus envelope", () => {
  it("reads code 200 and code 0 as success", () => {
    expect(actusEnvelope.decode({ code: 200, msg: "success", data: { a: 1 } }, 200, new Headers())).toMatchObject({
      ok: true,
      data: { a: 1 },
    });
    expect(actusEnvelope.decode({ code: 0, msg: "", data: [] }, 200, new Headers())).toMatchObject({
      ok: true,
      data: [],
    });
  });

  it("raises an error reported inside HTTP 200 by its code", async () => {
    mock.use(http.get(`${baseUrl}/sessions/x`, () => HttpResponse.json({ code: 404, msg: "会话不存在", data: null })));
    const error = await client()
      .sessions.get({ session_id: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, httpStatus: 200, code: "404" });
    expect((error as Error).message).toContain("会话不存在");
  });

  it("reads FastAPI's 422 {detail: [...]}", async () => {
    mock.use(
      http.post(`${baseUrl}/auth/login`, () =>
        HttpResponse.json(
          { detail: [{ loc: ["body", "password"], msg: "Field required", type: "missing" }] },
          { status: 422 },
        ),
      ),
    );
    const error = await client()
      .auth.login({ username: "u", password: "" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as Error).message).toContain("body.password: Field required");
    expect((error as { details: unknown }).details).toEqual([
      { loc: ["body", "password"], msg: "Field required", type: "missing" },
    ]);
  });

  it("reads the envelope of HTTP errors, and bodies the platform did not write", async () => {
    mock.use(
      http.get(`${baseUrl}/auth/me`, () =>
        HttpResponse.json({ code: 429, msg: "请求过多，请稍后重试", data: { retry_after: 3 } }, { status: 429 }),
      ),
      http.get(`${baseUrl}/app-config/llm`, () => new HttpResponse("<html>Bad Gateway</html>", { status: 400 })),
    );
    const limited = await client()
      .auth.me()
      .catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited).toMatchObject({ code: "429", details: { retry_after: 3 } });
    const proxy = await client()
      .appConfig.getLlm()
      .catch((e: unknown) => e);
    expect(proxy).toBeInstanceOf(BadRequestError);
  });

  it("pages by skip until total", () => {
    const next = actusEnvelope.nextPage!;
    expect(next({ meta: {}, data: { users: [1, 2], total: 5 }, query: { limit: 2 } })).toEqual({ limit: 2, skip: 2 });
    expect(next({ meta: {}, data: { users: [5], total: 5 }, query: { limit: 2, skip: 4 } })).toBeUndefined();
  });
});
