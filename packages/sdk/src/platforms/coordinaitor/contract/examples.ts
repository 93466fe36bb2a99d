/**
 * @module
 * The values CoordinAItor's document (seed 002) shows in its sample answers and requests, as examples of the
 * contract's named entities and request bodies in the OpenAPI document. Fields a sample leaves out get a value
 * of the same kind, so every example parses with its schema (`contract/entity.test.ts` checks).
 */
import { entityNamer } from "../../../contract/entity.ts";

/** Names a CoordinAItor entity: the component `coordinaitor.<name>`. */
export const entity = entityNamer("coordinaitor");

/** Tasks: List Tasks, an item. */
export const taskExample = {
  id: "task-123",
  title: "Implement user authentication",
  description: "Add JWT-based authentication to the application",
  status: "active" as const,
  priority: "high" as const,
  projectId: "proj-456",
  agentId: "agent-789",
  tags: ["authentication", "security"],
  estimatedHours: 8,
  actualHours: 3.5,
  progress: 0.4,
  dueDate: "2024-02-15T00:00:00Z",
  createdAt: "2024-01-15T10:30:00Z",
  updatedAt: "2024-01-16T14:20:00Z",
  completedAt: null,
  createdBy: "user-123",
  requirements: [],
  acceptanceCriteria: [],
  assignedAgent: { id: "agent-789", name: "Senior Developer Bot", type: "coding" },
  project: { id: "proj-456", name: "E-commerce Platform" },
};

/** Tasks: Create Task, the request. */
export const createTaskExample = {
  title: "Build user dashboard",
  description: "Create a comprehensive user dashboard with analytics and controls",
  priority: "medium" as const,
  projectId: "proj-123",
  agentId: "agent-456",
  tags: ["frontend", "dashboard", "analytics"],
  estimatedHours: 12,
  dueDate: "2024-02-20T00:00:00Z",
  requirements: ["Responsive design", "Real-time data updates", "Export functionality"],
  acceptanceCriteria: [
    "Dashboard loads within 2 seconds",
    "All data is real-time",
    "Export works for all data formats",
  ],
};

/** Agents: List Agents, an item. */
export const agentExample = {
  id: "agent-123",
  name: "Senior React Developer",
  type: "coding" as const,
  status: "available" as const,
  enabled: true,
  disabledReason: null,
  model: "gpt-4",
  provider: "openai",
  capabilities: ["react", "typescript", "nodejs", "testing"],
  specializations: ["frontend", "performance-optimization"],
  maxConcurrentTasks: 3,
  currentTasks: 1,
  averageResponseTime: 45.2,
  successRate: 0.94,
  totalTasksCompleted: 127,
  createdAt: "2024-01-01T00:00:00Z",
  lastActiveAt: "2024-01-16T14:30:00Z",
  workingHours: { timezone: "UTC", start: "09:00", end: "17:00" },
  configuration: {},
  createdBy: "user-123",
};

/** Projects: List Projects, an item. */
export const projectExample = {
  id: "proj-123",
  name: "E-commerce Platform",
  description: "Full-featured e-commerce platform with admin panel",
  status: "active" as const,
  priority: "high" as const,
  startDate: "2024-01-01T00:00:00Z",
  endDate: "2024-03-31T23:59:59Z",
  progress: 0.65,
  taskCount: { total: 45, completed: 29, active: 8, pending: 8 },
  teamSize: 6,
  assignedAgents: 4,
  agents: ["agent-123", "agent-456"],
  teamMembers: [
    {
      userId: "user-123",
      role: "project-manager",
      permissions: ["projects:read" as const, "projects:write" as const],
      addedAt: "2024-01-01T00:00:00Z",
    },
  ],
  budget: { hours: 500, cost: 75000 },
  tags: ["ecommerce"],
  createdBy: "user-123",
  createdAt: "2024-01-01T00:00:00Z",
  updatedAt: "2024-01-16T10:00:00Z",
};

/** Projects: Create Project, the request. */
export const createProjectExample = {
  name: "Mobile Application",
  description: "Cross-platform mobile app for iOS and Android",
  startDate: "2024-02-01T00:00:00Z",
  endDate: "2024-06-30T23:59:59Z",
  priority: "medium" as const,
  budget: { hours: 500, cost: 75000 },
  teamMembers: [
    { userId: "user-123", role: "project-manager" },
    { userId: "user-456", role: "developer" },
  ],
  agents: ["agent-123", "agent-456"],
  tags: ["mobile", "react-native", "ios", "android"],
};

/** Users: Get Current User. */
export const userExample = {
  id: "user-123",
  email: "john.doe@example.com",
  name: "John Doe",
  role: "developer" as const,
  organizationId: "org-456",
  avatar: "https://example.com/avatars/user-123.jpg",
  createdAt: "2024-01-01T00:00:00Z",
  lastLoginAt: "2024-01-16T09:00:00Z",
};

const WEBHOOK_EVENTS = [
  "task.created" as const,
  "task.completed" as const,
  "task.failed" as const,
  "agent.status_changed" as const,
];

/** Webhooks: Create Webhook, the request. */
export const createWebhookExample = {
  url: "https://your-app.com/webhook/orchestrator",
  events: WEBHOOK_EVENTS,
  secret: "your-webhook-secret",
  active: true,
  headers: { "User-Agent": "Orchestrator-Webhook/1.0" },
};

/** Webhooks: a subscription as the creation answers it. */
export const webhookExample = {
  id: "webhook-123",
  ...createWebhookExample,
  createdAt: "2024-01-15T10:30:00Z",
  updatedAt: "2024-01-15T10:30:00Z",
};

/** Agents: Create Agent, the request. */
export const createAgentExample = {
  name: "Full Stack Developer Bot",
  type: "coding" as const,
  model: "gpt-4",
  provider: "openai",
  capabilities: ["react", "nodejs", "python", "postgresql", "aws"],
  specializations: ["full-stack", "microservices", "devops"],
  maxConcurrentTasks: 2,
  workingHours: {
    timezone: "America/New_York",
    start: "09:00",
    end: "17:00",
    days: ["monday" as const, "tuesday" as const, "wednesday" as const, "thursday" as const, "friday" as const],
  },
  configuration: {
    temperature: 0.7,
    maxTokens: 4000,
    codeStyle: "clean-code",
    testingFramework: "jest",
    documentationLevel: "comprehensive",
  },
};
