/**
 * @module
 * `GET /skills/bootstrap` (markdown) and `GET /skills/install.sh` (a bash script): text answers, with the base URL
 * the request reached baked in.
 */
import { bootstrapMarkdown } from "../gateway/bootstrap.ts";
import { installScript } from "../gateway/installer.ts";
import type { CaipeHandlers } from "./types.ts";

const NO_STORE = { "cache-control": "no-store" };

/** The `gateway` handlers: text answers. */
export const gateway: CaipeHandlers<"gateway"> = {
  bootstrap({ query }, { baseUrl }) {
    const text = bootstrapMarkdown({
      baseUrl,
      agent: query.agent ?? "claude",
      commandName: query.command_name ?? "skills",
    });
    return new Response(text, { headers: { "content-type": "text/markdown; charset=utf-8", ...NO_STORE } });
  },

  installScript({ query }, { baseUrl }) {
    const agent = query.agent ?? "claude";
    const scope = query.scope ?? "user";
    const text = installScript({
      baseUrl,
      agent,
      scope,
      commandName: query.command_name ?? "skills",
      bulk: query.bulk === "true",
    });
    return new Response(text, {
      headers: {
        "content-type": "text/x-shellscript; charset=utf-8",
        "content-disposition": `attachment; filename=install-skills-${agent}-${scope}.sh`,
        ...NO_STORE,
      },
    });
  },
};
