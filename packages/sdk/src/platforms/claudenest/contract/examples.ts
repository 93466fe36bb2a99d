/**
 * @module
 * The values ClaudeNest's document (seed 001) shows in its sample answers, as examples of the contract's named
 * entities in the OpenAPI document (its requests are in `request-examples.ts`). Where the document writes a
 * placeholder (`"uuid"`, `"https://..."`) or leaves a field out, a value of the same kind stands in, so that every
 * example parses with its schema (`contract/entity.test.ts` checks).
 */
import { entityNamer } from "../../../contract/entity.ts";
import { addChunkExample, TASK_ID } from "./request-examples.ts";

/** Names a ClaudeNest entity: the component `claudenest.<name>`. */
export const entity = entityNamer("claudenest");

const USER_ID = "3f0c8a52-6b1e-4d7a-9c2f-5e8b1a4d7c30";
const MACHINE_ID = "9b2f6c1e-4a7d-4e0b-8c3a-1f5d2e7a9b10";
const PROJECT_ID = "c41d7e2a-0b3f-4c6d-8e9a-2b5f7d1c3e60";
/** §2.5 */
export const userExample = {
  id: USER_ID,
  email: "user@example.com",
  name: "John Doe",
  avatar_url: "https://avatars.example.com/u/john-doe.png",
  email_verified_at: "2026-01-01T00:00:00Z",
};
/** §2.6 List Tokens */
export const tokenExample = {
  id: "7a3e9c1d-2f4b-4d8e-a6c0-9b1f3e5d7c28",
  name: "API Access Token",
  abilities: ["*"],
  last_used_at: "2026-02-02T10:00:00Z",
  expires_at: "2026-03-04T12:00:00Z",
  is_active: true,
  created_at: "2026-02-02T12:00:00Z",
};
/** §4.1 */
export const machineExample = {
  id: MACHINE_ID,
  name: "MacBook Pro",
  display_name: "MacBook Pro",
  platform: "darwin",
  hostname: "macbook.local",
  arch: "arm64",
  status: "online" as const,
  active_sessions_count: 2,
  max_sessions: 10,
  capabilities: ["wake_on_lan", "gpu"],
  last_seen_at: "2026-02-02T11:59:00Z",
  connected_at: "2026-02-02T09:00:00Z",
  created_at: "2026-01-15T08:30:00Z",
};
/** §5.1 */
export const sessionExample = {
  id: "e2b7d9f1-3c5a-4e8b-b1d6-7f9a2c4e6b83",
  machine_id: MACHINE_ID,
  mode: "interactive" as const,
  project_path: "/home/user/project",
  initial_prompt: "Refactor the auth module",
  status: "running" as const,
  is_running: true,
  is_completed: false,
  status_message: null,
  pid: 48213,
  exit_code: null,
  pty_size: { cols: 120, rows: 40 },
  total_tokens: 15000,
  total_cost: 0.45,
  started_at: "2026-02-02T10:00:00Z",
  completed_at: null,
  duration: 3600,
  formatted_duration: "1h 0m",
  created_at: "2026-02-02T10:00:00Z",
  updated_at: "2026-02-02T11:00:00Z",
};
/** §5.5 */
export const sessionLogExample = {
  id: "0d4f8b2e-6a1c-4e3d-9f7b-5c2a8e1d4b96",
  type: "output" as const,
  data: "file.txt\n",
  metadata: {},
  created_at: "2026-02-02T10:00:01Z",
};
/** §6.1 */
export const projectExample = {
  id: PROJECT_ID,
  machine_id: MACHINE_ID,
  name: "My Project",
  project_path: "/home/user/project",
  summary: "A web application...",
  token_usage_percent: 45.5,
  active_instances_count: 3,
  pending_tasks_count: 5,
  created_at: "2026-01-01T00:00:00Z",
};
/** §7.1 */
export const taskExample = {
  id: TASK_ID,
  project_id: PROJECT_ID,
  title: "Implement authentication",
  description: "Add JWT-based auth",
  priority: "high" as const,
  status: "in_progress" as const,
  assigned_to: "instance_1",
  is_claimed: true,
  is_completed: false,
  is_blocked: false,
  blocked_by: null,
  files: ["auth.php", "User.php"],
  dependencies: [],
  estimated_tokens: 2000,
  claimed_at: "2026-02-02T09:30:00Z",
  completed_at: null,
  completion_summary: null,
  files_modified: null,
  created_at: "2026-02-02T09:00:00Z",
  updated_at: "2026-02-02T09:30:00Z",
};
/** §8.6 */
export const contextChunkExample = {
  id: "a9c3e5f7-1b2d-4a6c-8e0f-4d6b8a2c1e53",
  ...addChunkExample,
  created_at: "2026-02-02T10:15:00Z",
};
/** §9.1 */
export const lockExample = {
  path: "src/auth.php",
  locked_by: "instance_1",
  reason: "Refactoring authentication",
  locked_at: "2026-02-02T10:00:00Z",
  expires_at: "2026-02-02T10:30:00Z",
  remaining_seconds: 1500,
};
/** §10.1 */
export const skillExample = {
  id: "f1e3d5c7-9b2a-4c4e-8d6f-1a3c5e7b9d02",
  path: "debugging",
  name: "Debugging",
  display_name: "Debugging",
  description: "Advanced debugging techniques",
  enabled: true,
  priority: 10,
  size_bytes: 15234,
  last_modified: "2026-02-01T00:00:00Z",
};
/** §11.1 */
export const mcpServerExample = {
  id: "b6d8f0a2-4c1e-4b3d-a5f7-8e0c2a4b6d19",
  name: "filesystem",
  display_name: "File System",
  status: "running" as const,
  transport: "stdio" as const,
  command: "npx",
  args: ["@modelcontextprotocol/server-filesystem", "/path"],
  env_keys: [],
  auto_start: true,
  tools_count: 5,
  last_started_at: "2026-02-02T09:00:00Z",
  last_error: null,
  created_at: "2026-02-01T12:00:00Z",
};
/** §11.7 */
export const mcpToolExample = {
  name: "read_file",
  description: "Read contents of a file",
  parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
};
/** §12.1 */
export const commandExample = {
  id: "d2f4a6c8-0e1b-4d3f-b5a7-9c1e3f5a7b64",
  name: "php artisan migrate",
  type: "artisan",
  description: "Run database migrations",
  command: "php artisan migrate",
  category: "database",
  is_dangerous: false,
  arguments: [],
  options: ["--force"],
  display_name: "php artisan migrate",
  signature: "php artisan migrate [--force]",
  parameters: [],
  aliases: [],
  examples: [],
  skill_path: null,
  created_at: "2026-02-10T09:00:00Z",
};
