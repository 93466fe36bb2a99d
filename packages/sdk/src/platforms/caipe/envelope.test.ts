import { describe, expect, it } from "vitest";
import { caipeEnvelope, encodeError, encodeSuccess } from "./envelope.ts";

const headers = new Headers();

describe("the CAIPE envelope", () => {
  it("unwraps {success, data} and reads the catalog's meta as pagination", () => {
    const data = { skills: [{ id: "a" }], meta: { total: 3, page: 1, page_size: 1, has_more: true } };
    expect(caipeEnvelope.decode(encodeSuccess(data), 200, headers)).toEqual({
      ok: true,
      data,
      meta: { pagination: { page: 1, perPage: 1, total: 3, hasNext: true } },
    });
  });

  it("takes bare JSON and text as the data, as the real catalog, configs and installer answer", () => {
    expect(caipeEnvelope.decode([{ id: "a" }], 200, headers)).toEqual({ ok: true, data: [{ id: "a" }], meta: {} });
    expect(caipeEnvelope.decode("#!/usr/bin/env bash", 200, headers)).toEqual({
      ok: true,
      data: "#!/usr/bin/env bash",
      meta: {},
    });
    const bare = { skills: [], meta: { total: 0, sources_loaded: [] } };
    expect(caipeEnvelope.decode(bare, 200, headers)).toMatchObject({ ok: true, data: bare });
  });

  it("reads errors: the helpers' string error with its code, {error, message} bodies, proxies' text", () => {
    const body = encodeError("FORBIDDEN", "Admin access required");
    expect(body).toEqual({ success: false, error: "Admin access required", code: "FORBIDDEN" });
    expect(caipeEnvelope.decode(body, 200, headers)).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "Admin access required", details: undefined },
    });
    const details = { name: ["Required"] };
    expect(caipeEnvelope.decodeError(encodeError("VALIDATION_ERROR", "Bad", details), 400, headers)).toEqual({
      code: "VALIDATION_ERROR",
      message: "Bad",
      details,
    });
    expect(
      caipeEnvelope.decodeError({ error: "skills_unavailable", message: "MongoDB is down" }, 503, headers),
    ).toEqual({ code: "skills_unavailable", message: "MongoDB is down", details: undefined });
    expect(caipeEnvelope.decodeError("<html>Bad gateway</html>", 502, headers)).toEqual({
      message: "<html>Bad gateway</html>",
    });
    expect(caipeEnvelope.decodeError(null, 500, headers)).toEqual({ message: "HTTP 500" });
  });

  it("asks for the next page while has_more is true", () => {
    const page = (hasNext: boolean) => ({ pagination: { page: 2, hasNext } });
    expect(caipeEnvelope.nextPage!({ meta: page(true), data: null, query: { q: "x", page: 2 } })).toEqual({
      q: "x",
      page: 3,
    });
    expect(caipeEnvelope.nextPage!({ meta: page(false), data: null, query: { page: 2 } })).toBeUndefined();
    expect(caipeEnvelope.nextPage!({ meta: {}, data: null, query: {} })).toBeUndefined();
  });
});
