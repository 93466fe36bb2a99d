/**
 * @module
 * Builders of the backend's neutral records for model tests.
 */
import type { TaskItem } from "../../src/backend/types.ts";

export function task(id: string, overrides: Partial<TaskItem> = {}): TaskItem {
  return {
    id,
    projectId: "p1",
    title: `Task ${id}`,
    description: null,
    status: "pending",
    priority: "medium",
    assignee: null,
    blocked: false,
    files: [],
    ...overrides,
  };
}
