import { readFileSync } from "node:fs";

/**
 * The shapes of Google's request bodies, generated at load time from the Sheets v4 discovery document that ships in
 * discovery/ (see its README). Nothing here is written by hand: a new request kind or field in a newer document is
 * known to the emulator as soon as the document is replaced. request-check.ts walks a body against these shapes.
 */

/** A protobuf scalar as Google's JSON parser names it in its error messages (`TYPE_INT32`, …). */
export type ScalarType = "string" | "bytes" | "bool" | "int32" | "uint32" | "int64" | "uint64" | "double" | "float";

export type Shape =
  | { kind: "message"; name: string; fields: ReadonlyMap<string, Field> }
  | { kind: "list"; items: Shape }
  | { kind: "map"; values: Shape }
  | { kind: "enum"; values: ReadonlySet<string> }
  | { kind: "scalar"; type: ScalarType }
  /** google.protobuf.Value (`"type": "any"`): any JSON at all, as in ValueRange.values. */
  | { kind: "value" };

export interface Field {
  /** The JSON name (`gridProperties`): what the emulator's handlers read. */
  jsonName: string;
  /** The proto field name (`grid_properties`): Google's error paths use it, and JSON may use it too. */
  protoName: string;
  shape: Shape;
}

/** A schema or property of the discovery document: the few keys that describe a type. */
interface DiscoveryType {
  type?: string;
  $ref?: string;
  format?: string;
  enum?: string[];
  items?: DiscoveryType;
  additionalProperties?: DiscoveryType;
  properties?: Record<string, DiscoveryType>;
}

interface DiscoveryResource {
  methods?: Record<string, { id: string; request?: { $ref: string } }>;
  resources?: Record<string, DiscoveryResource>;
}

interface Discovery {
  schemas: Record<string, DiscoveryType>;
  resources: Record<string, DiscoveryResource>;
}

const discovery = JSON.parse(readFileSync(new URL("./discovery/sheets-v4.json", import.meta.url), "utf8")) as Discovery;

const messages = new Map<string, { kind: "message"; name: string; fields: Map<string, Field> }>();
for (const name of Object.keys(discovery.schemas)) messages.set(name, { kind: "message", name, fields: new Map() });
for (const [name, schema] of Object.entries(discovery.schemas)) {
  const fields = messages.get(name)?.fields as Map<string, Field>;
  for (const [jsonName, property] of Object.entries(schema.properties ?? {})) {
    const field = { jsonName, protoName: protoName(jsonName), shape: shapeOf(property) };
    fields.set(jsonName, field);
    fields.set(field.protoName, field);
  }
}

const requestByMethod = new Map<string, Shape>();
collectMethods(discovery.resources);

/**
 * The body shape of a method, by the emulator's endpoint kind (`"batchUpdate"`, `"values.append"`,
 * `"developerMetadata.search"`…, i.e. Google's method id without `sheets.spreadsheets.`); undefined for a method
 * that takes no body (the GETs) or that the document does not know.
 */
export function requestShape(kind: string): Shape | undefined {
  return requestByMethod.get(kind);
}

/**
 * The proto name behind a JSON field name.
 * @example protoName("frozenRowCount") // → "frozen_row_count"
 * @example protoName("a1Range") // → "a1_range"
 */
export function protoName(jsonName: string): string {
  return jsonName.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function shapeOf(type: DiscoveryType): Shape {
  if (type.$ref !== undefined) {
    const message = messages.get(type.$ref);
    if (!message) throw new Error(`discovery document: unknown schema ${type.$ref}`);
    return message;
  }
  if (type.enum) return { kind: "enum", values: new Set(type.enum) };
  switch (type.type) {
    case "array":
      return { kind: "list", items: shapeOf(type.items ?? { type: "any" }) };
    case "object":
      return type.additionalProperties
        ? { kind: "map", values: shapeOf(type.additionalProperties) }
        : { kind: "value" };
    case "string":
      if (type.format === "int64" || type.format === "uint64") return { kind: "scalar", type: type.format };
      return { kind: "scalar", type: type.format === "byte" ? "bytes" : "string" };
    case "integer":
      return { kind: "scalar", type: type.format === "uint32" ? "uint32" : "int32" };
    case "number":
      return { kind: "scalar", type: type.format === "float" ? "float" : "double" };
    case "boolean":
      return { kind: "scalar", type: "bool" };
    default:
      return { kind: "value" };
  }
}

function collectMethods(resources: Record<string, DiscoveryResource>): void {
  for (const resource of Object.values(resources)) {
    for (const method of Object.values(resource.methods ?? {})) {
      const request = method.request && messages.get(method.request.$ref);
      if (request) requestByMethod.set(method.id.replace(/^sheets\.spreadsheets\./, ""), request);
    }
    collectMethods(resource.resources ?? {});
  }
}
