/** Why a request was refused before reaching its route. */
export type Denial =
  /** Neither Access nor a token is configured: nobody can be let in (fail closed). */
  | { kind: "not_configured" }
  /** No identity given. */
  | { kind: "missing" }
  | { kind: "bad_token" }
  | { kind: "bad_access"; expired: boolean }
  /** An Access JWT arrived but this deployment has no ACCESS_TEAM_DOMAIN/ACCESS_AUD to check it against. */
  | { kind: "access_not_configured" }
  /** A reader asked to score or set up. */
  | { kind: "not_scorer"; who: string }
  /** A browser on another site tried to use a signed-in person's cookie. */
  | { kind: "cross_site" };

/** The JSON error answer of a refusal, in Vietnamese: what is wrong and who can fix it. */
export function accessDenied(denial: Denial): Response {
  const { status, code, message } = describe(denial);
  const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Bearer realm="dvk-score"' } : {};
  return Response.json({ error: { code, message } }, { status, headers });
}

function describe(denial: Denial): { status: 401 | 403; code: string; message: string } {
  switch (denial.kind) {
    case "not_configured":
      return {
        status: 403,
        code: "access_not_configured",
        message:
          "Máy chủ chưa cấu hình cách xác thực nên không mở cho ai. Người triển khai cần đặt ACCESS_TEAM_DOMAIN và ACCESS_AUD (Cloudflare Access, cho người dùng) cùng SCORER_EMAILS, và/hoặc SCORING_TOKEN, READ_TOKEN (mã truy cập cho kịch bản).",
      };
    case "missing":
      return {
        status: 401,
        code: "unauthorized",
        message: "Cần đăng nhập qua Cloudflare Access, hoặc gửi mã truy cập (Authorization: Bearer …).",
      };
    case "bad_token":
      return { status: 401, code: "unauthorized", message: "Thiếu hoặc sai mã truy cập (Authorization: Bearer …)." };
    case "bad_access":
      return {
        status: 401,
        code: "unauthorized",
        message: denial.expired
          ? "Phiên đăng nhập Cloudflare Access đã hết hạn; hãy tải lại trang để đăng nhập lại."
          : "Danh tính Cloudflare Access không hợp lệ; hãy tải lại trang để đăng nhập lại.",
      };
    case "access_not_configured":
      return {
        status: 401,
        code: "unauthorized",
        message:
          "Máy chủ chưa cấu hình Cloudflare Access (ACCESS_TEAM_DOMAIN, ACCESS_AUD) nên không kiểm tra được danh tính đăng nhập.",
      };
    case "not_scorer":
      return {
        status: 403,
        code: "forbidden",
        message: `${denial.who} chỉ được xem kết quả. Chấm điểm và chuẩn bị bảng tính cần email có trong SCORER_EMAILS hoặc mã SCORING_TOKEN.`,
      };
    case "cross_site":
      return {
        status: 403,
        code: "forbidden",
        message: "Yêu cầu thay đổi dữ liệu phải gửi từ chính trang của dịch vụ.",
      };
    default: {
      const never: never = denial;
      throw new Error(`unknown denial ${JSON.stringify(never)}`);
    }
  }
}
