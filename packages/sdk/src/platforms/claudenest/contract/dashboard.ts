/**
 * @module
 * The dashboard's figures, beyond the document: ClaudeNest's own server answers them at `GET /dashboard/stats`
 * (`app/Http/Controllers/Api/DashboardController.php`) and its web UI's dashboard reads them
 * (`resources/js/services/dashboard.ts`). Every figure is the caller's own, computed from the store when asked:
 * - `sessions.active` counts running and starting sessions, `total_today` those created since midnight (UTC);
 *   `projects.active` the projects with an instance seen in the last 10 minutes; `tasks.done_today` the tasks
 *   completed since midnight; `locks.active` the unexpired locks; `activity_24h` the activity of the last 24 hours.
 * - `sparklines` are 7 daily counts, oldest first, ending today: activity, sessions created and their tokens.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";

const Count = z.number().int().min(0);

/** The zod schema of {@link DashboardStats}. */
export const DashboardStatsSchema = z.object({
  machines: z.object({ total: Count, online: Count }),
  sessions: z.object({ active: Count, total_today: Count }),
  projects: z.object({ total: Count, active: Count }),
  tasks: z.object({ pending: Count, in_progress: Count, done_today: Count }),
  tokens: z.object({ total: Count, today: Count }),
  cost: z.object({ total: z.number(), today: z.number() }),
  locks: z.object({ active: Count }),
  context_chunks: z.object({ total: Count }),
  activity_24h: Count,
  sparklines: z.object({ activity_7d: z.array(Count), sessions_7d: z.array(Count), tokens_7d: z.array(Count) }),
});
/** The caller's figures across machines, sessions, projects, tasks, locks and context. */
export interface DashboardStats extends z.output<typeof DashboardStatsSchema> {}

const stats = endpoint({
  method: "GET",
  path: "/dashboard/stats",
  summary: "The caller's dashboard figures",
  auth: "user",
  response: named<DashboardStats>(DashboardStatsSchema),
  beyondDocument: "ClaudeNest's own server, DashboardController::stats (its web UI's dashboard)",
});

/** The dashboard endpoints. */
export const dashboard = { stats };
