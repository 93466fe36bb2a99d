import { describe, expect, it } from "vitest";
import type { SkillItem } from "../backend/types.ts";
import { presentSkill } from "./skill-presentation.ts";

const skill = (extra: Partial<SkillItem> = {}): SkillItem => ({
  groupId: "g",
  path: "incident-report",
  name: "Incident report",
  description: "Writes the postmortem",
  enabled: true,
  ...extra,
});

describe("presentSkill", () => {
  it("shows a priority and the path only where the platform has them", () => {
    expect(presentSkill(skill({ priority: 3 })).description).toBe("incident-report · priority 3");
    expect(presentSkill(skill({ path: "Incident report", version: "1.2.0" })).description).toBe("v1.2.0");
  });

  it("shows the scan status in the description, icon and tooltip", () => {
    const passed = presentSkill(skill({ scan: { status: "passed" } }));
    expect(passed).toMatchObject({ icon: "verified", description: "incident-report · scan passed" });
    const flagged = presentSkill(skill({ scan: { status: "flagged", summary: "secret: AWS key" } }));
    expect(flagged).toMatchObject({ icon: "warning", iconColor: "problemsWarningIcon.foreground" });
    expect(flagged.tooltip).toContain("Scan: flagged by scan (secret: AWS key)");
    expect(presentSkill(skill({ scan: { status: "unscanned" } })).description).toContain("not scanned");
  });

  it("marks a quarantined skill above its scan and enabled state", () => {
    const look = presentSkill(skill({ scan: { status: "flagged" }, blockedReason: "scan_flagged", enabled: false }));
    expect(look).toMatchObject({ icon: "shield", iconColor: "errorForeground", contextValue: "skill:disabled" });
    expect(look.description).toBe("incident-report · flagged by scan · quarantined (scan flagged) · disabled");
    expect(look.tooltip).toContain("Quarantined: the platform does not run it (scan_flagged)");
  });

  it("gives read-only skills a context value of their own, so no change is offered on them", () => {
    expect(presentSkill(skill({ readOnly: true })).contextValue).toBe("skill:readonly");
    expect(presentSkill(skill({ enabled: false })).contextValue).toBe("skill:disabled");
  });
});
