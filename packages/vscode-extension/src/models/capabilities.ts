/**
 * @module
 * What the connected backend offers, as the context keys the menus' and commands' `when` clauses read
 * (`agentlane.skills.canToggle`, ...). Plain data without `vscode`: the connection sets every key on each
 * (dis)connection, so a key of an operation the new backend lacks is turned off rather than left over.
 */
import type { Backend } from "../backend/types.ts";

/** Each context key, and how to read from a backend whether it offers that part or operation. */
const OFFERS = {
  "agentlane.offers.skills": (b) => b.skills !== undefined,
  "agentlane.offers.tasks": (b) => b.tasks !== undefined,
  "agentlane.offers.terminals": (b) => b.terminals !== undefined,
  "agentlane.offers.chats": (b) => b.chats !== undefined,
  "agentlane.skills.canToggle": (b) => typeof b.skills?.toggle === "function",
  "agentlane.skills.canSave": (b) => typeof b.skills?.save === "function",
  "agentlane.skills.canSetPriority": (b) =>
    typeof b.skills?.setPriority === "function" && b.skills.maxPriority !== undefined,
  "agentlane.skills.canRemove": (b) => typeof b.skills?.remove === "function",
  "agentlane.skills.canRescan": (b) => typeof b.skills?.rescan === "function",
  "agentlane.tasks.canClaim": (b) => typeof b.tasks?.claim === "function",
  "agentlane.tasks.canClaimNext": (b) =>
    typeof b.tasks?.claim === "function" && typeof b.tasks.nextAvailable === "function",
  "agentlane.tasks.canRelease": (b) => typeof b.tasks?.release === "function",
  "agentlane.tasks.canComplete": (b) => typeof b.tasks?.complete === "function",
  "agentlane.tasks.canCancel": (b) => typeof b.tasks?.cancel === "function",
} satisfies Record<string, (backend: Backend) => boolean>;

/** A context key this module sets. */
export type CapabilityKey = keyof typeof OFFERS;

/**
 * Every capability key with its value for this backend (all `false` when there is none).
 * @example for (const [key, on] of Object.entries(capabilities(backend))) setContext(key, on);
 */
export function capabilities(backend: Backend | undefined): Record<CapabilityKey, boolean> {
  const keys = Object.keys(OFFERS) as CapabilityKey[];
  return Object.fromEntries(keys.map((key) => [key, backend ? OFFERS[key](backend) : false])) as Record<
    CapabilityKey,
    boolean
  >;
}
