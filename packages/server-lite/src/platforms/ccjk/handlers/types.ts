/**
 * @module
 * The handler table type of one CCJK resource, and the paging helper every list shares.
 */
import type { CCJKCloudContract } from "@agentlane/sdk/ccjk/contract";
import type { Page } from "@agentlane/sdk/contract";
import type { Handlers } from "../../../core/platform.ts";
import type { CCJKCaller, CCJKCommonCode } from "../caller.ts";
import type { CCJKServices } from "../services.ts";

/** The handlers of one resource, typed by the contract. */
export type CCJKHandlers<R extends keyof CCJKCloudContract> = Handlers<
  CCJKCloudContract,
  CCJKServices,
  CCJKCaller,
  CCJKCommonCode
>[R];

/** One page of a list already filtered and sorted in memory (`limit` 20 by default, as §5 documents). */
export function pageOf<T>(
  items: readonly T[],
  query: { page?: number | undefined; limit?: number | undefined },
): Page<T> {
  const page = query.page ?? 1;
  const perPage = query.limit ?? 20;
  return { items: items.slice((page - 1) * perPage, page * perPage), page, perPage, total: items.length };
}

/** Whether `text` contains `term`, ignoring case. */
export function includesFolded(text: string, term: string): boolean {
  return text.toLocaleLowerCase().includes(term.toLocaleLowerCase());
}
