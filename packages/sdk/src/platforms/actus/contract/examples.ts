/**
 * @module
 * Examples of the Actus contract's named entities and requests in the OpenAPI document. The document (seed 003)
 * shows its models with type placeholders (`"string"`, `0`) and a few real values (the install requests'
 * `/path/to/skill` and GitHub tree URL); the examples fill the placeholders with values of that kind. Every
 * example parses with its schema (`contract/entity.test.ts` checks).
 */
import { entityNamer } from "../../../contract/entity.ts";

/** Names an Actus entity: the component `actus.<name>`. */
export const entity = entityNamer("actus");

/** `UserResponse`. */
export const userExample = {
  id: "0b6f3c2e-8d41-4a7e-9f15-2c7d9e4a1b38",
  username: "alice",
  email: "alice@example.com",
  nickname: "Alice",
  avatar: null,
  role: "user" as const,
  status: "active" as const,
  created_at: "2026-01-05T08:00:00Z",
};

/** `ListSessionResponse`: an item. */
export const sessionItemExample = {
  session_id: "8c1e2f4a6b7d",
  title: "Summarize the quarterly report",
  latest_message: "Here is the summary of the report.",
  latest_message_at: "2026-01-05T09:12:00Z",
  status: "completed" as const,
  unread_message_count: 0,
};

/** `FileInfo`. */
export const fileInfoExample = {
  id: "5d2a9e7c-1f3b-4c8d-a6e0-7b9c1d3f5a24",
  filename: "report.pdf",
  filepath: "/home/ubuntu/upload/report.pdf",
  key: "files/5d2a9e7c/report.pdf",
  extension: "pdf",
  mime_type: "application/pdf",
  size: 482133,
};

/** Skills v2: an installed skill. */
export const skillExample = {
  id: "3e7b1d9f-5a2c-4e6b-8d0f-1c3a5e7b9d46",
  slug: "my-skill",
  name: "My Skill",
  description: "Does one thing well.",
  version: "1.0.0",
  source_type: "github" as const,
  source_ref: "https://github.com/owner/repo/tree/main/skills/my-skill",
  runtime_type: "native" as const,
  enabled: true,
  installed_by: "0b6f3c2e-8d41-4a7e-9f15-2c7d9e4a1b38",
  created_at: "2026-01-05T08:30:00Z",
  updated_at: "2026-01-05T08:30:00Z",
  bundle_file_count: 3,
  context_ref_count: 1,
  last_sync_at: "2026-01-05T08:30:00Z",
};

/** Skills v2: the document's install request. */
export const installSkillExample = {
  source_type: "github" as const,
  source_ref: "https://github.com/owner/repo/tree/main/skills/my-skill",
};

/** App config: an MCP server. */
export const mcpServerExample = {
  server_name: "filesystem",
  enabled: true,
  transport: "stdio" as const,
  tools: ["read_file", "write_file"],
};
