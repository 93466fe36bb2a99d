/**
 * @module
 * How a skill looks in the Skills tree, from the neutral record: its path, priority and version where the
 * platform has them, the last scan (passed, flagged, not scanned) and a quarantine, which outrank the enabled
 * state in the icon. The context value (`skill:enabled`, `skill:disabled`, `skill:readonly`) drives the menus.
 */
import type { SkillItem, SkillScanStatus } from "../backend/types.ts";
import type { Presentation } from "./presentation.ts";

const SCAN_LABEL: Record<SkillScanStatus, string> = {
  passed: "scan passed",
  flagged: "flagged by scan",
  unscanned: "not scanned",
};

/** The icon and its color: quarantined, then flagged, then disabled, then a plain skill. */
function icon(skill: SkillItem): Pick<Presentation, "icon" | "iconColor"> {
  if (skill.blockedReason) return { icon: "shield", iconColor: "errorForeground" };
  if (skill.scan?.status === "flagged") return { icon: "warning", iconColor: "problemsWarningIcon.foreground" };
  if (!skill.enabled) return { icon: "circle-slash", iconColor: "disabledForeground" };
  return { icon: skill.scan?.status === "passed" ? "verified" : "book" };
}

/** The context value the menus read. */
export function skillContext(skill: SkillItem): string {
  if (skill.readOnly) return "skill:readonly";
  return skill.enabled ? "skill:enabled" : "skill:disabled";
}

/** A skill node's look. */
export function presentSkill(skill: SkillItem): Presentation {
  const quarantine = skill.blockedReason ? `quarantined (${skill.blockedReason.replaceAll("_", " ")})` : undefined;
  const description = [
    skill.path === skill.name ? undefined : skill.path,
    skill.version && `v${skill.version}`,
    skill.priority === undefined ? undefined : `priority ${skill.priority}`,
    skill.scan && SCAN_LABEL[skill.scan.status],
    quarantine,
    skill.enabled ? undefined : "disabled",
  ];
  const scan =
    skill.scan && `Scan: ${SCAN_LABEL[skill.scan.status]}${skill.scan.summary ? ` (${skill.scan.summary})` : ""}`;
  const tooltip = [
    skill.name,
    skill.path,
    skill.description,
    scan,
    quarantine && `Quarantined: the platform does not run it (${skill.blockedReason})`,
    skill.enabled ? "Enabled" : "Disabled",
  ];
  return {
    label: skill.name,
    description: description.filter(Boolean).join(" · "),
    tooltip: tooltip.filter(Boolean).join("\n"),
    ...icon(skill),
    contextValue: skillContext(skill),
    collapsible: "none",
    command: "agentlane.skills.open",
  };
}
