/**
 * The OpenAPI 3.1 document of `/openapi.json` turned into flat lists a page can print: operations with their
 * parameters, body fields and responses; schemas as dotted field paths. Only the parts our routes use are read.
 */

/** The subset of a JSON Schema the document uses. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  description?: string;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
}

interface Content {
  content?: Record<string, { schema?: Schema }>;
}

interface Operation {
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: Content & { required?: boolean };
  responses?: Record<string, Content & { description?: string }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
}

/** One documented field: a parameter, or a property of a body or schema as a dotted path (`units[].unit.code`). */
export interface FieldView {
  name: string;
  where?: string; // query, path, header (parameters only)
  type: string;
  required: boolean;
  description: string;
  /** Constraints, default and example in a few words. */
  notes: string;
}

export interface OperationView {
  method: string; // upper case
  path: string;
  summary: string;
  description: string;
  bearer: boolean;
  parameters: FieldView[];
  body: { schema: string | null; required: boolean; fields: FieldView[] } | null;
  responses: { status: string; description: string; schema: string | null }[];
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** Every operation, in the document's path order, methods in the usual order. */
export function listOperations(doc: OpenApiDocument): OperationView[] {
  const views: OperationView[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      views.push({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? "",
        description: op.description ?? "",
        bearer: (op.security ?? []).some((s) => "bearer" in s),
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          where: p.in,
          type: typeLabel(p.schema ?? {}),
          required: p.required ?? false,
          description: p.description ?? p.schema?.description ?? "",
          notes: notesOf(p.schema ?? {}),
        })),
        body: bodySchema
          ? {
              schema: refName(bodySchema),
              required: op.requestBody?.required ?? false,
              fields: schemaFields(bodySchema, doc),
            }
          : null,
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => ({
          status,
          description: r.description ?? "",
          schema: refName(r.content?.["application/json"]?.schema),
        })),
      });
    }
  }
  return views;
}

/**
 * The fields of a schema as dotted paths, nested objects and arrays of objects included, down to `maxDepth` levels.
 *
 * @example schemaFields({ type: "object", required: ["year"], properties: { year: { type: "integer" } } }, doc)
 * // → [{ name: "year", type: "integer", required: true, description: "", notes: "" }]
 */
export function schemaFields(schema: Schema, doc: OpenApiDocument, prefix = "", maxDepth = 4): FieldView[] {
  const resolved = resolve(schema, doc);
  const target = resolved.type === "array" && resolved.items ? resolve(resolved.items, doc) : resolved;
  if (!target.properties || maxDepth === 0) return [];
  const fields: FieldView[] = [];
  for (const [name, raw] of Object.entries(target.properties)) {
    const property = resolve(raw, doc);
    const path = prefix + name;
    fields.push({
      name: path,
      type: typeLabel(property),
      required: (target.required ?? []).includes(name),
      description: property.description ?? "",
      notes: notesOf(property),
    });
    const isArray = property.type === "array" && property.items !== undefined;
    fields.push(...schemaFields(property, doc, isArray ? `${path}[].` : `${path}.`, maxDepth - 1));
  }
  return fields;
}

/**
 * A schema's type in a few characters.
 *
 * @example typeLabel({ type: ["string", "null"] }) // → "string | null"
 * @example typeLabel({ type: "array", items: { type: "string" } }) // → "string[]"
 * @example typeLabel({ type: "string", enum: ["a", "b"] }) // → "\"a\" | \"b\""
 */
export function typeLabel(schema: Schema): string {
  if (schema.$ref) return refName(schema) ?? "object";
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf ?? []).map(typeLabel).join(" | ");
  if (schema.type === "array") return `${schema.items ? typeLabel(schema.items) : "unknown"}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.type ?? "any";
}

/** The component name a `$ref` points at, e.g. "ScoreBody"; null for an inline schema. */
export function refName(schema: Schema | undefined): string | null {
  return schema?.$ref?.startsWith("#/components/schemas/") ? schema.$ref.slice("#/components/schemas/".length) : null;
}

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  const name = refName(schema);
  return name ? (doc.components?.schemas?.[name] ?? {}) : schema;
}

function notesOf(s: Schema): string {
  const notes: string[] = [];
  if (s.minimum !== undefined && s.maximum !== undefined) notes.push(`từ ${s.minimum} đến ${s.maximum}`);
  else if (s.minimum !== undefined) notes.push(`≥ ${s.minimum}`);
  else if (s.maximum !== undefined) notes.push(`≤ ${s.maximum}`);
  if (s.maxLength !== undefined) notes.push(`tối đa ${s.maxLength} ký tự`);
  if (s.pattern !== undefined) notes.push(`mẫu ${s.pattern}`);
  if (s.default !== undefined) notes.push(`mặc định ${JSON.stringify(s.default)}`);
  if (s.example !== undefined) notes.push(`ví dụ ${JSON.stringify(s.example)}`);
  return notes.join("; ");
}
