import { ApiError } from "./errors.ts";
import { requestShape, type ScalarType, type Shape } from "./request-schema.ts";

/**
 * Checks a request body the way Google's JSON front end does before the Sheets backend sees it: every field at every
 * depth must exist in the discovery document (camelCase or proto snake_case), every value must have the field's
 * JSON type, every enum value must be one Google knows. Problems are reported all at once, one line each, in
 * Google's words, with paths in proto names:
 * `Invalid JSON payload received. Unknown name "frozenRowCountt" at 'requests[0].add_sheet.properties.grid_properties': Cannot find field.`
 * A typo in a request the Worker sends therefore fails locally as it would in production.
 */

interface Violation {
  /** The proto path of the object or value at fault; "" for the top level. */
  field: string;
  description: string;
}

/**
 * Throws Google's 400 if `body` is not a valid request for the endpoint `kind`. Otherwise returns the body as the
 * handlers expect it, in the form Google's parser makes of it: JSON field names (`add_sheet` → `addSheet`), numbers
 * and booleans sent as strings as numbers and booleans, a single value given for a list as a one-element list.
 * Bodiless endpoints get their body back unchanged.
 */
export function parseRequestBody(kind: string, body: Record<string, unknown>): Record<string, unknown> {
  const shape = requestShape(kind);
  if (!shape) return body;
  const violations: Violation[] = [];
  const parsed = check(shape, body, "", violations) as Record<string, unknown>;
  if (violations.length === 0) return parsed;
  const fieldViolations = violations.map((v) => (v.field === "" ? { description: v.description } : v));
  throw new ApiError(400, violations.map((v) => v.description).join("\n"), [
    { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations },
  ]);
}

function check(shape: Shape, value: unknown, path: string, out: Violation[]): unknown {
  if (value === null) return value; // null is "not set" in proto3 JSON
  switch (shape.kind) {
    case "message": {
      if (!isObject(value)) return invalid(out, path, `type.googleapis.com/google.apps.sheets.v4.${shape.name}`, value);
      const parsed: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const field = shape.fields.get(key);
        const at = path === "" ? "" : ` at '${path}'`;
        if (!field) {
          out.push({
            field: path,
            description: `Invalid JSON payload received. Unknown name "${key}"${at}: Cannot find field.`,
          });
        } else if (Array.isArray(child) && field.shape.kind !== "list" && field.shape.kind !== "value") {
          out.push({
            field: path,
            description: `Invalid JSON payload received. Unknown name "${key}"${at}: Proto field is not repeating, cannot start list.`,
          });
        } else {
          parsed[field.jsonName] = check(
            field.shape,
            child,
            path === "" ? field.protoName : `${path}.${field.protoName}`,
            out,
          );
        }
      }
      return parsed;
    }
    case "list":
      // Proto3 JSON lets a single value stand for a one-element list.
      return (Array.isArray(value) ? value : [value]).map((item, i) =>
        checkItem(shape.items, item, `${path}[${i}]`, out),
      );
    case "map": {
      if (!isObject(value)) return invalid(out, path, "map", value);
      const entries = Object.entries(value).map(([key, item], i) => [
        key,
        check(shape.values, item, `${path}[${i}].value`, out),
      ]);
      return Object.fromEntries(entries);
    }
    case "enum": {
      const known = typeof value === "string" ? shape.values.has(value) : Number.isInteger(value);
      return known ? value : invalid(out, path, "TYPE_ENUM", value);
    }
    case "scalar":
      return scalarAccepts(shape.type, value)
        ? scalarValue(shape.type, value)
        : invalid(out, path, `TYPE_${shape.type.toUpperCase()}`, value);
    case "value":
      return value;
    default: {
      const never: never = shape;
      throw new Error(`unhandled shape ${JSON.stringify(never)}`);
    }
  }
}

/** An element of a list: a nested list (`values: [[…]]`) is a google.protobuf.ListValue and must be an array. */
function checkItem(items: Shape, item: unknown, path: string, out: Violation[]): unknown {
  if (items.kind !== "list") return check(items, item, path, out);
  if (item === null) return item;
  if (!Array.isArray(item)) return invalid(out, path, "type.googleapis.com/google.protobuf.ListValue", item);
  return item.map((inner, i) => checkItem(items.items, inner, `${path}[${i}]`, out));
}

const INTEGER_RANGE: Partial<Record<ScalarType, [bigint, bigint]>> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/**
 * Whether Google's JSON parser takes `value` for a scalar of this type. Proto3 JSON accepts integers and floats as
 * numbers or as decimal strings (int64 usually arrives as a string), booleans as true/false.
 * @example scalarAccepts("int32", "12") // → true
 * @example scalarAccepts("int32", 1.5) // → false
 */
export function scalarAccepts(type: ScalarType, value: unknown): boolean {
  switch (type) {
    case "string":
    case "bytes":
      return typeof value === "string";
    case "bool":
      return typeof value === "boolean" || value === "true" || value === "false";
    case "int32":
    case "uint32":
    case "int64":
    case "uint64": {
      const text = typeof value === "number" && Number.isInteger(value) ? BigInt(value).toString() : value;
      if (typeof text !== "string" || !/^-?\d+$/.test(text)) return false;
      const [min, max] = INTEGER_RANGE[type] as [bigint, bigint];
      return BigInt(text) >= min && BigInt(text) <= max;
    }
    case "double":
    case "float": {
      const number = typeof value === "number" ? value : typeof value === "string" ? numericString(value) : Number.NaN;
      if (typeof value === "string" && ["NaN", "Infinity", "-Infinity"].includes(value)) return true;
      return Number.isFinite(number) && (type === "double" || Math.abs(number) <= 3.4028234663852886e38);
    }
    default: {
      const never: never = type;
      throw new Error(`unhandled scalar ${String(never)}`);
    }
  }
}

function numericString(text: string): number {
  return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** Google's line for a value of the wrong type: `Invalid value at 'requests[0].add_sheet.properties.index' (TYPE_INT32), "abc"`. */
function invalid(out: Violation[], path: string, typeName: string, value: unknown): unknown {
  out.push({ field: path, description: `Invalid value at '${path}' (${typeName}), ${JSON.stringify(value)}` });
  return value;
}

/** The value a handler sees: 32-bit integers, floats and booleans sent as strings become numbers and booleans. */
function scalarValue(type: ScalarType, value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (type === "bool") return value === "true";
  if (type === "int32" || type === "uint32" || type === "double" || type === "float") return Number(value);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
