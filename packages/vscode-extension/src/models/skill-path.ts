/**
 * @module
 * The skill path "Create skill from file" proposes: the file's name without its extension, in the characters
 * a skill path allows (`Code Review.md` → `code-review`).
 */
export function skillPathFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return (
    base
      .replace(/\.[^.]+$/, "")
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[-.]+|-+$/g, "") || "skill"
  );
}
