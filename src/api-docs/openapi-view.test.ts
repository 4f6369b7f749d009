import { describe, expect, it } from "vitest";
import { listOperations, schemaFields, typeLabel, type OpenApiDocument } from "./openapi-view.ts";

const doc: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/api/score": {
      post: {
        summary: "Chấm điểm",
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Body" } } },
        },
        responses: {
          "200": {
            description: "Kết quả",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Run" } } },
          },
          "401": { description: "Thiếu mã" },
        },
      },
    },
    "/api/results": {
      get: {
        summary: "Kết quả",
        parameters: [
          {
            name: "year",
            in: "query",
            required: true,
            schema: { type: "integer", minimum: 2000, maximum: 2100, example: 2024 },
          },
        ],
        responses: { "200": { description: "OK" } },
      },
    },
  },
  components: {
    schemas: {
      Body: {
        type: "object",
        required: ["year"],
        properties: {
          year: { type: "integer", description: "Năm chấm điểm" },
          dryRun: { type: "boolean", default: false },
        },
      },
      Run: {
        type: "object",
        properties: {
          units: {
            type: "array",
            items: {
              type: "object",
              properties: { unit: { type: "object", properties: { code: { type: "string" } } } },
            },
          },
          parentCode: { type: ["string", "null"] },
        },
      },
    },
  },
};

describe("listOperations", () => {
  it("lists each path and method with summary, auth, body fields and responses", () => {
    const [score, results] = listOperations(doc);
    expect(score).toMatchObject({ method: "POST", path: "/api/score", summary: "Chấm điểm", bearer: true });
    expect(score!.body).toEqual({
      schema: "Body",
      required: true,
      fields: [
        { name: "year", type: "integer", required: true, description: "Năm chấm điểm", notes: "" },
        { name: "dryRun", type: "boolean", required: false, description: "", notes: "mặc định false" },
      ],
    });
    expect(score!.responses).toEqual([
      { status: "200", description: "Kết quả", schema: "Run" },
      { status: "401", description: "Thiếu mã", schema: null },
    ]);
    expect(results).toMatchObject({ method: "GET", bearer: false, body: null });
    expect(results!.parameters).toEqual([
      {
        name: "year",
        where: "query",
        type: "integer",
        required: true,
        description: "",
        notes: "từ 2000 đến 2100; ví dụ 2024",
      },
    ]);
  });
});

describe("schemaFields", () => {
  it("flattens nested objects and arrays into dotted paths", () => {
    expect(schemaFields({ $ref: "#/components/schemas/Run" }, doc).map((f) => `${f.name}: ${f.type}`)).toEqual([
      "units: object[]",
      "units[].unit: object",
      "units[].unit.code: string",
      "parentCode: string | null",
    ]);
  });
});

describe("typeLabel", () => {
  it("names enums, arrays and references briefly", () => {
    expect(typeLabel({ type: "string", enum: ["a", "b"] })).toBe('"a" | "b"');
    expect(typeLabel({ type: "array", items: { type: "string" } })).toBe("string[]");
    expect(typeLabel({ $ref: "#/components/schemas/Run" })).toBe("Run");
  });
});
