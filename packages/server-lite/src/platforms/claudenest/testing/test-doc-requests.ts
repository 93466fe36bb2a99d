/**
 * @module
 * Request bodies exactly as seed document 001 shows them, shared by the tests that send them.
 */
import {
  type BulkRegisterCommandsBody,
  type RegisterCommandBody,
  type RegisterMachineBody,
  RegisterMachineBodySchema,
} from "@agentlane/sdk/claudenest/contract";
import { exampleOf } from "@agentlane/sdk/contract";

/** §4.2: registering a machine, as the contract's example of the body (the document's). */
export const macbook = exampleOf(RegisterMachineBodySchema) as RegisterMachineBody;

/** §12.3 / §12.4: a discovered command with options. */
export const migrate: RegisterCommandBody = {
  name: "php artisan migrate",
  type: "artisan",
  description: "Run database migrations",
  command: "php artisan migrate",
  category: "database",
  is_dangerous: false,
  arguments: [],
  options: ["--force", "--seed", "--step"],
};

/** §12.5: registering several commands at once. */
export const npmScripts: BulkRegisterCommandsBody = {
  commands: [
    {
      name: "npm run dev",
      type: "npm",
      description: "Start development server",
      command: "npm run dev",
      category: "development",
      is_dangerous: false,
    },
    {
      name: "npm run build",
      type: "npm",
      description: "Build production assets",
      command: "npm run build",
      category: "build",
      is_dangerous: false,
    },
  ],
};
