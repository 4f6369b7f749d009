/**
 * The readers of every enumerated column (SPEC §2): the official names come from `scoring/labels.ts`, the usual
 * abbreviations and shorter spellings offices type are listed here. Spacing and punctuation variants need no entry
 * (`VH - XH`, `vhxh`, `XD HTCT` and `Văn hóa, xã hội` all match through `compactKey`).
 */
import {
  FIELD_LABEL,
  FORM_LABEL,
  KIND_LABEL,
  RATING_LABEL,
  SPREAD_LABEL,
  TEAM_LEVEL_LABEL,
  TITLE_ALLOCATION_LABEL,
  UNIT_TYPE_LABEL,
} from "../scoring/labels.ts";
import { enumReader } from "./enums.ts";

/** Loại đơn vị. */
export const readUnitType = enumReader("Loại đơn vị", UNIT_TYPE_LABEL, {
  commune: ["Xã", "Thị trấn", "Phường", "Xã, phường, thị trấn", "Đảng bộ xã"],
  partyCell: [],
  agency: ["Cơ quan", "Đơn vị"],
  village: ["Thôn", "Khu phố", "Tổ dân phố", "Ấp", "Bản", "Làng", "Thôn, tổ dân phố"],
  massOrganisation: ["TCCT-XH", "Đoàn thể", "Mặt trận, đoàn thể"],
});

/** Loại: Tập thể / Cá nhân. */
export const readKind = enumReader("Loại", KIND_LABEL, { collective: ["TT"], individual: ["CN"] });

/** Lĩnh vực. */
export const readField = enumReader("Lĩnh vực", FIELD_LABEL, {
  economy: ["KT"],
  cultureSociety: ["VH-XH"],
  defenceSecurity: ["QP-AN", "An ninh - quốc phòng"],
  politicalSystem: ["XDHTCT", "Hệ thống chính trị", "HTCT"],
});

/** Hình thức. */
export const readForm = enumReader("Hình thức", FORM_LABEL, { new: ["Mới", "XDM"], replicated: [], maintained: [] });

/** Sức lan tỏa (also the `Sức lan tỏa tối thiểu` setting). */
export const readSpread = enumReader("Sức lan tỏa", SPREAD_LABEL, { medium: ["TB"] });

/** Cấp of a tổ/khối dân vận. */
export const readTeamLevel = enumReader("Cấp", TEAM_LEVEL_LABEL, {
  villageTeam: ["Tổ", "TDV"],
  communeBloc: ["Khối", "KDV"],
});

/** Xếp loại of a tổ/khối dân vận. */
export const readRating = enumReader("Xếp loại", RATING_LABEL, { average: ["TB"] });

/** Phân bổ suất danh hiệu (a setting): `Toàn bộ` or `Theo cụm`. */
export const readTitleAllocation = enumReader("Phân bổ suất danh hiệu", TITLE_ALLOCATION_LABEL, {
  whole: ["Toàn huyện", "Toàn tỉnh", "Chung"],
  perGroup: ["Theo cụm thi đua", "Cụm"],
});
