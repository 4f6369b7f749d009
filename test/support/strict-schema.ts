import { z } from "@hono/zod-openapi";

/**
 * A copy of a response schema in which every object, however deep, refuses keys it does not name: parsing a real
 * answer with it fails on a field the API reference does not document. Leaves (strings, numbers, enums…) are kept;
 * a kind of schema this does not know throws, so nothing is silently left loose.
 */
export function deepStrict(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    return z.strictObject(
      Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, deepStrict(v as z.ZodType)])),
    );
  }
  if (schema instanceof z.ZodArray) return z.array(deepStrict(schema.element as z.ZodType));
  if (schema instanceof z.ZodOptional) return deepStrict(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return deepStrict(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodRecord) return z.record(schema.keyType, deepStrict(schema.valueType as z.ZodType));
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const options = schema.options.map((o) => deepStrict(o as z.ZodType)) as [z.ZodObject, ...z.ZodObject[]];
    return z.discriminatedUnion(schema.def.discriminator, options);
  }
  if (schema instanceof z.ZodUnion) return z.union(schema.options.map((o) => deepStrict(o as z.ZodType)));
  const leaves = [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodEnum, z.ZodLiteral, z.ZodNull];
  if (leaves.some((leaf) => schema instanceof leaf)) return schema;
  throw new Error(`deepStrict does not know the schema type ${schema.def.type}`);
}

/** Parses a response body with `deepStrict(schema)`; a failure names the path of every undocumented or wrong field. */
export function parseStrict<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = deepStrict(schema).safeParse(body);
  if (!result.success)
    throw new Error(`The answer does not match its OpenAPI schema:\n${z.prettifyError(result.error)}`);
  return result.data as z.output<T>;
}
