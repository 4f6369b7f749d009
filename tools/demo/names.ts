/**
 * Vietnamese names for the demo district: communes, villages, agencies, party cells, mass organisations and people,
 * in the spelling a district office uses (new-style tone marks: "hòa", "ủy").
 */
import type { Random } from "./random.ts";

// Commune and town names, after the xã of Bắc Giang, Hưng Yên and the south (seeds 000, 003).
const COMMUNE_NAMES = [
  "Tân Phú",
  "Phước Long",
  "Cao Xá",
  "Việt Lập",
  "Liên Chung",
  "Ngọc Thiện",
  "Ngọc Vân",
  "Ngọc Châu",
  "Ngọc Lý",
  "Lam Cốt",
  "Song Vân",
  "Phúc Hòa",
  "An Dương",
  "Hợp Đức",
  "Quế Nham",
  "Lan Giới",
  "Đại Hóa",
  "Quang Tiến",
  "Tân Trung",
  "Liên Sơn",
  "Nhã Nam",
  "Cao Thượng",
  "Phúc Sơn",
  "Việt Ngọc",
  "Bình Minh",
  "Dạ Trạch",
  "Đông Kết",
  "Tân Dân",
  "Hàm Tử",
  "Ông Đình",
  "Đông Tảo",
  "Phùng Hưng",
  "Thuần Hưng",
  "Đồng Tiến",
  "Hồng Tiến",
  "Chí Tân",
  "An Bình",
  "Hòa Thuận",
  "Vĩnh Hưng",
  "Long Hưng",
  "Đức Thạnh",
  "Thạnh Lợi",
  "Mỹ Lộc",
  "Xuân Lâm",
  "Hương Sơn",
  "Thanh Hải",
  "Trung Thành",
  "Đại Đồng",
  "Kim Sơn",
  "Cẩm Lý",
  "Hoàng Ninh",
  "Minh Đức",
  "Quang Minh",
  "Hồng Phong",
  "Thái Sơn",
  "Bảo Sơn",
  "Yên Lư",
  "Nghĩa Trung",
  "Tiền Phong",
  "Hương Lâm",
  "Đoan Bái",
  "Mai Đình",
  "Lương Phong",
  "Hoàng Vân",
  "Thường Thắng",
  "Danh Thắng",
  "Tân Mỹ",
  "Song Khê",
  "Nội Hoàng",
  "Tiến Dũng",
  "Xương Giang",
  "Dĩnh Trì",
] as const;

// Name parts for more communes when the list runs out (a province has hundreds).
const NAME_FIRST = [
  "Tân",
  "An",
  "Phú",
  "Phước",
  "Hòa",
  "Bình",
  "Vĩnh",
  "Long",
  "Đức",
  "Hưng",
  "Thạnh",
  "Thuận",
  "Quang",
  "Minh",
  "Ngọc",
  "Xuân",
  "Hồng",
  "Liên",
  "Việt",
  "Song",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Trung",
  "Kim",
  "Cẩm",
  "Hợp",
  "Đại",
  "Thanh",
  "Mỹ",
  "Yên",
] as const;
const NAME_SECOND = [
  "Phú",
  "Long",
  "An",
  "Bình",
  "Hòa",
  "Thịnh",
  "Lợi",
  "Hưng",
  "Thành",
  "Tiến",
  "Sơn",
  "Hải",
  "Lâm",
  "Thủy",
  "Yên",
  "Lạc",
  "Xuân",
  "Đức",
  "Mỹ",
  "Lộc",
  "Phong",
  "Vinh",
  "Trung",
  "Tân",
  "Hiệp",
  "Khánh",
  "Quang",
  "Nghĩa",
  "Châu",
  "Vân",
  "Lập",
  "Đạt",
] as const;

// Names of thôn and khu phố.
const VILLAGE_NAMES = [
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Trung",
  "Thượng",
  "Hạ",
  "Tiền",
  "Hậu",
  "Chợ",
  "Đình",
  "Giữa",
  "Đồng Lạc",
  "Bãi Ban",
  "Tiến Phan",
  "Đình Nẻo",
  "Tân Lập",
  "Tân Sơn",
  "Hòa Bình",
  "Hòa Thịnh",
  "Đồng Tâm",
  "Thống Nhất",
  "Quyết Tiến",
  "Tiên Phong",
  "Hợp Tiến",
  "Đoàn Kết",
  "Đồng Khanh",
  "Trại Mới",
  "Làng Vàng",
  "Chùa",
  "Cầu Đen",
  "Ngọc Cục",
  "Bùi",
  "Lũy",
  "Phú Thọ",
  "Kim Tràng",
  "An Lạc",
  "Vĩnh Thịnh",
  "Mai Hạ",
  "Mai Thượng",
  "Đồng Sen",
  "Đá Ong",
  "Kè",
  "Lãn Tranh",
  "Đồi Ngô",
  "Tân Thành",
  "Hố Dầu",
  "Dinh Thép",
  "Núi Hiểu",
  "Đồng Vàng",
  "Phúc Lâm",
  "Cầu Gỗ",
  "Hưng Đạo",
  "Lê Lợi",
  "Trần Phú",
  "Quang Trung",
  "Nguyễn Trãi",
  "Hoàng Hoa Thám",
  "Minh Khai",
  "Bình Minh",
  "Sơn Hà",
  "Thanh Bình",
  "Xuân Lan",
  "Cao Lôi",
  "Cửa Sông",
  "Bến Đò",
  "Gò Cao",
  "Đồng Quan",
  "Ao Dài",
  "Vườn Hoa",
  "Trường Sơn",
  "Tân Hòa",
  "Phố Mới",
  "Đồng Kỵ",
  "Ninh Xuyên",
  "Yên Ninh",
  "Thái Hòa",
  "Hương Mạc",
  "Văn Giang",
  "Ngọc Sơn",
  "Phúc Lộc",
  "Đại Thành",
  "An Phú",
  "Hòa Lạc",
  "Hợp Thịnh",
  "Long Sơn",
  "Khánh Hưng",
] as const;

/** The district names of a province (003: Tân Yên, Bắc Giang; 000: Khoái Châu, Hưng Yên). */
export const DISTRICT_NAMES = [
  "Tân Yên",
  "Lục Nam",
  "Yên Thế",
  "Hiệp Hòa",
  "Lạng Giang",
  "Việt Yên",
  "Yên Dũng",
  "Sơn Động",
  "Lục Ngạn",
  "Khoái Châu",
  "Văn Giang",
  "Ân Thi",
  "Kim Động",
  "Phù Cừ",
  "Tiên Lữ",
  "Văn Lâm",
] as const;

/** `count` distinct commune names (without the "Xã"/"Thị trấn" prefix). */
export function communeNames(rng: Random, count: number): string[] {
  const names = new Set<string>(rng.sample(COMMUNE_NAMES, count));
  while (names.size < count) {
    const first = rng.pick(NAME_FIRST);
    const second = rng.pick(NAME_SECOND);
    if (first !== second) names.add(`${first} ${second}`);
  }
  return [...names];
}

/**
 * `count` distinct village names of one commune, with their prefix: "Thôn Đông", "Thôn 3", "Khu phố Hòa Bình".
 * Some communes number their villages, most name them; a town has khu phố.
 */
export function villageNames(rng: Random, count: number, isTown: boolean): string[] {
  const prefix = isTown ? "Khu phố" : "Thôn";
  if (rng.chance(isTown ? 0.5 : 0.3)) return Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);
  const names = rng.sample(VILLAGE_NAMES, count).map((n) => `${prefix} ${n}`);
  for (let i = names.length; i < count; i++) names.push(`${prefix} ${i + 1}`);
  return names;
}

/** A district-level body and the emulation bloc (Cụm/Khối thi đua) it competes in; null: none, ranked by type. */
export interface AgencyName {
  name: string;
  bloc: string | null;
  /** Where its models usually are: index into the four fields (Kinh tế, VH-XH, QP-AN, XDHTCT). */
  leaning: 0 | 1 | 2 | 3;
}

const PARTY_BLOC = "Khối cơ quan Đảng";
const GOVERNMENT_BLOC = "Khối cơ quan chính quyền";
const FORCES_BLOC = "Khối lực lượng vũ trang";

/** Cơ quan, đơn vị of a district, in the order they are listed (party bloc first). */
export const DISTRICT_AGENCIES: readonly AgencyName[] = [
  { name: "Văn phòng Huyện ủy", bloc: PARTY_BLOC, leaning: 3 },
  { name: "Ban Tổ chức Huyện ủy", bloc: PARTY_BLOC, leaning: 3 },
  { name: "Ban Tuyên giáo Huyện ủy", bloc: PARTY_BLOC, leaning: 1 },
  { name: "Ban Dân vận Huyện ủy", bloc: PARTY_BLOC, leaning: 3 },
  { name: "Ủy ban Kiểm tra Huyện ủy", bloc: PARTY_BLOC, leaning: 3 },
  { name: "Trung tâm Chính trị huyện", bloc: PARTY_BLOC, leaning: 3 },
  { name: "Văn phòng HĐND và UBND huyện", bloc: GOVERNMENT_BLOC, leaning: 3 },
  { name: "Phòng Nội vụ", bloc: GOVERNMENT_BLOC, leaning: 3 },
  { name: "Phòng Tư pháp", bloc: GOVERNMENT_BLOC, leaning: 2 },
  { name: "Phòng Tài chính - Kế hoạch", bloc: GOVERNMENT_BLOC, leaning: 0 },
  { name: "Phòng Tài nguyên và Môi trường", bloc: GOVERNMENT_BLOC, leaning: 0 },
  { name: "Phòng Lao động - Thương binh và Xã hội", bloc: GOVERNMENT_BLOC, leaning: 1 },
  { name: "Phòng Văn hóa và Thông tin", bloc: GOVERNMENT_BLOC, leaning: 1 },
  { name: "Phòng Giáo dục và Đào tạo", bloc: GOVERNMENT_BLOC, leaning: 1 },
  { name: "Phòng Y tế", bloc: GOVERNMENT_BLOC, leaning: 1 },
  { name: "Thanh tra huyện", bloc: GOVERNMENT_BLOC, leaning: 3 },
  { name: "Phòng Nông nghiệp và Phát triển nông thôn", bloc: GOVERNMENT_BLOC, leaning: 0 },
  { name: "Phòng Kinh tế và Hạ tầng", bloc: GOVERNMENT_BLOC, leaning: 0 },
  { name: "Trung tâm Văn hóa, Thông tin và Thể thao huyện", bloc: GOVERNMENT_BLOC, leaning: 1 },
  { name: "Trung tâm Y tế huyện", bloc: GOVERNMENT_BLOC, leaning: 1 },
  { name: "Ban Quản lý dự án đầu tư xây dựng huyện", bloc: GOVERNMENT_BLOC, leaning: 0 },
  { name: "Trung tâm Dịch vụ nông nghiệp huyện", bloc: GOVERNMENT_BLOC, leaning: 0 },
  { name: "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện", bloc: GOVERNMENT_BLOC, leaning: 1 },
  { name: "Công an huyện", bloc: FORCES_BLOC, leaning: 2 },
  { name: "Ban Chỉ huy Quân sự huyện", bloc: FORCES_BLOC, leaning: 2 },
  { name: "Chi cục Thuế huyện", bloc: null, leaning: 0 },
  { name: "Kho bạc Nhà nước huyện", bloc: null, leaning: 3 },
  { name: "Bảo hiểm xã hội huyện", bloc: null, leaning: 1 },
  { name: "Phòng Giao dịch Ngân hàng Chính sách xã hội huyện", bloc: null, leaning: 0 },
  { name: "Chi nhánh Ngân hàng Nông nghiệp và Phát triển nông thôn huyện", bloc: null, leaning: 0 },
  { name: "Điện lực huyện", bloc: null, leaning: 0 },
  { name: "Tòa án nhân dân huyện", bloc: null, leaning: 2 },
  { name: "Viện Kiểm sát nhân dân huyện", bloc: null, leaning: 2 },
  { name: "Chi cục Thi hành án dân sự huyện", bloc: null, leaning: 2 },
  { name: "Chi cục Thống kê huyện", bloc: null, leaning: 3 },
  { name: "Bưu điện huyện", bloc: null, leaning: 0 },
  { name: "Hạt Kiểm lâm huyện", bloc: null, leaning: 2 },
  { name: "Ban Quản lý các khu di tích huyện", bloc: null, leaning: 1 },
];

/** Tổ chức chính trị - xã hội of a district (MTTQ and the mass organisations). */
export const MASS_ORGANISATIONS: readonly AgencyName[] = [
  { name: "Ủy ban MTTQ Việt Nam huyện", bloc: "Khối Mặt trận, đoàn thể", leaning: 3 },
  { name: "Hội Nông dân huyện", bloc: "Khối Mặt trận, đoàn thể", leaning: 0 },
  { name: "Hội Liên hiệp Phụ nữ huyện", bloc: "Khối Mặt trận, đoàn thể", leaning: 1 },
  { name: "Huyện đoàn", bloc: "Khối Mặt trận, đoàn thể", leaning: 1 },
  { name: "Hội Cựu chiến binh huyện", bloc: "Khối Mặt trận, đoàn thể", leaning: 2 },
  { name: "Liên đoàn Lao động huyện", bloc: "Khối Mặt trận, đoàn thể", leaning: 3 },
];

/**
 * Party cells (chi bộ) under a commune's party committee; `{c}` is the commune name, `{l}` "xã"/"thị trấn".
 * @example "Chi bộ Trường THCS {c}" → "Chi bộ Trường THCS Ngọc Thiện"
 */
export const PARTY_CELL_TEMPLATES: readonly { template: string; leaning: 0 | 1 | 2 | 3 }[] = [
  { template: "Chi bộ Trường THCS {c}", leaning: 1 },
  { template: "Chi bộ Trường Tiểu học {c}", leaning: 1 },
  { template: "Chi bộ Trường Mầm non {c}", leaning: 1 },
  { template: "Chi bộ Trạm Y tế {l} {c}", leaning: 1 },
  { template: "Chi bộ Công an {l} {c}", leaning: 2 },
  { template: "Chi bộ Quân sự {l} {c}", leaning: 2 },
  { template: "Chi bộ Quỹ tín dụng nhân dân {c}", leaning: 0 },
  { template: "Chi bộ Hợp tác xã dịch vụ nông nghiệp {c}", leaning: 0 },
];

/**
 * The name a district body carries in a province, where every district has its own: "Phòng Tư pháp" → "Phòng Tư
 * pháp huyện Lục Nam", "Ban Tuyên giáo Huyện ủy" → "Ban Tuyên giáo Huyện ủy Lục Nam".
 */
export function inDistrict(name: string, district: string | null): string {
  if (!district) return name;
  if (/(huyện|Huyện ủy|Huyện đoàn)$/.test(name)) return `${name} ${district}`;
  return `${name} huyện ${district}`;
}

// People (for điển hình cá nhân).
const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Huỳnh",
  "Phan",
  "Vũ",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
  "Đào",
  "Đinh",
  "Lương",
  "Trịnh",
  "Thân",
  "Giáp",
  "Nguyễn",
  "Trần",
  "Nguyễn",
] as const;
const MIDDLE_MALE = ["Văn", "Đức", "Hữu", "Minh", "Quang", "Xuân", "Công", "Thành", "Ngọc", "Văn", "Văn"] as const;
const MIDDLE_FEMALE = ["Thị", "Thu", "Ngọc", "Minh", "Thanh", "Hồng", "Thị", "Thị"] as const;
const GIVEN_MALE = [
  "Hùng",
  "Dũng",
  "Tuấn",
  "Thắng",
  "Bình",
  "Cường",
  "Hải",
  "Long",
  "Nam",
  "Sơn",
  "Tiến",
  "Toàn",
  "Khánh",
  "Hưng",
  "Phong",
  "Quyết",
  "Thành",
  "Vinh",
  "Tựu",
  "Kiểm",
  "Lâm",
  "Đạt",
  "Trường",
  "Chiến",
] as const;
const GIVEN_FEMALE = [
  "Lan",
  "Hương",
  "Hoa",
  "Mai",
  "Hạnh",
  "Nga",
  "Thủy",
  "Huyền",
  "Linh",
  "Trang",
  "Hằng",
  "Dung",
  "Nhung",
  "Phượng",
  "Yến",
  "Thảo",
  "Oanh",
  "Thắm",
  "Liên",
  "Hiền",
] as const;

export interface Person {
  fullName: string;
  /** "ông" or "bà", lower case as in the middle of a sentence. */
  honorific: "ông" | "bà";
}

export function personName(rng: Random): Person {
  const female = rng.chance(0.45);
  const fullName = female
    ? `${rng.pick(FAMILY)} ${rng.pick(MIDDLE_FEMALE)} ${rng.pick(GIVEN_FEMALE)}`
    : `${rng.pick(FAMILY)} ${rng.pick(MIDDLE_MALE)} ${rng.pick(GIVEN_MALE)}`;
  return { fullName, honorific: female ? "bà" : "ông" };
}

/** "thôn Đông" from "Thôn Đông": how a name reads in the middle of a sentence. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** "Ông Nguyễn Văn A …" from "ông Nguyễn Văn A …". */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
