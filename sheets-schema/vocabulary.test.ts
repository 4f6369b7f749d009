import { describe, expect, it } from "vitest";
import { readField, readForm, readKind, readRating, readSpread, readTeamLevel, readUnitType } from "./vocabulary.ts";

const value = <T>(v: T) => ({ ok: true, value: v });

describe("enumerated cells", () => {
  it("read the official names after normalisation", () => {
    expect(readField("Văn hoá – Xã hội")).toEqual(value("cultureSociety"));
    expect(readField(" quốc phòng - an ninh ")).toEqual(value("defenceSecurity"));
    expect(readUnitType("Xã, thị trấn")).toEqual(value("commune"));
  });

  it("read the names without diacritics", () => {
    expect(readField("Xay dung he thong chinh tri")).toEqual(value("politicalSystem"));
    expect(readForm("xay dung moi")).toEqual(value("new"));
    expect(readKind("ca nhan")).toEqual(value("individual"));
  });

  it("read the usual abbreviations of Lĩnh vực", () => {
    expect(readField("KT")).toEqual(value("economy"));
    for (const text of ["VH-XH", "VHXH", "vh - xh"]) expect(readField(text)).toEqual(value("cultureSociety"));
    for (const text of ["QP-AN", "QPAN"]) expect(readField(text)).toEqual(value("defenceSecurity"));
    for (const text of ["XDHTCT", "XD HTCT"]) expect(readField(text)).toEqual(value("politicalSystem"));
  });

  it("read TT and CN as Tập thể and Cá nhân", () => {
    expect(readKind("TT")).toEqual(value("collective"));
    expect(readKind("cn")).toEqual(value("individual"));
  });

  it("read the shorter names of Loại đơn vị", () => {
    expect(readUnitType("Xã")).toEqual(value("commune"));
    expect(readUnitType("Thị trấn")).toEqual(value("commune"));
    expect(readUnitType("Chi bộ")).toEqual(value("partyCell"));
    expect(readUnitType("Cơ quan")).toEqual(value("agency"));
    expect(readUnitType("Khu phố")).toEqual(value("village"));
    expect(readUnitType("Tổ dân phố")).toEqual(value("village"));
    expect(readUnitType("TCCT-XH")).toEqual(value("massOrganisation"));
    expect(readUnitType("Tổ chức chính trị – xã hội")).toEqual(value("massOrganisation"));
  });

  it("read Mới and XDM as Xây dựng mới", () => {
    expect(readForm("Mới")).toEqual(value("new"));
    expect(readForm("XDM")).toEqual(value("new"));
    expect(readForm("Nhân rộng")).toEqual(value("replicated"));
    expect(readForm("duy tri")).toEqual(value("maintained"));
  });

  it("read TB as Trung bình for Sức lan tỏa and Xếp loại", () => {
    expect(readSpread("TB")).toEqual(value("medium"));
    expect(readRating("tb")).toEqual(value("average"));
    expect(readRating("Tốt")).toEqual(value("good"));
    expect(readSpread("cao")).toEqual(value("high"));
  });

  it("read Tổ and Khối as the team levels", () => {
    expect(readTeamLevel("Tổ")).toEqual(value("villageTeam"));
    expect(readTeamLevel("Khối dân vận")).toEqual(value("communeBloc"));
  });

  it("read an empty cell as null", () => {
    expect(readField(undefined)).toEqual(value(null));
    expect(readField(" ")).toEqual(value(null));
  });

  it("report an unknown value with the accepted values listed", () => {
    expect(readField("Y tế")).toEqual({
      ok: false,
      message:
        'Không hiểu "Y tế"; Lĩnh vực phải là một trong: Kinh tế, Văn hóa - xã hội, Quốc phòng - an ninh, Xây dựng hệ thống chính trị',
    });
    expect(readKind(1).ok).toBe(false);
  });
});
