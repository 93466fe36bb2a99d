/**
 * @module
 * The OpenAPI document and the human-readable docs page, both made from the mounted contracts.
 */
import { type Contract, type EndpointSpec, toOpenAPI } from "@agentlane/sdk/contract";
import type { AnyPlatform } from "../platform.ts";
import { errorEnvelopeSchema, successEnvelopeSchema } from "./openapi-envelope.ts";
import { paginationComponents, withPaginationRefs } from "./openapi-pagination.ts";

export interface MountedDoc {
  platform: AnyPlatform;
  base: string;
}

/** Codes every endpoint may answer besides its own: a missing or refused credential, invalid input, a rate limit. */
function implicitErrors(platform: AnyPlatform): (spec: EndpointSpec) => string[] {
  const { codes } = platform.envelope;
  return (spec) => [
    ...(spec.auth === "none" || spec.auth === "optional" ? [] : [codes.unauthenticated]),
    ...(spec.params || spec.query || spec.body || spec.path.includes("{") ? [codes.validation] : []),
    ...(platform.rateLimits ? [codes.rateLimited] : []),
  ];
}

/**
 * The OpenAPI document of the mounted platforms. Operation ids and tags carry the platform's id; each platform's
 * error envelope is a named component schema (`<id>.Error`), derived from its encoder like its success envelope,
 * and so are its pagination objects (`<id>.Pagination`) and the entities its contract names (`<id>.Machine`).
 */
export function openAPIDocument(mounts: readonly MountedDoc[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const { platform, base } of mounts) {
    const contract = platform.contract as Contract;
    const errorName = `${platform.id}.Error`;
    schemas[errorName] = errorEnvelopeSchema(platform.envelope);
    const componentRef = (name: string) => `#/components/schemas/${platform.id}.${name}`;
    const pagination = paginationComponents(platform.envelope);
    for (const { name, schema, example } of pagination) {
      schemas[`${platform.id}.${name}`] = { ...schema, examples: [example] };
    }
    const implicit = implicitErrors(platform);
    const doc = toOpenAPI(contract, {
      title: platform.title,
      version: platform.version,
      serverUrl,
      errorSchema: { $ref: `#/components/schemas/${errorName}` },
      implicitErrors: implicit,
      errorStatus: Object.fromEntries(
        Object.values(contract).flatMap((r) =>
          Object.values(r).flatMap(({ spec }) =>
            [...(spec.errors ?? []), ...implicit(spec)].map((code: string) => [code, platform.envelope.statusOf(code)]),
          ),
        ),
      ),
      wrapSuccess: (data, spec) => {
        const envelope = successEnvelopeSchema(platform.envelope, data, spec);
        return spec.paginated ? withPaginationRefs(envelope, pagination, componentRef) : envelope;
      },
    }) as {
      paths: Record<string, Record<string, { tags?: string[]; operationId?: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    // Entity names carry their platform's id already (`claudenest.Machine`): they cannot collide across platforms.
    Object.assign(schemas, doc.components.schemas);
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const op of Object.values(operations)) {
        op.tags = (op.tags ?? []).map((t) => `${platform.id}.${t}`);
        op.operationId = `${platform.id}.${op.operationId}`;
      }
      paths[base + path] = operations;
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Agentlane server-lite",
      version: "0.1.0",
      description: `Platforms: ${mounts.map((m) => `${m.platform.title} at ${m.base}`).join("; ")}`,
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas },
    security: [{ bearer: [] }],
    paths,
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Text with the document's inline code spans (`like this`) shown as code rather than as backticks. */
const inlineMarkdown = (s: string) => escapeHtml(s).replace(/`([^`]+)`/g, "<code>$1</code>");

export function docsPage(mounts: readonly MountedDoc[]): string {
  const sections = mounts.map(({ platform, base }) => {
    const resources = Object.entries(platform.contract as Contract).map(([resource, endpoints]) => {
      const rows = Object.entries(endpoints)
        .map(
          ([name, { spec }]) =>
            `<tr><td><code>${spec.method}</code></td><td><code>${escapeHtml(base + spec.path)}</code></td><td>${inlineMarkdown(spec.summary)}${spec.note ? `<br><small>${inlineMarkdown(spec.note)}</small>` : ""}${spec.beyondDocument ? `<br><small><strong>Beyond the document</strong>: ${inlineMarkdown(spec.beyondDocument)}</small>` : ""}</td><td>${spec.auth}</td><td>${(spec.errors ?? []).join(", ")}</td><td><code>${resource}.${name}</code></td></tr>`,
        )
        .join("\n");
      return `<h3>${escapeHtml(resource)}</h3>\n<table><tr><th>method</th><th>path</th><th>what it does</th><th>auth</th><th>errors</th><th>SDK</th></tr>\n${rows}\n</table>`;
    });
    return `<h2>${escapeHtml(platform.title)} <small>at <code>${escapeHtml(base)}</code></small></h2>\n${resources.join("\n")}`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Agentlane server-lite</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}code{font-size:13px}small{color:#666}</style>
</head><body>
<h1>Agentlane server-lite</h1>
<p>Every endpoint below is served with real state. The full reference: <a href="/docs">/docs</a>; machine-readable: <a href="/openapi.json">/openapi.json</a>.</p>
${sections.join("\n")}
</body></html>`;
}
