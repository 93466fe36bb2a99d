/**
 * @module
 * Scanning a project folder of a machine, beyond the document (see the SDK's `contract/project-scan.ts`): the scan
 * runs on the machine, by its connected agent (`agent/machine-questions.ts`); a machine without one is
 * `MACHINE_OFFLINE`, as the real server answers a machine whose agent is not there.
 */
import { Failure } from "../../../../core/failure.ts";
import { scanOnAgent } from "../../agent/machine-questions.ts";
import type { NestHandlers } from "../../handlers.ts";
import { ownMachine } from "../machines.ts";

/** The `projects.scan` handler. */
export const projectScan: Pick<NestHandlers<"projects">, "scan"> = {
  async scan({ caller, params, body }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    if (!services.agents.connected(machine.id)) {
      const message = "Machine is not online: its agent is not connected to scan the folder";
      throw new Failure("MACHINE_OFFLINE", message, { machine: [message] });
    }
    return scanOnAgent(services, machine.id, body.path);
  },
};
