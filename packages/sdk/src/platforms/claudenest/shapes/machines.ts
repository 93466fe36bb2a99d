/**
 * @module
 * Machines as the SDK gives them: `display_name`, which ClaudeNest's own server sends
 * (`app/Http/Resources/MachineResource.php`) and its web UI shows, is the machine's `name` where a server leaves
 * it out.
 */
import { eachOf, type Fields, isFields, one, orElse } from "./fields.ts";

/** A machine with every key of the SDK's `Machine`. */
export function readMachine(machine: Fields): Fields {
  return {
    ...machine,
    display_name: orElse(machine.display_name, machine.name),
    capabilities: orElse(machine.capabilities, []),
    active_sessions_count: orElse(machine.active_sessions_count, 0),
  };
}

/** An answer that holds a machine under `machine` (`register`, `wake`). */
const withMachine = one((fields) =>
  isFields(fields.machine) ? { ...fields, machine: readMachine(fields.machine) } : fields,
);

/** The `machines` endpoints' shapers. */
export const machineShapers = {
  list: eachOf(readMachine),
  register: withMachine,
  get: one(readMachine),
  update: one(readMachine),
  wake: withMachine,
};
