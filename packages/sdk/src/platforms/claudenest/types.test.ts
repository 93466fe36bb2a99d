/**
 * The public types a ClaudeNest user writes against, checked by the typecheck (`expectTypeOf` does nothing at run
 * time, and nothing here calls the API): method inputs and outputs of each resource, optional inputs, pages,
 * `withResponse()`, helpers and errors.
 */
import {
  type AgentlaneError,
  type APIError,
  type APIPromise,
  type APIResponse,
  ClaudeNest,
  type ConflictError,
  type ContractClient,
  type GoneError,
  isAPIError,
  type PagePromise,
  type Pagination,
  type RequestOptions,
  type ResponseMeta,
} from "@agentlane/sdk";
import type {
  Activity,
  AgentClaimBody,
  AuthSession,
  BulkLockResult,
  ClaimTaskBody,
  ClaudeNestContract,
  ClaudeNestErrorCode,
  CommandExecution,
  ContextQueryResult,
  DiscoveredCommand,
  Environment,
  Lock,
  LockStatus,
  Machine,
  MachineRegistration,
  McpServer,
  McpTool,
  PairingStatus,
  PairingTicket,
  Project,
  ProjectDetail,
  Session,
  SessionLog,
  SessionTerminal,
  Skill,
  SkillSummary,
  Task,
  TaskAction,
  TaskWatcher,
  Token,
  ToolResult,
  User,
  WakeResult,
  WorkResult,
} from "@agentlane/sdk/claudenest";
import { describe, expectTypeOf, it } from "vitest";

const nest = new ClaudeNest({ baseUrl: "http://localhost:8000/api", token: "cn_demo" });

describe("ClaudeNest method types", () => {
  it("auth", () => {
    expectTypeOf(nest.auth.login)
      .parameter(0)
      .toEqualTypeOf<{ email: string; password: string; remember?: boolean | undefined }>();
    expectTypeOf(nest.auth.login).returns.toEqualTypeOf<APIPromise<AuthSession>>();
    expectTypeOf<AuthSession>().toEqualTypeOf<{ user: User; token: string; expires_at: string | null }>();
    expectTypeOf(nest.auth.me).returns.resolves.toEqualTypeOf<{ user: User }>();
    expectTypeOf<User["email_verified_at"]>().toEqualTypeOf<string | null>();
    expectTypeOf(nest.auth.listTokens).returns.resolves.toEqualTypeOf<Token[]>();
    expectTypeOf(nest.auth.logout).returns.resolves.toEqualTypeOf<null>();
    // Methods whose inputs are all optional, or that have none, take no argument.
    expectTypeOf(nest.auth.me).toBeCallableWith();
    expectTypeOf(nest.health.check).toBeCallableWith();
  });

  it("pairing", () => {
    expectTypeOf(nest.pairing.initiate).returns.resolves.toEqualTypeOf<PairingTicket>();
    expectTypeOf(nest.pairing.status).parameter(0).toEqualTypeOf<{ code: string }>();
    expectTypeOf(nest.pairing.status).returns.resolves.toEqualTypeOf<PairingStatus>();
    // The completed status narrows to the machine's token.
    const status = {} as PairingStatus;
    if (status.status === "completed") expectTypeOf(status.machine).toEqualTypeOf<{ id: string; token: string }>();
    expectTypeOf(nest.pairing.complete).toBeCallableWith({ code: "ABC-123" });
    expectTypeOf(nest.pairMachine).returns.resolves.toEqualTypeOf<{ id: string; token: string }>();
  });

  it("machines", () => {
    expectTypeOf(nest.machines.list).toBeCallableWith();
    expectTypeOf(nest.machines.list).toBeCallableWith({ search: "mac", status: "online", per_page: 15 });
    expectTypeOf(nest.machines.list).returns.toEqualTypeOf<PagePromise<Machine>>();
    expectTypeOf<ReturnType<typeof nest.machines.list>>().resolves.toEqualTypeOf<Machine[]>();
    expectTypeOf<Machine["status"]>().toEqualTypeOf<"online" | "offline" | "connecting">();
    expectTypeOf(nest.machines.get).parameter(0).toEqualTypeOf<{ id: string }>();
    expectTypeOf(nest.machines.register).returns.resolves.toEqualTypeOf<MachineRegistration>();
    expectTypeOf<MachineRegistration>().toEqualTypeOf<{ machine: Machine; token: string }>();
    expectTypeOf(nest.machines.environment).returns.resolves.toEqualTypeOf<Environment>();
    expectTypeOf(nest.machines.wake).returns.resolves.toEqualTypeOf<WakeResult>();
    expectTypeOf<WakeResult>().toEqualTypeOf<{ message: string; machine: Machine }>();
  });

  it("an unknown key in a filter is a type error", () => {
    // Never called: the typecheck fails when the misspelt key stops being an error.
    const typo = () =>
      // @ts-expect-error `statuz` is no query parameter of machines.list (`status` is)
      nest.machines.list({ statuz: "online" });
    expectTypeOf(typo).toBeFunction();
  });

  it("sessions", () => {
    expectTypeOf(nest.sessions.list).parameter(0).toHaveProperty("machine").toEqualTypeOf<string>();
    expectTypeOf(nest.sessions.list).returns.toEqualTypeOf<PagePromise<Session>>();
    expectTypeOf(nest.sessions.create).toBeCallableWith({ machine: "m", mode: "oneshot", initial_prompt: "ls" });
    expectTypeOf(nest.sessions.create).returns.resolves.toEqualTypeOf<{
      session: Session;
      websocket_token: string | null;
    }>();
    expectTypeOf(nest.sessions.logs).returns.resolves.toEqualTypeOf<SessionLog[]>();
    expectTypeOf(nest.sessions.attach).returns.toEqualTypeOf<SessionTerminal>();
    expectTypeOf(nest.sessions.attachToken).returns.resolves.toHaveProperty("websocket_token").toBeString();
  });

  it("projects and context", () => {
    expectTypeOf(nest.projects.list).returns.resolves.toEqualTypeOf<Project[]>();
    expectTypeOf(nest.projects.create).returns.resolves.toEqualTypeOf<ProjectDetail>();
    expectTypeOf(nest.projects.activity).toBeCallableWith({ id: "p" });
    expectTypeOf(nest.projects.activity).returns.resolves.toEqualTypeOf<Activity[]>();
    expectTypeOf(nest.context.query).toBeCallableWith({ project: "p", query: "auth" });
    expectTypeOf(nest.context.query).returns.resolves.toEqualTypeOf<ContextQueryResult>();
  });

  it("tasks", () => {
    // Inputs are path parameters & query & body, with the body's named type: hovers read `{ id: string } & ClaimTaskBody`.
    // The body is the document's or ClaudeNest's agent's: each merges with the parameters.
    expectTypeOf(nest.tasks.claim)
      .parameter(0)
      .toEqualTypeOf<({ id: string } & ClaimTaskBody) | ({ id: string } & AgentClaimBody)>();
    expectTypeOf(nest.tasks.claim).toBeCallableWith({ id: "t", instance_id: "instance_1" });
    expectTypeOf(nest.tasks.claim).toBeCallableWith({ id: "t", assigned_to: "machine_1" });
    // @ts-expect-error instance_id is required to claim
    expectTypeOf(nest.tasks.claim).toBeCallableWith({ id: "t" });
    expectTypeOf(nest.tasks.claim).returns.toEqualTypeOf<APIPromise<TaskAction>>();
    expectTypeOf<TaskAction>().toEqualTypeOf<{ task: Task; message: string }>();
    // §7.8 and §7.9 show no instance_id: it is optional.
    expectTypeOf(nest.tasks.release).toBeCallableWith({ id: "t", reason: "Blocked by dependency" });
    expectTypeOf(nest.tasks.complete).toBeCallableWith({ id: "t", summary: "Done" });
    expectTypeOf(nest.tasks.list).returns.toEqualTypeOf<PagePromise<Task>>();
    expectTypeOf(nest.tasks.nextAvailable).returns.resolves.toEqualTypeOf<Task | null>();
    expectTypeOf<Task["priority"]>().toEqualTypeOf<"low" | "medium" | "high" | "critical">();
    // The document's three, and ClaudeNest's own server's (`app/Models/SharedTask.php`).
    expectTypeOf<Task["status"]>().toEqualTypeOf<
      "pending" | "in_progress" | "completed" | "blocked" | "review" | "done"
    >();
    expectTypeOf(nest.tasks.watch).returns.toEqualTypeOf<TaskWatcher>();
    expectTypeOf(nest.tasks.work).returns.resolves.toEqualTypeOf<WorkResult>();
  });

  it("locks", () => {
    expectTypeOf(nest.locks.list).returns.resolves.toEqualTypeOf<Lock[]>();
    expectTypeOf(nest.locks.acquire).toBeCallableWith({ project: "p", path: "src/a.ts", instance_id: "i1" });
    expectTypeOf(nest.locks.check).returns.resolves.toEqualTypeOf<LockStatus>();
    expectTypeOf(nest.locks.bulk).returns.resolves.toEqualTypeOf<BulkLockResult>();
  });

  it("skills, MCP and commands", () => {
    expectTypeOf(nest.skills.list).returns.resolves.toEqualTypeOf<SkillSummary[]>();
    expectTypeOf(nest.skills.get).parameter(0).toEqualTypeOf<{ machine: string; path: string }>();
    expectTypeOf(nest.skills.get).returns.resolves.toEqualTypeOf<Skill>();
    expectTypeOf(nest.skills.toggle).returns.resolves.toEqualTypeOf<{ path: string; enabled: boolean }>();
    expectTypeOf(nest.mcp.list).returns.resolves.toEqualTypeOf<McpServer[]>();
    expectTypeOf(nest.mcp.tools).returns.resolves.toEqualTypeOf<McpTool[]>();
    expectTypeOf(nest.mcp.execute).returns.resolves.toEqualTypeOf<ToolResult>();
    expectTypeOf(nest.commands.list).returns.toEqualTypeOf<PagePromise<DiscoveredCommand>>();
    expectTypeOf(nest.commands.search).parameter(0).toHaveProperty("q").toEqualTypeOf<string>();
    expectTypeOf(nest.commands.execute).returns.resolves.toEqualTypeOf<CommandExecution>();
    expectTypeOf(nest.commands.clear).returns.resolves.toEqualTypeOf<{ deleted: number }>();
  });

  it("every method takes per-call options as its second argument", () => {
    expectTypeOf(nest.tasks.get).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(nest.machines.list).toBeCallableWith(undefined, { timeout: 5000, retry: 0 });
  });
});

type IsAny<T> = 0 extends 1 & T ? true : false;
type IsLoose<T> = IsAny<T> extends true ? true : unknown extends T ? true : false;
type Client = ContractClient<ClaudeNestContract>;
/** `resource.method` of every method whose input or resolved output is `any` or `unknown`. */
type LooseMethods = {
  [R in keyof Client & string]: {
    [M in keyof Client[R] & string]: Client[R][M] extends (input: infer I, options?: RequestOptions) => infer O
      ? IsLoose<I> extends true
        ? `${R}.${M}`
        : IsLoose<Awaited<O>> extends true
          ? `${R}.${M}`
          : never
      : `${R}.${M}`;
  }[keyof Client[R] & string];
}[keyof Client & string];

it("no method takes or resolves to `any` or `unknown`", () => {
  expectTypeOf<LooseMethods>().toEqualTypeOf<never>();
  expectTypeOf<Client["tasks"]["claim"]>().toEqualTypeOf<ClaudeNest["tasks"]["claim"]>();
});

describe("responses, pages and errors", () => {
  it("withResponse() gives the data with status, headers and meta", () => {
    expectTypeOf<ReturnType<ReturnType<typeof nest.tasks.get>["withResponse"]>>().resolves.toEqualTypeOf<
      APIResponse<Task>
    >();
    expectTypeOf<APIResponse<Task>>().toEqualTypeOf<{
      data: Task;
      meta: ResponseMeta;
      status: number;
      headers: Headers;
      requestId: string | undefined;
    }>();
    expectTypeOf<ResponseMeta["pagination"]>().toEqualTypeOf<Pagination | undefined>();
  });

  it("a page is a promise of its items, an async iterable of every item, and iterates its pages", () => {
    type Page = ReturnType<typeof nest.machines.list>;
    expectTypeOf<Page>().toExtend<Promise<Machine[]>>();
    expectTypeOf<Page>().toExtend<AsyncIterable<Machine>>();
    expectTypeOf<Page["pages"]>().returns.toEqualTypeOf<AsyncGenerator<APIResponse<Machine[]>>>();
  });

  it("errors are classes with the response's status, code and field errors", () => {
    expectTypeOf<ConflictError>().toExtend<APIError>();
    expectTypeOf<GoneError>().toExtend<APIError>();
    expectTypeOf<APIError>().toExtend<AgentlaneError>();
    expectTypeOf<APIError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<APIError["code"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<APIError["fieldErrors"]>().toEqualTypeOf<Record<string, string[]> | undefined>();
    expectTypeOf(isAPIError).guards.toEqualTypeOf<APIError>();
    expectTypeOf<"TSK_002">().toExtend<ClaudeNestErrorCode>();
  });
});
