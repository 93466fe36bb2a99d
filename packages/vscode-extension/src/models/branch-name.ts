/**
 * @module
 * The git branch "start work" creates for a task: `task/<short id>-<title words>`.
 */
export function branchName(task: { id: string; title: string }): string {
  const words = task.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)
    .replace(/-$/, "");
  return `task/${task.id.slice(0, 8)}-${words || "work"}`;
}
