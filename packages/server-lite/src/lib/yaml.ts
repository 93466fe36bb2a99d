/**
 * @module
 * YAML through the `yaml` package, loaded on the first document read or written: it is some seventy modules, and a
 * server that never meets front matter should not pay for them at start.
 */
import { createRequire } from "node:module";
import type * as Yaml from "yaml";

const requireModule = createRequire(import.meta.url);
let loaded: typeof Yaml | undefined;

const yaml = (): typeof Yaml => {
  loaded ??= requireModule("yaml") as typeof Yaml;
  return loaded;
};

/**
 * `yaml`'s `parse`: one document's value.
 * @example parseYaml("name: demo\n", { maxAliasCount: 10 }) // { name: "demo" }
 */
export function parseYaml(
  source: string,
  options?: Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions & Yaml.ToJSOptions,
): unknown {
  return yaml().parse(source, options);
}

/**
 * `yaml`'s `stringify`: a value as one document.
 * @example stringifyYaml({ name: "demo" }, { lineWidth: 0 }) // "name: demo\n"
 */
export function stringifyYaml(
  value: unknown,
  options?: Yaml.DocumentOptions &
    Yaml.SchemaOptions &
    Yaml.ParseOptions &
    Yaml.CreateNodeOptions &
    Yaml.ToStringOptions,
): string {
  return yaml().stringify(value, options);
}
