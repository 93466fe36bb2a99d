/**
 * @module
 * Scanning a project folder of a machine, beyond the document (see the SDK's `contract/project-scan.ts`): a machine
 * whose agent is connected scans it there (`agent/machine-questions.ts`); for any other online machine server-lite
 * scans its own disk below the browse root, as it lists it (`host-folders.ts`), with the agent's scan
 * (`agent/folder-scan.ts`).
 */
import { Failure } from "../../../../core/failure.ts";
import { scanFolder } from "../../agent/folder-scan.ts";
import { projectScanOf, scanOnAgent } from "../../agent/machine-questions.ts";
import type { NestHandlers } from "../../handlers.ts";
import { ownMachine } from "../machines.ts";
import { diskReader, folderAt, rootOf } from "./host-folders.ts";

/** The `projects.scan` handler. */
export const projectScan: Pick<NestHandlers<"projects">, "scan"> = {
  async scan({ caller, params, body }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    if (services.agents.connected(machine.id)) return scanOnAgent(services, machine.id, body.path);
    if (services.machineStatus(machine) !== "online") {
      const message = "Machine is not online";
      throw new Failure("MACHINE_OFFLINE", message, { machine: [message] });
    }
    const root = await rootOf(services, "SCAN_ERROR");
    const folder = await folderAt(root, body.path, "SCAN_ERROR");
    const found = await scanFolder(diskReader(root), folder);
    if (!found) throw new Failure("SCAN_ERROR", `The folder cannot be read: ${body.path}`, { path: ["unreadable"] });
    return projectScanOf(found);
  },
};
