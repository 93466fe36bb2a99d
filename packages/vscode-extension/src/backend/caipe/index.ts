/**
 * @module
 * The CAIPE adapter: the merged skill catalog in the Skills view, one group per source, each skill with its scan
 * status and, when the quarantine policy keeps it from running, why. Persisted configs can be deleted; creating
 * one needs its tasks (prompts and sub-agents), which a file does not give, so it is left to CAIPE's own UI.
 * No tasks, no terminals. Sign-in with a bearer token (pasted). CAIPE has no live connection: the status follows
 * the requests.
 */
import { CaipeSkills } from "@agentlane/sdk/caipe";
import { tokenCredentials } from "../credentials.ts";
import { RequestStatus, requestBackend } from "../request-status.ts";
import type { Backend, Credentials, PlatformAdapter } from "../types.ts";
import { CaipeCatalog } from "./catalog.ts";

/** What tests change: the HTTP `fetch`. */
export interface CaipeAdapterOptions {
  fetch?: typeof fetch;
}

/**
 * The CAIPE adapter.
 * @example const backend = await caipeAdapter().connect("https://caipe.example.com/api", { token });
 */
export function caipeAdapter(options: CaipeAdapterOptions = {}): PlatformAdapter {
  return {
    id: "caipe",
    label: "CAIPE Skills",
    signInMethods: ["token"],

    async connect(baseUrl: string, given: Credentials): Promise<Backend> {
      const { token } = tokenCredentials(given, "CAIPE");
      const caipe = new CaipeSkills({ baseUrl, token, ...(options.fetch ? { fetch: options.fetch } : {}) });
      // The configs need a signed-in user: 401 UNAUTHORIZED before any view shows.
      await caipe.configs.list();
      const status = new RequestStatus();
      return requestBackend("caipe", { skills: new CaipeCatalog(caipe, status) }, status);
    },
  };
}
