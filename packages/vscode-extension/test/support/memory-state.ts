/**
 * @module
 * Test support: a profile state kept in a Map, standing in for VS Code's `globalState`.
 */
import type { KeyValueState } from "../../src/backend/types.ts";

/** A state whose values are copied in and out as JSON, like a Memento's. */
export function memoryState(): KeyValueState & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: <T>(key: string) => {
      const raw = values.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    update: async (key, value) => void values.set(key, JSON.stringify(value)),
  };
}
