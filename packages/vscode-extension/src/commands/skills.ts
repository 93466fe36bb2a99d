/**
 * @module
 * Skill commands: open (read-only markdown), toggle, set the priority, delete (after confirming), scan again,
 * create from the current file, compare with the current file, and the view's filter. From the palette, a command asks
 * which skill. A change the platform does not offer is hidden by its context key; run anyway (automation), it
 * says so instead of failing.
 */
import * as vscode from "vscode";
import type { SkillItem } from "../backend/types.ts";
import type { SkillNode, SkillTreeNode } from "../models/skill-catalog.ts";
import { skillPathFromFile } from "../models/skill-path.ts";
import type { Services } from "../services.ts";
import { withErrors, withProgress } from "../ui/errors.ts";
import { skillUri } from "../views/documents.ts";
import { offered } from "./offered.ts";

/** A skill node, or `{ groupId, path }` from automation. */
type SkillArg = SkillTreeNode | { groupId: string; path: string } | undefined;

async function pickSkill(services: Services, arg: SkillArg): Promise<SkillItem | undefined> {
  if (arg && "kind" in arg) return arg.kind === "skill" ? arg.skill : undefined;
  if (arg) return services.skills.catalog.skill(arg.groupId, arg.path);
  await services.skills.loaded();
  const nodes = services.skills.catalog.groups.flatMap(
    (group) => services.skills.catalog.children({ kind: "group", group }) as SkillNode[],
  );
  const picked = await vscode.window.showQuickPick(
    nodes.map((node) => ({ label: node.skill.name, description: node.skill.path, skill: node.skill })),
    { title: "Agentlane: Skill" },
  );
  return picked?.skill;
}

/** Whether a skill can be changed here; says why not when it cannot. */
function changeable(skill: SkillItem): boolean {
  if (skill.readOnly) void vscode.window.showInformationMessage(`${skill.name} cannot be changed here.`);
  return !skill.readOnly;
}

async function pickGroup(services: Services): Promise<string | undefined> {
  const groups = services.skills.catalog.groups;
  if (groups.length <= 1) return groups[0]?.id;
  const picked = await vscode.window.showQuickPick(
    groups.map((group) => ({ label: group.label, description: group.detail, id: group.id })),
    { title: "Agentlane: Where should the skill go?" },
  );
  return picked?.id;
}

async function open(services: Services, arg: SkillArg): Promise<void> {
  const skill = await pickSkill(services, arg);
  if (!skill) return;
  await withErrors("Open skill", async () => {
    const document = await vscode.workspace.openTextDocument(skillUri(skill.groupId, skill.path));
    await vscode.window.showTextDocument(document, { preview: true });
  });
}

async function toggle(services: Services, arg: SkillArg): Promise<void> {
  const toggleSkill = offered(services, services.skills.backend, "toggle", "enable or disable skills");
  const skill = toggleSkill && (await pickSkill(services, arg));
  if (!skill || !changeable(skill)) return;
  await withErrors(`Toggle ${skill.name}`, async () => {
    await toggleSkill(skill.groupId, skill.path);
    await services.skills.reloadGroup(skill.groupId);
  });
}

async function setPriority(services: Services, arg: SkillArg, value?: number): Promise<void> {
  const setSkillPriority = offered(services, services.skills.backend, "setPriority", "order skills");
  const skill = setSkillPriority && (await pickSkill(services, arg));
  if (!skill || !changeable(skill)) return;
  const max = services.skills.backend?.maxPriority ?? 0;
  const input =
    value !== undefined
      ? String(value)
      : await vscode.window.showInputBox({
          title: `Priority of ${skill.name}`,
          prompt: `0 to ${max}; higher comes first`,
          value: String(skill.priority ?? 0),
          validateInput: (text) =>
            /^\d+$/.test(text) && Number(text) <= max ? undefined : `Enter a whole number from 0 to ${max}`,
        });
  if (input === undefined) return;
  await withErrors(`Set the priority of ${skill.name}`, async () => {
    await setSkillPriority(skill.groupId, skill.path, Number(input));
    await services.skills.reloadGroup(skill.groupId);
  });
}

async function remove(services: Services, arg: SkillArg, options?: { confirmed?: boolean }): Promise<void> {
  const removeSkill = offered(services, services.skills.backend, "remove", "delete skills");
  const skill = removeSkill && (await pickSkill(services, arg));
  if (!skill || !changeable(skill)) return;
  if (!options?.confirmed) {
    const answer = await vscode.window.showWarningMessage(
      `Delete the skill "${skill.name}" (${skill.path})?`,
      { modal: true, detail: "It is removed from the platform for every instance." },
      "Delete",
    );
    if (answer !== "Delete") return;
  }
  await withErrors(`Delete ${skill.name}`, async () => {
    await removeSkill(skill.groupId, skill.path);
    await services.skills.reloadGroup(skill.groupId);
  });
}

async function rescan(services: Services, arg: SkillArg): Promise<void> {
  const rescanSkill = offered(services, services.skills.backend, "rescan", "scan skills");
  const skill = rescanSkill && (await pickSkill(services, arg));
  if (!skill) return;
  const scanned = await withProgress(`Scanning ${skill.name}…`, () => rescanSkill(skill.groupId, skill.path));
  if (!scanned) return;
  await services.skills.reloadGroup(skill.groupId);
  const verdict = scanned.scan ? `scan ${scanned.scan.status}` : "scanned";
  const summary = scanned.scan?.summary ? `: ${scanned.scan.summary}` : "";
  void vscode.window.showInformationMessage(`${skill.name}: ${verdict}${summary}`);
}

async function createFromFile(services: Services): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const saveSkill = offered(services, services.skills.backend, "save", "create skills");
  if (!saveSkill) return;
  if (!editor) {
    void vscode.window.showInformationMessage("Open the file to turn into a skill first.");
    return;
  }
  const groupId = await pickGroup(services);
  if (!groupId) return;
  const path = await vscode.window.showInputBox({
    title: "Agentlane: Skill path",
    value: skillPathFromFile(editor.document.fileName),
    prompt: "Segments of letters, digits, '.', '_' or '-', separated by '/'",
    ignoreFocusOut: true,
  });
  if (!path) return;
  const name = await vscode.window.showInputBox({
    title: "Agentlane: Skill name",
    value: path.split("/").pop(),
    ignoreFocusOut: true,
  });
  if (!name) return;
  const saved = await withProgress(`Saving skill ${name}…`, () =>
    saveSkill(groupId, { path, name, content: editor.document.getText() }),
  );
  if (!saved) return;
  services.skillDocuments.changed(groupId, path);
  await services.skills.reloadGroup(groupId);
}

async function compareWithFile(services: Services, arg: SkillArg): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const skill = await pickSkill(services, arg);
  if (!skill || !editor) return;
  await vscode.commands.executeCommand(
    "vscode.diff",
    skillUri(skill.groupId, skill.path),
    editor.document.uri,
    `${skill.name} ↔ ${vscode.workspace.asRelativePath(editor.document.uri)}`,
  );
}

async function filter(services: Services, text?: string): Promise<void> {
  const value =
    text ??
    (await vscode.window.showInputBox({
      title: "Agentlane: Filter skills",
      prompt: "Matches the name, path or description",
      value: services.skills.catalog.filter,
    }));
  if (value !== undefined) services.skills.setFilter(value);
}

export function registerSkillCommands(services: Services): vscode.Disposable[] {
  const { registerCommand } = vscode.commands;
  return [
    registerCommand("agentlane.skills.open", (arg?: SkillArg) => open(services, arg)),
    registerCommand("agentlane.skills.toggle", (arg?: SkillArg) => toggle(services, arg)),
    registerCommand("agentlane.skills.enable", (arg?: SkillArg) => toggle(services, arg)),
    registerCommand("agentlane.skills.disable", (arg?: SkillArg) => toggle(services, arg)),
    registerCommand("agentlane.skills.setPriority", (arg?: SkillArg, value?: unknown) =>
      setPriority(services, arg, typeof value === "number" ? value : undefined),
    ),
    registerCommand("agentlane.skills.delete", (arg?: SkillArg, options?: unknown) =>
      remove(services, arg, { confirmed: (options as { confirmed?: unknown } | undefined)?.confirmed === true }),
    ),
    registerCommand("agentlane.skills.createFromFile", () => createFromFile(services)),
    registerCommand("agentlane.skills.rescan", (arg?: SkillArg) => rescan(services, arg)),
    registerCommand("agentlane.skills.compareWithFile", (arg?: SkillArg) => compareWithFile(services, arg)),
    registerCommand("agentlane.skills.filter", (text?: unknown) =>
      filter(services, typeof text === "string" ? text : undefined),
    ),
    registerCommand("agentlane.skills.clearFilter", () => services.skills.setFilter("")),
    registerCommand("agentlane.skills.refresh", () => services.skills.reload()),
  ];
}
