/**
 * @module
 * §Project Endpoints: projects, their members and their tasks.
 *
 * Choices where the document is vague:
 * - Statuses are `active, completed, archived, on-hold`; a new project is `active`. Setting `completed` emits
 *   `project.completed`.
 * - A project is seen by its creator, its members and administrators (anybody else gets 404). Its creator, an
 *   administrator or a member with the role `project-manager` may change it, delete it and manage its members;
 *   other members get 403 `AUTHORIZATION_ERROR`.
 * - A member's `permissions` (default `tasks:read`, `tasks:write`) say what the member may do with the
 *   project's tasks: without `tasks:write` a member reads them but cannot change them.
 * - `teamMembers` at creation and `members` add users of the organization (others are a `VALIDATION_ERROR`, or
 *   404 for `members`); adding a member twice is 409 `CONFLICT_ERROR`. `agents` are agent ids of the organization.
 * - PUT changes the fields it names. DELETE answers 204 and keeps the project's tasks, detached from it.
 * - `progress` is the share of the project's tasks that are completed; `taskCount.active` counts `active` tasks and
 *   `taskCount.pending` the `pending` ones; `teamSize` counts members, `assignedAgents` the project's agents.
 * - The document's project list shows no pagination; it is paginated like the others (`page`, `limit`).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Nothing, PageQuery, PermissionSchema, Timestamp } from "./common.ts";
import { createProjectExample, entity, projectExample } from "./examples.ts";
import { PrioritySchema, type Task, TaskSchema, TaskStatusSchema } from "./tasks.ts";

/** The zod schema of {@link ProjectStatus}. */
export const ProjectStatusSchema = z.enum(["active", "completed", "archived", "on-hold"]);
/** Where a project is. */
export type ProjectStatus = z.output<typeof ProjectStatusSchema>;

/** The zod schema of {@link ProjectMember}. */
export const ProjectMemberSchema = z.object({
  userId: Id,
  role: z.string(),
  permissions: z.array(PermissionSchema),
  addedAt: Timestamp,
});
/** A member of a project. */
export interface ProjectMember extends z.output<typeof ProjectMemberSchema> {}

/** The zod schema of {@link Budget}. */
export const BudgetSchema = z.object({
  hours: z.number().min(0).max(10_000_000).optional(),
  cost: z.number().min(0).max(1e12).optional(),
});
/** What a project may spend. */
export interface Budget extends z.output<typeof BudgetSchema> {}

/** The zod schema of {@link Project}. */
export const ProjectSchema = entity(
  z.object({
    id: Id,
    name: z.string(),
    description: z.string(),
    status: ProjectStatusSchema,
    priority: PrioritySchema,
    startDate: Timestamp.nullable(),
    endDate: Timestamp.nullable(),
    progress: z.number(),
    taskCount: z.object({
      total: z.number().int(),
      completed: z.number().int(),
      active: z.number().int(),
      pending: z.number().int(),
    }),
    teamSize: z.number().int(),
    assignedAgents: z.number().int(),
    agents: z.array(z.string()),
    teamMembers: z.array(ProjectMemberSchema),
    budget: BudgetSchema.nullable(),
    tags: z.array(z.string()),
    createdBy: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
  { name: "Project", example: projectExample },
);
/** A project with its figures. */
export interface Project extends z.output<typeof ProjectSchema> {}

const MemberInput = z.object({
  userId: Id,
  role: z.string().trim().min(1).max(100),
  permissions: z.array(PermissionSchema).max(20).optional(),
});
const DateTime = z.iso.datetime({ offset: true });

/** The zod schema of {@link CreateProjectBody}. */
export const CreateProjectBodySchema = withExample(
  z.object({
    name: z.string().trim().min(1).max(300),
    description: z.string().max(50_000).optional(),
    status: ProjectStatusSchema.optional(),
    startDate: DateTime.optional(),
    endDate: DateTime.optional(),
    priority: PrioritySchema.optional(),
    budget: BudgetSchema.optional(),
    teamMembers: z.array(MemberInput).max(200).optional(),
    agents: z.array(Id).max(200).optional(),
    tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  }),
  createProjectExample,
);
/** A project to create. */
export interface CreateProjectBody extends z.output<typeof CreateProjectBodySchema> {}

/** The zod schema of {@link UpdateProjectBody}. */
export const UpdateProjectBodySchema = CreateProjectBodySchema.omit({ teamMembers: true }).partial().extend({
  startDate: DateTime.nullable().optional(),
  endDate: DateTime.nullable().optional(),
  budget: BudgetSchema.nullable().optional(),
});
/** The project fields to change. */
export interface UpdateProjectBody extends z.output<typeof UpdateProjectBodySchema> {}

/** The zod schema of {@link AddMemberBody}. */
export const AddMemberBodySchema = MemberInput;
/** A member to add. */
export interface AddMemberBody extends z.output<typeof AddMemberBodySchema> {}

/** The zod schema of {@link ListProjectsQuery}. */
export const ListProjectsQuerySchema = z.object({
  ...PageQuery,
  status: ProjectStatusSchema.optional(),
  search: z.string().max(500).optional(),
  memberId: Id.optional(),
});
/** Filters and page of a project list. */
export interface ListProjectsQuery extends z.output<typeof ListProjectsQuerySchema> {}

const ProjectParam = z.object({ projectId: Id });
const Item = named<Project>(ProjectSchema);

/** The project endpoints. */
export const projects = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/projects",
    section: "Project Endpoints",
    summary: "Retrieve list of projects",
    auth: "projects:read",
    query: named<ListProjectsQuery>(ListProjectsQuerySchema),
    response: named<Project[]>(z.array(ProjectSchema)),
    paginated: true,
  }),
  create: endpoint({
    method: "POST",
    path: "/api/v1/projects",
    section: "Project Endpoints",
    summary: "Create a new project",
    auth: "projects:write",
    body: named<CreateProjectBody>(CreateProjectBodySchema),
    response: Item,
    status: 201,
  }),
  get: endpoint({
    method: "GET",
    path: "/api/v1/projects/{projectId}",
    section: "Project Endpoints",
    summary: "Get project details",
    auth: "projects:read",
    params: ProjectParam,
    response: Item,
    errors: ["NOT_FOUND"],
  }),
  update: endpoint({
    method: "PUT",
    path: "/api/v1/projects/{projectId}",
    section: "Project Endpoints",
    summary: "Update project",
    auth: "projects:write",
    params: ProjectParam,
    body: named<UpdateProjectBody>(UpdateProjectBodySchema),
    response: Item,
    errors: ["NOT_FOUND", "AUTHORIZATION_ERROR"],
  }),
  delete: endpoint({
    method: "DELETE",
    path: "/api/v1/projects/{projectId}",
    section: "Project Endpoints",
    summary: "Delete project",
    auth: "projects:write",
    params: ProjectParam,
    response: Nothing,
    status: 204,
    errors: ["NOT_FOUND", "AUTHORIZATION_ERROR"],
  }),
  tasks: endpoint({
    method: "GET",
    path: "/api/v1/projects/{projectId}/tasks",
    section: "Project Endpoints",
    summary: "Get project tasks",
    auth: "projects:read",
    params: ProjectParam,
    query: z.object({ ...PageQuery, status: TaskStatusSchema.optional() }),
    response: named<Task[]>(z.array(TaskSchema)),
    paginated: true,
    errors: ["NOT_FOUND"],
  }),
  addMember: endpoint({
    method: "POST",
    path: "/api/v1/projects/{projectId}/members",
    section: "Project Endpoints",
    summary: "Add team member to project",
    auth: "projects:write",
    params: ProjectParam,
    body: named<AddMemberBody>(AddMemberBodySchema),
    response: named<ProjectMember>(ProjectMemberSchema),
    status: 201,
    errors: ["NOT_FOUND", "CONFLICT_ERROR", "AUTHORIZATION_ERROR"],
  }),
  removeMember: endpoint({
    method: "DELETE",
    path: "/api/v1/projects/{projectId}/members/{userId}",
    section: "Project Endpoints",
    summary: "Remove team member from project",
    auth: "projects:write",
    params: z.object({ projectId: Id, userId: Id }),
    response: Nothing,
    status: 204,
    errors: ["NOT_FOUND", "AUTHORIZATION_ERROR"],
  }),
};
