import type { Handler } from "hono";
import { ApiDocsPage } from "./docs-page.tsx";
import type { OpenApiDocument } from "./openapi-view.ts";

/** Anything that answers requests the way the app does: the docs read the app's own `/openapi.json`. */
export interface DocumentSource {
  request(path: string, init: RequestInit | undefined, env: Env): Response | Promise<Response>;
}

/**
 * `GET /docs`: the API reference page, rendered from the very document `/openapi.json` serves (no CDN, no script),
 * so the page and the document can never disagree.
 */
export function apiDocs(app: DocumentSource): Handler<{ Bindings: Env }> {
  return async (c) => {
    // The caller's own credentials: /openapi.json needs an identity like every route but /healthz.
    const res = await app.request("/openapi.json", { headers: c.req.raw.headers }, c.env);
    const doc = (await res.json()) as OpenApiDocument;
    return c.html(<ApiDocsPage doc={doc} />);
  };
}
