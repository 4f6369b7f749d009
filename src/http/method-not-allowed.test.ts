import { describe, expect, it } from "vitest";
import { allowedMethods } from "./method-not-allowed.ts";

const ROUTES = [
  { method: "post", path: "/api/score" },
  { method: "get", path: "/api/results" },
  { method: "get", path: "/api/runs/{runId}" },
];

describe("allowedMethods", () => {
  it("lists the methods of the route at that path, HEAD with GET", () => {
    expect(allowedMethods(ROUTES, "/api/score")).toEqual(["POST"]);
    expect(allowedMethods(ROUTES, "/api/results")).toEqual(["GET", "HEAD"]);
  });

  it("matches a path parameter on one segment only", () => {
    expect(allowedMethods(ROUTES, "/api/runs/abc.def")).toEqual(["GET", "HEAD"]);
    expect(allowedMethods(ROUTES, "/api/runs/a/b")).toEqual([]);
  });

  it("knows nothing of other paths, which are then 404", () => {
    expect(allowedMethods(ROUTES, "/api/scores")).toEqual([]);
    expect(allowedMethods(ROUTES, "/api")).toEqual([]);
  });
});
