/**
 * Names of models (mô hình, collective) and exemplars (điển hình, often one person) in the four fields of the
 * movement, after the examples of the seed plans (000 §II.2, 003).
 */
import { lowerFirst, upperFirst, type Person } from "./names.ts";
import type { Random } from "./random.ts";

/** The four fields (Lĩnh vực), as SPEC §2.2 spells them; a field is an index into this list. */
export const FIELD_LABELS = [
  "Kinh tế",
  "Văn hóa - xã hội",
  "Quốc phòng - an ninh",
  "Xây dựng hệ thống chính trị",
] as const;
export type FieldIndex = 0 | 1 | 2 | 3;

/** Who a model suits: a village or commune ("local"), an office ("office"), or anybody. */
type Audience = "local" | "office" | "any";

const COLLECTIVE: Record<FieldIndex, readonly (readonly [string, Audience])[]> = {
  0: [
    ["Dân vận khéo trong xây dựng nông thôn mới", "local"],
    ["Dân vận khéo trong xây dựng nông thôn mới nâng cao", "local"],
    ["Vận động nhân dân hiến đất, góp công làm đường giao thông nông thôn", "local"],
    ["Mô hình “Cánh đồng mẫu lớn” liên kết sản xuất lúa chất lượng cao", "local"],
    ["Vận động nhân dân dồn điền, đổi thửa", "local"],
    ["Mô hình trồng vải thiều theo tiêu chuẩn VietGAP", "local"],
    ["Tổ hợp tác nuôi ong lấy mật", "local"],
    ["Vận động nhân dân chuyển đổi cơ cấu cây trồng trên đất lúa kém hiệu quả", "local"],
    ["Chi hội nông dân nghề nghiệp trồng rau an toàn", "local"],
    ["Mô hình “Phụ nữ tiết kiệm, giúp nhau phát triển kinh tế”", "any"],
    ["Dân vận khéo trong giải phóng mặt bằng", "any"],
    ["Vận động nhân dân bàn giao mặt bằng thi công đường tỉnh", "local"],
    ["Hỗ trợ hộ nghèo phát triển chăn nuôi bò sinh sản", "any"],
    ["Xây dựng sản phẩm OCOP gạo nếp cái hoa vàng", "local"],
    ["Mô hình “Tổ vay vốn tiết kiệm” giúp hội viên thoát nghèo", "any"],
    ["Tổ hợp tác sản xuất nấm sò", "local"],
    ["Vận động doanh nghiệp chung sức xây dựng nông thôn mới", "office"],
    ["Mô hình “Chợ an toàn thực phẩm, văn minh thương mại”", "local"],
    ["Kết nối tiêu thụ nông sản qua mạng xã hội", "any"],
    ["Mô hình nuôi cá lồng trên sông", "local"],
    ["Vận động người nộp thuế thực hiện hóa đơn điện tử", "office"],
    ["Hỗ trợ người dân tiếp cận vốn vay ưu đãi", "office"],
    ["Mô hình “Vườn mẫu” gắn với du lịch sinh thái", "local"],
    ["Vận động nhân dân ứng dụng tưới tiết kiệm nước", "local"],
    ["Mô hình “Đảng viên giúp đảng viên phát triển kinh tế”", "any"],
  ],
  1: [
    ["Mô hình “Tuyến đường hoa”", "local"],
    ["Mô hình “Tuyến đường hoa, cây xanh, sạch đẹp”", "local"],
    ["Tuyến đường tự quản về vệ sinh môi trường", "local"],
    ["Vận động nhân dân phân loại rác thải tại nguồn", "local"],
    ["Mô hình “Ngày Chủ nhật xanh”", "any"],
    ["Thực hiện nếp sống văn minh trong việc cưới, việc tang", "local"],
    ["Mô hình “Dòng họ khuyến học, khuyến tài”", "local"],
    ["Tủ sách cộng đồng", "local"],
    ["Mô hình “Thắp sáng đường quê”", "local"],
    ["Mô hình “Con đường bích họa”", "local"],
    ["Mô hình “Mái ấm tình thương” cho hội viên nghèo", "any"],
    ["Mô hình “Nuôi heo đất” giúp học sinh nghèo vượt khó", "any"],
    ["Vận động toàn dân tham gia bảo hiểm y tế", "any"],
    ["Câu lạc bộ dân ca, văn nghệ quần chúng", "local"],
    ["Mô hình “Gia đình 5 không, 3 sạch”", "local"],
    ["Mô hình “Khu dân cư văn hóa kiểu mẫu”", "local"],
    ["Mô hình “Bữa sáng yêu thương”", "any"],
    ["Câu lạc bộ dưỡng sinh người cao tuổi", "local"],
    ["Mô hình “Nhà sạch, vườn đẹp”", "local"],
    ["Mô hình “Biến điểm đen rác thải thành vườn hoa”", "local"],
    ["Mô hình “Xe đạp yêu thương” tặng học sinh nghèo", "any"],
    ["Công sở văn minh, sạch đẹp, an toàn", "office"],
    ["Vận động học sinh đội mũ bảo hiểm, nói không với thuốc lá điện tử", "office"],
    ["Mô hình “Sân chơi cho em” trong dịp hè", "any"],
    ["Mô hình “Nhà văn hóa sáng - xanh - sạch - đẹp”", "local"],
    ["Mô hình “Góp gạo nghĩa tình” giúp hộ khó khăn", "any"],
  ],
  2: [
    ["Mô hình “Camera an ninh” - mắt thần khu dân cư", "local"],
    ["Tổ tự quản an ninh trật tự", "local"],
    ["Khu dân cư không có tội phạm và tệ nạn ma túy", "local"],
    ["Dân vận khéo trong công tác tuyển chọn, gọi công dân nhập ngũ", "any"],
    ["Mô hình “Tiếng kẻng an ninh”", "local"],
    ["Mô hình “Gia đình không có người vi phạm pháp luật”", "local"],
    ["Mô hình “Điểm chữa cháy công cộng”", "local"],
    ["Tổ hòa giải ở cơ sở giỏi", "local"],
    ["Vận động nhân dân giao nộp vũ khí, vật liệu nổ", "any"],
    ["Mô hình “Tuyến đường an toàn giao thông”", "local"],
    ["Mô hình “Cổng trường an toàn giao thông”", "office"],
    ["Mô hình “Tổ liên gia an toàn phòng cháy, chữa cháy”", "local"],
    ["Cảm hóa, giáo dục người lầm lỗi tại cộng đồng", "any"],
    ["Mô hình “Zalo an ninh trật tự”", "local"],
    ["Dân quân tự vệ tham gia giữ gìn an ninh trật tự", "local"],
    ["Tuyên truyền, phổ biến pháp luật cho đồng bào có đạo", "any"],
    ["Tiếp nhận, giải quyết đơn thư ngay từ cơ sở", "office"],
  ],
  3: [
    ["Mô hình “Bộ phận một cửa thân thiện”", "office"],
    ["Mô hình “3 không” trong giải quyết thủ tục hành chính", "office"],
    ["Đảng viên nhận đỡ đầu hộ gia đình khó khăn", "any"],
    ["Nâng cao chất lượng sinh hoạt chi bộ", "any"],
    ["Mô hình “Ngày thứ Bảy cùng dân”", "any"],
    ["Cán bộ, đảng viên gương mẫu nơi cư trú", "any"],
    ["Đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với nhân dân", "local"],
    ["Mô hình “Nói dân hiểu, làm dân tin”", "any"],
    ["Mô hình “Hòm thư góp ý của nhân dân”", "local"],
    ["Mô hình “Zalo kết nối cộng đồng”", "local"],
    ["Thực hiện tốt quy chế dân chủ ở cơ sở", "any"],
    ["Mô hình “Dân vận chính quyền”", "any"],
    ["Hỗ trợ người dân nộp hồ sơ dịch vụ công trực tuyến", "office"],
    ["Mô hình “Cán bộ đi từng ngõ, gõ từng nhà”", "local"],
    ["Tổ công nghệ số cộng đồng", "local"],
    ["Mô hình “Chi bộ 4 tốt”", "any"],
    ["Phát triển đảng viên trong đoàn viên thanh niên", "any"],
    ["Mô hình “Lắng nghe ý kiến nhân dân” trước khi ban hành chủ trương", "office"],
  ],
};

/** The collective names that suit a local unit, and those that suit an office, by field. */
const FITTING = {
  local: fitting("local"),
  office: fitting("office"),
};

function fitting(audience: Audience): Record<FieldIndex, string[]> {
  const of = (f: FieldIndex) => COLLECTIVE[f].filter(([, who]) => who === "any" || who === audience).map(([n]) => n);
  return { 0: of(0), 1: of(1), 2: of(2), 3: of(3) };
}

/**
 * Deeds of an exemplar, written to read after "Điển hình: ": `{p}` is "ông/bà Họ Tên", `{q}` the bare name,
 * `{teacher}` "thầy giáo"/"cô giáo", `{n}` a small number.
 */
const EXEMPLAR: Record<FieldIndex, readonly string[]> = {
  0: [
    "{p} hiến {n}0 m² đất làm đường giao thông nông thôn",
    "{p}, nông dân sản xuất, kinh doanh giỏi, giúp đỡ {n} hộ thoát nghèo",
    "{p} khởi nghiệp với sản phẩm OCOP",
    "{p}, trưởng thôn, vận động nhân dân dồn điền, đổi thửa",
    "{p} tiên phong chuyển đổi cây trồng, thu nhập trên {n}00 triệu đồng/năm",
    "{p}, chi hội trưởng nông dân, vận động thành lập tổ hợp tác",
    "{p} vận động {n} hộ bàn giao mặt bằng đúng tiến độ",
  ],
  1: [
    "{p} vận động xóa bỏ hủ tục trong việc tang",
    "{p}, người có uy tín, vận động nhân dân giữ gìn vệ sinh môi trường",
    "{teacher} {q} vận động {n} học sinh bỏ học trở lại lớp",
    "bác sĩ {q} tận tụy chăm sóc sức khỏe người cao tuổi",
    "{p} nhiều năm ủng hộ quỹ khuyến học của dòng họ",
    "{p} nấu cháo từ thiện tại Trung tâm Y tế huyện",
    "{p} vận động {n}0 hộ tham gia bảo hiểm y tế",
  ],
  2: [
    "đồng chí {q}, Công an xã, gần dân, sát dân, vì nhân dân",
    "cựu chiến binh {q} tham gia giữ gìn an ninh trật tự",
    "{p}, hòa giải viên giỏi ở cơ sở",
    "đồng chí {q}, Chỉ huy trưởng Quân sự xã, vận động thanh niên lên đường nhập ngũ",
    "{p} cảm hóa {n} người lầm lỗi tái hòa nhập cộng đồng",
    "{p} lắp đặt {n} camera an ninh cho xóm",
  ],
  3: [
    "đồng chí {q}, Bí thư chi bộ, gương mẫu nêu gương nơi cư trú",
    "đồng chí {q}, công chức một cửa, tận tình hướng dẫn người dân",
    "đảng viên {q} nhận đỡ đầu {n} học sinh có hoàn cảnh khó khăn",
    "đồng chí {q}, cán bộ dân vận “đi từng ngõ, gõ từng nhà”",
    "đồng chí {q}, Chủ tịch Ủy ban MTTQ xã, tích cực góp ý xây dựng Đảng, chính quyền",
    "đồng chí {q} giải quyết dứt điểm {n} đơn thư kéo dài",
  ],
};

/**
 * A model name for a unit; `place` (e.g. "Thôn Đông", "Xã Tân Phú") is sometimes added for a local unit, and is
 * null for an office.
 * @example collectiveModelName(rng, 1, "Thôn Đông") // → "Mô hình “Tuyến đường hoa” ở thôn Đông"
 */
export function collectiveModelName(rng: Random, field: FieldIndex, place: string | null): string {
  const base = rng.pick(FITTING[place ? "local" : "office"][field]);
  if (!place || !rng.chance(0.35)) return base;
  return `${base} ${place.startsWith("Thôn") || place.startsWith("Khu phố") ? "ở" : "tại"} ${lowerFirst(place)}`;
}

/**
 * An exemplar name about one person.
 * @example exemplarName(rng, 0, { fullName: "Nguyễn Văn Hùng", honorific: "ông" })
 *   // → "Điển hình: ông Nguyễn Văn Hùng hiến 120 m² đất làm đường giao thông nông thôn"
 */
export function exemplarName(rng: Random, field: FieldIndex, person: Person): string {
  const deed = rng
    .pick(EXEMPLAR[field])
    .replace("{p}", `${person.honorific} ${person.fullName}`)
    .replace("{q}", person.fullName)
    .replace("{teacher}", person.honorific === "bà" ? "cô giáo" : "thầy giáo")
    .replace("{n}", String(rng.int(2, 15)));
  return rng.chance(0.4) ? `Điển hình: ${deed}` : upperFirst(deed);
}
