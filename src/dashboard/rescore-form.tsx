import { REVIEW_KIND_LABEL } from "../../scoring/labels.ts";
import { REVIEW_KINDS, type ReviewKind } from "../../scoring/review-kind.ts";
import type { Identity } from "../auth/identity.ts";

/**
 * How the person looking at the dashboard may re-score: signed in through Cloudflare Access as a scorer (the
 * browser's Access cookie goes along, nothing to type), by typing the scoring token (a page fetched with a bearer
 * token: scripts, tools), or not at all (an Access identity that may only read: no button).
 */
export type RescoreMode = { kind: "signed-in"; who: string } | { kind: "token" } | { kind: "read-only"; who: string };

export function rescoreModeFor(identity: Identity): RescoreMode {
  switch (identity.kind) {
    case "access":
      return identity.role === "scorer"
        ? { kind: "signed-in", who: identity.name }
        : { kind: "read-only", who: identity.name };
    case "token":
      return { kind: "token" };
    default: {
      const never: never = identity;
      throw new Error(`unknown identity ${JSON.stringify(never)}`);
    }
  }
}

/**
 * "Chấm điểm lại": a scorer re-scores the year shown, running the review chosen (năm, sơ kết 6 tháng or tổng kết giai
 * đoạn, SPEC §3.8; the annual one unless another is chosen). A few lines of script call `POST /api/score` and reload on
 * success, or show the API's Vietnamese message. Signed in through Access, the request carries the browser's own
 * Access cookie. Otherwise the token is typed; it stays in the page unless the person ticks "ghi nhớ trong phiên
 * này" (then sessionStorage, cleared when the tab closes); it has no `name`, so without script the form sends nothing.
 *
 * The script is a constant: what it needs from the data (year, spreadsheet, where to reload) is read from escaped
 * data-* attributes, never written into the script.
 */
export function RescoreForm(props: {
  mode: RescoreMode;
  year: number;
  spreadsheetId: string | null;
  reloadHref: string;
}) {
  if (props.mode.kind === "read-only") {
    return (
      <p class="small muted" id="rescore-read-only">
        {`Bạn đăng nhập là ${props.mode.who}, chỉ được xem kết quả. Muốn chấm điểm lại, hãy nhờ Ban Chỉ đạo thêm email của bạn vào danh sách người chấm điểm.`}
      </p>
    );
  }
  return (
    <form
      id="rescore"
      class="rescore no-print"
      data-year={String(props.year)}
      data-spreadsheet-id={props.spreadsheetId ?? ""}
      data-reload={props.reloadHref}
      aria-labelledby="rescore-h"
    >
      <h3 id="rescore-h">{`Chấm điểm lại năm ${props.year}`}</h3>
      <p class="small">
        Đọc lại bảng tính, chấm điểm và ghi kết quả vào các trang tính kết quả (không sửa các trang tính nhập liệu).
        {props.mode.kind === "signed-in"
          ? ` Bạn đăng nhập là ${props.mode.who}, có quyền chấm điểm.`
          : " Chỉ người được giao mã truy cập mới thực hiện được."}
      </p>
      {props.mode.kind === "token" ? (
        <>
          <div class="row">
            <label for="rescore-token">Mã truy cập</label>
            <input id="rescore-token" type="password" autocomplete="off" required />
          </div>
          <div class="row">
            <label class="small">
              <input id="rescore-remember" type="checkbox" /> Ghi nhớ trong phiên này
            </label>
          </div>
        </>
      ) : null}
      <div class="row">
        <label for="rescore-review">Loại đánh giá</label>
        <select id="rescore-review">
          {REVIEW_KINDS.map((k) => (
            <option value={k} selected={k === "nam"}>
              {REVIEW_OPTION_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <button type="submit">{`Chấm điểm lại năm ${props.year}`}</button>
      </div>
      <p id="rescore-status" class="status" role="status" aria-live="polite"></p>
      <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />
    </form>
  );
}

/** The choices of the form's review list (SPEC §3.8): what each one writes, in the words of the tabs. */
const REVIEW_OPTION_LABEL: Record<ReviewKind, string> = {
  nam: `${REVIEW_KIND_LABEL.nam} (Xếp hạng, Chỉ tiêu, Rà soát…)`,
  "6-thang": `${REVIEW_KIND_LABEL["6-thang"]} (đến ngày sơ kết trong “Cấu hình”)`,
  "giai-doan": `${REVIEW_KIND_LABEL["giai-doan"]} (mọi năm của giai đoạn đến năm này)`,
};

const SCRIPT = `
(function () {
  var form = document.getElementById("rescore");
  var token = document.getElementById("rescore-token");
  var remember = document.getElementById("rescore-remember");
  var review = document.getElementById("rescore-review");
  var status = document.getElementById("rescore-status");
  var button = form.querySelector("button");
  var KEY = "dvk-score-token";
  // Signed in through Access there is no token field: the browser's Access cookie authenticates the request.
  if (token) { try { var saved = sessionStorage.getItem(KEY); if (saved) { token.value = saved; remember.checked = true; } } catch (e) {} }
  function fail(message) { button.disabled = false; status.className = "status error"; status.textContent = message; }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var headers = { "Content-Type": "application/json" };
    if (token) {
      var value = token.value.trim();
      if (!value) { fail("Vui lòng nhập mã truy cập."); return; }
      try { if (remember.checked) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY); } catch (e) {}
      headers.Authorization = "Bearer " + value;
    }
    var body = { year: Number(form.dataset.year), caller: "Bảng điều khiển" };
    if (form.dataset.spreadsheetId) body.spreadsheetId = form.dataset.spreadsheetId;
    if (review && review.value !== "nam") body.review = review.value;
    button.disabled = true;
    status.className = "status";
    status.textContent = "Đang chấm điểm… việc này có thể mất đến một phút.";
    fetch("/api/score", {
      method: "POST",
      headers: headers,
      credentials: "same-origin",
      body: JSON.stringify(body)
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (json) {
        if (res.status === 202) {
          button.disabled = false;
          status.textContent = "Lần chấm đang chạy nền vì có nhiều nguồn dữ liệu (mã lần chạy " + (json ? json.runId : "") + "). Kết quả sẽ có sau vài phút: hãy tải lại trang sau.";
          return;
        }
        if (res.ok) { status.textContent = "Đã chấm điểm xong. Đang tải lại trang…"; location.href = form.dataset.reload; return; }
        if (res.status === 401 && token) { try { sessionStorage.removeItem(KEY); } catch (e) {} }
        fail(json && json.error && json.error.message ? json.error.message : "Chấm điểm không thành công (mã lỗi " + res.status + ").");
      });
    }).catch(function () { fail("Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại."); });
  });
})();
`;
