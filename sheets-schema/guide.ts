/**
 * The `Hướng dẫn` tab: how to fill each input tab, in plain Vietnamese, for the offices that type them. It is written
 * by `POST /api/setup` (created if missing, rewritten if present: it is generated, never typed) and read by people only.
 *
 * Headers, accepted values, parameter names and their defaults come from the contract itself (`tabs.ts`,
 * `input-rules.ts`, `read-settings.ts`, DEFAULT_SETTINGS), so the guide cannot drift from what the reader accepts;
 * only the explanations are written here.
 */
import { DEFAULT_SETTINGS } from "../scoring/settings.ts";
import { describeRule, inputRule, NO, YES } from "./input-rules.ts";
import { PARAMETERS } from "./read-settings.ts";
import {
  REGISTRATION_COLUMNS,
  REGISTRATIONS_TAB,
  SETTING_COLUMNS,
  SETTINGS_TAB,
  TEAM_COLUMNS,
  TEAMS_TAB,
  UNIT_COLUMNS,
  UNITS_TAB,
  type ColumnSpec,
  type InputTabId,
} from "./tabs.ts";

export const GUIDE_TAB = "Hướng dẫn";

/** The guide as cells (at most three columns) and the rows shown in bold (title, headings, table headers). */
export interface GuideSheet {
  rows: string[][];
  boldRows: number[];
}

type Meanings<C extends readonly ColumnSpec[]> = Record<C[number]["key"], string>;

interface TabGuide<C extends readonly ColumnSpec[]> {
  id: InputTabId;
  title: string;
  columns: C;
  /** What one row is. */
  row: string;
  /** What each column means (its accepted values are added from the rules). */
  meanings: Meanings<C>;
  /** Mistakes the reader reports in `Lỗi dữ liệu`. */
  mistakes: readonly string[];
}

const UNITS: TabGuide<typeof UNIT_COLUMNS> = {
  id: "units",
  title: UNITS_TAB,
  columns: UNIT_COLUMNS,
  row: "Mỗi dòng là một đơn vị: xã, thị trấn; chi bộ; cơ quan, đơn vị; thôn, khu phố; tổ chức chính trị - xã hội.",
  meanings: {
    code: "Mã riêng của đơn vị, không được trùng (chữ hoa hay chữ thường đều như nhau). Các trang khác ghi đơn vị bằng mã này.",
    name: "Tên đơn vị, hiện trong bảng xếp hạng.",
    type: "Loại đơn vị.",
    parentCode: "Mã của đơn vị cấp trên: xã của một thôn, đảng bộ của một chi bộ. Để trống nếu không có.",
    cluster: "Cụm thi đua: đơn vị được xếp hạng trong cụm của mình. Để trống thì xếp hạng theo Loại đơn vị.",
    titleParticipation: "Đơn vị có tham gia xét danh hiệu “Dân vận khéo” không. Để trống: Có, trừ thôn, khu phố.",
  },
  mistakes: [
    "Mã đơn vị bị trùng với một dòng phía trên: dòng sau không được chấm.",
    "Loại đơn vị ghi khác danh sách.",
    "Đơn vị cấp trên ghi mã không có trong cột “Mã đơn vị”: đơn vị vẫn được chấm nhưng không thuộc đơn vị cấp trên nào.",
    "Để trống Mã đơn vị, Tên đơn vị hoặc Loại đơn vị.",
  ],
};

const REGISTRATIONS: TabGuide<typeof REGISTRATION_COLUMNS> = {
  id: "registrations",
  title: REGISTRATIONS_TAB,
  columns: REGISTRATION_COLUMNS,
  row: "Mỗi dòng là một mô hình hoặc một điển hình đăng ký trong một năm. Mô hình duy trì từ năm trước được ghi lại ở năm mới với Hình thức “Duy trì”.",
  meanings: {
    modelId:
      "Mã giữ nguyên qua các năm của mô hình (để rà soát mô hình không đạt hai năm liền); không trùng trong một năm. Có thể để trống.",
    year: "Năm đăng ký.",
    unitCode: "Đơn vị đăng ký.",
    name: "Tên mô hình, điển hình.",
    kind: "Mô hình của tập thể hay điển hình cá nhân.",
    field: "Lĩnh vực của mô hình, điển hình.",
    form: "Chỉ “Xây dựng mới” và “Nhân rộng” được tính vào chỉ tiêu của năm; “Duy trì” vẫn được đánh giá.",
    registeredOn: "Ngày đăng ký: phải có và không sau hạn đăng ký (trang “Cấu hình”, mặc định 31/03).",
    reportedOn: "Ngày nộp báo cáo tự đánh giá. Nộp sau hạn không làm mất công nhận nhưng đơn vị bị cảnh báo.",
    publicVote: "Việc bình chọn có được tổ chức công khai không.",
    votesFor: "Số phiếu đồng ý; không lớn hơn tổng số phiếu.",
    votesCast: "Tổng số phiếu bầu; phải có ít nhất 1 phiếu.",
    acknowledged: "Tập thể nơi có mô hình, điển hình có thừa nhận không.",
    spread: "Mức độ lan tỏa; phải đạt mức tối thiểu ở trang “Cấu hình” (mặc định Cao).",
    committeeRecognised: "Cấp ủy có công nhận là “khéo” không; chỉ xét khi “Yêu cầu cấp ủy công nhận” là Có.",
    note: "Ghi chú tự do; không dùng để chấm điểm.",
  },
  mistakes: [
    "Mã đơn vị không có trong trang “Đơn vị”, hoặc dòng của đơn vị đó ở trang “Đơn vị” đang có lỗi.",
    "Ngày không tồn tại (31/02/2024) hoặc năm chỉ ghi 2 chữ số (1/3/24).",
    "Năm không đủ 4 chữ số.",
    "Số phiếu đồng ý lớn hơn tổng số phiếu; số phiếu âm hoặc có phần lẻ.",
    "Mã mô hình bị trùng trong cùng một năm: dòng sau không được chấm.",
    "Loại, Lĩnh vực, Hình thức hoặc Sức lan tỏa ghi khác danh sách; để trống một cột bắt buộc.",
  ],
};

const TEAMS: TabGuide<typeof TEAM_COLUMNS> = {
  id: "teams",
  title: TEAMS_TAB,
  columns: TEAM_COLUMNS,
  row: "Mỗi dòng là kết quả xếp loại của một tổ dân vận (ở thôn, khu phố) hoặc một khối dân vận (ở xã, thị trấn) trong một năm.",
  meanings: {
    year: "Năm xếp loại.",
    teamId: "Mã của tổ, khối; không trùng trong một năm.",
    name: "Tên tổ, khối.",
    level: "Tổ dân vận hay khối dân vận.",
    unitCode: "Đơn vị của tổ, khối: thôn, khu phố đối với tổ dân vận; xã, thị trấn đối với khối dân vận.",
    rating: "Kết quả xếp loại. Để trống là chưa xếp loại (bị cảnh báo).",
  },
  mistakes: [
    "Mã tổ bị trùng trong cùng một năm: dòng sau không được chấm.",
    "Mã đơn vị không có trong trang “Đơn vị”.",
    "Cấp hoặc Xếp loại ghi khác danh sách.",
  ],
};

const SETTINGS: TabGuide<typeof SETTING_COLUMNS> = {
  id: "settings",
  title: SETTINGS_TAB,
  columns: SETTING_COLUMNS,
  row: "Mỗi dòng thay đổi một quy định chấm điểm; tham số không ghi thì dùng giá trị mặc định ở bảng dưới.",
  meanings: {
    name: "Tên tham số.",
    value: "Giá trị mới. Tỷ lệ ghi được 30%, 30, 0,3 hoặc 0.3; ngày ghi dạng ngày/tháng (31/03); Có hoặc Không.",
  },
  mistakes: [
    "Lỗi ở trang này không vào “Lỗi dữ liệu”: lần chấm dừng lại, không ghi gì và báo dòng sai.",
    "Tham số không có trong danh sách, một tham số ghi hai lần, giá trị không đọc được, bốn trọng số không cộng đủ 100.",
  ],
};

/** What each parameter of `Cấu hình` drives (SPEC §2.4), by its name in `PARAMETERS`. */
const PARAMETER_MEANINGS: Readonly<Record<string, string>> = {
  "Hạn đăng ký": "Hạn đăng ký (ngày/tháng) trong năm đăng ký.",
  "Hạn báo cáo": "Hạn nộp báo cáo tự đánh giá (ngày/tháng).",
  "Báo cáo vào năm sau": "Có: hạn báo cáo rơi vào năm sau năm đăng ký.",
  "Tỷ lệ đồng ý phải trên": "Tỷ lệ phiếu đồng ý trên tổng số phiếu phải lớn hơn mức này.",
  "Sức lan tỏa tối thiểu": "Mức lan tỏa thấp nhất được chấp nhận (Thấp < Trung bình < Cao).",
  "Yêu cầu cấp ủy công nhận": "Có: “Cấp ủy công nhận” thành tiêu chí bắt buộc thứ năm.",
  "Số mô hình tối thiểu": "Số mô hình (xây dựng mới, nhân rộng) được công nhận mỗi đơn vị cần có trong năm.",
  "Số mô hình mục tiêu": "Số mô hình được công nhận trong năm để đạt điểm tối đa phần chỉ tiêu.",
  "Tối thiểu tập thể": "Số mô hình tập thể được công nhận cần có để đạt chỉ tiêu.",
  "Tối thiểu cá nhân": "Số điển hình cá nhân được công nhận cần có để đạt chỉ tiêu.",
  "Số lĩnh vực mục tiêu": "Số lĩnh vực để đạt điểm tối đa phần lĩnh vực.",
  "Trọng số chỉ tiêu": "Điểm của phần chỉ tiêu. Bốn trọng số cộng lại phải bằng 100.",
  "Trọng số tỷ lệ công nhận": "Điểm của tỷ lệ mô hình được công nhận.",
  "Trọng số bình chọn": "Điểm của tỷ lệ phiếu đồng ý bình quân.",
  "Trọng số lĩnh vực": "Điểm của số lĩnh vực có mô hình được công nhận.",
  "Tỷ lệ danh hiệu tối thiểu": "Tỷ lệ thấp nhất của đơn vị tham gia xét được đề xuất danh hiệu.",
  "Tỷ lệ danh hiệu tối đa": "Tỷ lệ cao nhất của đơn vị tham gia xét được đề xuất danh hiệu.",
  "Số tiêu biểu tối thiểu": "Số đơn vị “Dân vận khéo tiêu biểu” ít nhất.",
  "Số tiêu biểu tối đa": "Số đơn vị “Dân vận khéo tiêu biểu” nhiều nhất.",
  "Tổ dân vận tốt trên": "Tỷ lệ tổ dân vận xếp loại Tốt phải trên mức này.",
  "Khối dân vận tốt trên": "Tỷ lệ khối dân vận xếp loại Tốt phải trên mức này.",
  "Độ phủ thôn, khu phố": "Tỷ lệ thôn, khu phố có ít nhất một mô hình, điển hình được công nhận.",
  "Phân bổ suất danh hiệu":
    "Toàn bộ: số suất danh hiệu tính chung cho mọi đơn vị xét danh hiệu. Theo cụm: tính riêng trong từng cụm thi đua (hoặc loại đơn vị).",
  "Ngày sơ kết 6 tháng":
    "Ngày chốt số liệu sơ kết 6 tháng (ngày/tháng trong năm chấm): tính các đăng ký có Ngày đăng ký đến hết ngày này, và trong đó các đăng ký đã báo cáo.",
  "Giai đoạn":
    "Giai đoạn của tổng kết, ghi năm đầu-năm cuối (ví dụ 2021-2025; dài tối đa 10 năm). Theo năm chấm: giai đoạn 5 năm chứa năm chấm (2016-2020, 2021-2025, 2026-2030…).",
};

/**
 * Every parameter of `Cấu hình`, in the reader's order, with its default written from DEFAULT_SETTINGS the way the
 * reader reads it back, and what it drives.
 */
if (Object.keys(PARAMETER_MEANINGS).length !== PARAMETERS.length)
  throw new Error("Hướng dẫn: a meaning names no parameter");

export const PARAMETER_GUIDE: readonly { name: string; defaultValue: string; meaning: string }[] = PARAMETERS.map(
  (p) => {
    const meaning = PARAMETER_MEANINGS[p.name];
    if (meaning === undefined) throw new Error(`Hướng dẫn: no meaning written for the parameter "${p.name}"`);
    return { name: p.name, defaultValue: p.show(DEFAULT_SETTINGS), meaning };
  },
);

/** The generated tabs as people see them listed (`{năm}` stands for the scored year). */
export const GENERATED_TAB_GUIDE: readonly { title: string; meaning: string }[] = [
  {
    title: "Xếp hạng {năm}",
    meaning:
      "Mỗi đơn vị một dòng: hạng trong cụm thi đua, điểm và bốn phần điểm, đạt chỉ tiêu, đề xuất danh hiệu, lý do chưa được đề xuất, cảnh báo.",
  },
  {
    title: "Kết quả mô hình {năm}",
    meaning: "Mỗi mô hình, điển hình của năm: kết quả từng tiêu chí, có được công nhận không và lý do.",
  },
  { title: "Chỉ tiêu {năm}", meaning: "Các chỉ tiêu của phong trào: mục tiêu, thực hiện, Đạt hay Chưa đạt." },
  {
    title: "Tổ, khối dân vận {năm}",
    meaning:
      "Tỷ lệ tổ dân vận xếp loại Tốt của từng xã; các tổ, khối xếp loại Yếu hoặc chưa xếp loại. (Khác trang nhập liệu cùng tên không có năm.)",
  },
  { title: "Rà soát {năm}", meaning: "Mô hình đề nghị đưa ra khỏi danh sách hoặc cần củng cố." },
  {
    title: "Sơ kết 6 tháng {năm}",
    meaning:
      "Chỉ ghi khi chấm sơ kết 6 tháng: mỗi đơn vị số đăng ký và số đã báo cáo đến ngày sơ kết (Chưa đăng ký nếu chưa có); dưới đó là số đăng ký theo lĩnh vực, loại, hình thức.",
  },
  {
    title: "Tổng kết {giai đoạn}",
    meaning:
      "Chỉ ghi khi chấm tổng kết giai đoạn (ví dụ Tổng kết 2021-2025): kết quả từng năm và cả giai đoạn của mỗi đơn vị; dưới đó là tổng theo năm, lĩnh vực, loại. Năm chưa có đăng ký ghi “chưa có dữ liệu”.",
  },
  {
    title: "Lỗi dữ liệu",
    meaning:
      "Các ô không đọc được của lần chấm gần nhất: trang tính, ô, giá trị, lỗi. Sửa ở trang nhập liệu rồi chấm lại.",
  },
  { title: "Nhật ký chấm điểm", meaning: "Mỗi lần chấm thêm một dòng; không bao giờ bị xóa." },
];

const INTRO: readonly string[] = [
  "Các cơ quan, đơn vị điền bốn trang nhập liệu: “Đơn vị”, “Đăng ký”, “Tổ, khối dân vận”, “Cấu hình”.",
  "Hệ thống đọc các trang này, chấm điểm và ghi kết quả vào các trang kết quả (xem cuối trang).",
  "Cột được tìm theo tiêu đề ở dòng 1, không theo vị trí: được đổi thứ tự cột, chèn thêm cột (ví dụ “STT”).",
  "Không sửa tiêu đề cột. Cột có tiêu đề khác bị bỏ qua; dòng trống bị bỏ qua.",
  "Thiếu cột bắt buộc hoặc “Cấu hình” sai thì lần chấm dừng lại và không ghi gì.",
  "Một ô ghi sai chỉ làm dòng đó không được chấm; ô đó được liệt kê ở trang “Lỗi dữ liệu” kèm địa chỉ ô để sửa.",
  "Ô có danh sách chọn thì chọn trong danh sách. Giá trị cũ ghi kiểu khác (không dấu, VH-XH, TT/CN, x là Có) vẫn được hiểu.",
  // A spreadsheet whose locale puts the month first turns a typed 05/03/2024 into 3 May, silently (days ≤ 12 only).
  "Ngày ghi ngày trước, tháng sau (05/03/2024 là ngày 5 tháng 3). Để Google Sheets hiểu đúng, bảng tính phải đặt khu vực Việt Nam: Tệp → Cài đặt → Ngôn ngữ, khu vực (Locale) → Việt Nam. Nếu đặt khu vực Hoa Kỳ, 05/03/2024 bị hiểu thành ngày 3 tháng 5.",
];

/**
 * The whole guide, the same for every spreadsheet.
 *
 * @example guideSheet().rows[0] // → ["Hướng dẫn nhập liệu – phong trào “Dân vận khéo”"]
 */
export function guideSheet(): GuideSheet {
  const rows: string[][] = [];
  const boldRows: number[] = [];
  const bold = (row: string[]) => {
    boldRows.push(rows.length);
    rows.push(row);
  };
  const blank = () => rows.push([]);

  bold(["Hướng dẫn nhập liệu – phong trào “Dân vận khéo”"]);
  rows.push(["Trang này do hệ thống tạo và được viết lại mỗi khi chuẩn bị bảng tính; không ghi vào đây."]);
  blank();
  for (const line of INTRO) rows.push([line]);

  for (const tab of [UNITS, REGISTRATIONS, TEAMS, SETTINGS] as TabGuide<readonly ColumnSpec[]>[]) {
    blank();
    bold([`Trang “${tab.title}”`]);
    rows.push([tab.row]);
    bold(["Cột", "Bắt buộc", "Cách ghi"]);
    for (const column of tab.columns) {
      const rule = inputRule(tab.id, column.key);
      const meaning = (tab.meanings as Record<string, string>)[column.key] ?? "";
      rows.push([column.header, column.required ? YES : NO, rule ? `${meaning} ${describeRule(rule)}` : meaning]);
    }
    if (tab.id === "settings") {
      bold(["Tham số", "Mặc định", "Ý nghĩa"]);
      for (const p of PARAMETER_GUIDE) rows.push([p.name, p.defaultValue, p.meaning]);
    }
    bold(["Lỗi thường gặp"]);
    for (const mistake of tab.mistakes) rows.push([`• ${mistake}`]);
  }

  blank();
  bold(["Các trang kết quả (hệ thống tạo, không nhập tay)"]);
  rows.push(["Mỗi lần chấm điểm ghi đè toàn bộ các trang này; sửa tay trong đó sẽ mất ở lần chấm sau."]);
  rows.push(["Chúng được bảo vệ ở chế độ cảnh báo: Google Sheets hỏi lại trước khi cho sửa."]);
  bold(["Trang", "", "Nội dung"]);
  for (const tab of GENERATED_TAB_GUIDE) rows.push([tab.title, "", tab.meaning]);
  return { rows, boldRows };
}
