/**
 * Errors in Google's JSON shape. Every failure the emulator reports, whether a bad range, an unknown spreadsheet or
 * an injected fault, is an `ApiError`; the server turns it into
 * `{ "error": { "code": 400, "message": "…", "status": "INVALID_ARGUMENT" } }`, as sheets.googleapis.com does.
 */

const STATUS_BY_CODE: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ABORTED",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  501: "UNIMPLEMENTED",
  502: "UNAVAILABLE",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

/** The messages Google sends for the statuses that faults inject. */
const DEFAULT_MESSAGE: Record<number, string> = {
  400: "Request contains an invalid argument.",
  401:
    "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid " +
    "authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
  403: "The caller does not have permission",
  404: "Requested entity was not found.",
  429:
    "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service " +
    "'sheets.googleapis.com' for consumer 'project_number:000000000000'.",
  500: "Internal error encountered.",
  502: "Bad Gateway",
  503: "The service is currently unavailable.",
  504: "The service is currently unavailable.",
};

/** An error that reaches HTTP with Google's code, status and message. */
export class ApiError extends Error {
  readonly code: number;
  readonly status: string;
  readonly details: unknown[] | undefined;

  constructor(code: number, message?: string, details?: unknown[]) {
    super(message ?? DEFAULT_MESSAGE[code] ?? "Unknown error.");
    this.code = code;
    this.status = STATUS_BY_CODE[code] ?? (code >= 500 ? "INTERNAL" : "UNKNOWN");
    this.details = details;
  }
}

/** 400 INVALID_ARGUMENT with Google's wording for the case at hand. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, message);
}

/** 404 for an unknown spreadsheet: Google says nothing more specific. */
export function notFound(): ApiError {
  return new ApiError(404);
}

/** Google's 401 bodies: missing credentials and invalid credentials differ in message and reason. */
export function unauthenticated(missing: boolean): ApiError {
  const message = missing
    ? "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other " +
      "valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project."
    : undefined;
  return new ApiError(401, message, [errorInfo(missing ? "CREDENTIALS_MISSING" : "ACCESS_TOKEN_TYPE_UNSUPPORTED")]);
}

/** 429 as Google sends it for a per-minute quota. */
export function quotaExceeded(): ApiError {
  return new ApiError(429, undefined, [errorInfo("RATE_LIMIT_EXCEEDED")]);
}

/** The JSON body of an error response. */
export function errorBody(error: ApiError): { error: Record<string, unknown> } {
  const body: Record<string, unknown> = { code: error.code, message: error.message, status: error.status };
  if (error.details) body.details = error.details;
  return { error: body };
}

function errorInfo(reason: string): Record<string, unknown> {
  return {
    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
    reason,
    domain: "googleapis.com",
    metadata: { service: "sheets.googleapis.com" },
  };
}
