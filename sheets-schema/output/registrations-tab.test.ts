import { describe, expect, it } from "vitest";
import { registrationsTab } from "./registrations-tab.ts";
import { FOUR_CRITERIA, result, unitResult, verdict } from "./test-fixtures.ts";

describe("Kết quả mô hình tab", () => {
  it("is titled with the year", () => {
    expect(registrationsTab(result({ year: 2024 })).title).toBe("Kết quả mô hình 2024");
  });

  it("has one column per criterion in force between the fixed headers", () => {
    expect(registrationsTab(result()).rows[0]).toEqual([
      "Mã mô hình",
      "Mã đơn vị",
      "Tên đơn vị",
      "Tên mô hình, điển hình",
      "Loại",
      "Lĩnh vực",
      "Hình thức",
      "Đăng ký",
      "Bình chọn dân chủ",
      "Tập thể thừa nhận",
      "Sức lan tỏa",
      "Công nhận",
      "Lý do",
    ]);
  });

  it("adds the party committee column when committee recognition is required", () => {
    const criteria = [...FOUR_CRITERIA, "committeeRecognised" as const];
    const tab = registrationsTab(result({ criteriaInForce: criteria, registrations: [verdict({}, {}, criteria)] }));
    expect(tab.rows[0]?.slice(7, 12)).toEqual([
      "Đăng ký",
      "Bình chọn dân chủ",
      "Tập thể thừa nhận",
      "Sức lan tỏa",
      "Cấp ủy công nhận",
    ]);
    expect(tab.rows[1]).toHaveLength(14);
  });

  it("writes a recognised registration with its unit's name and its labels in Vietnamese", () => {
    const tab = registrationsTab(
      result({
        units: [unitResult()],
        registrations: [
          verdict({
            modelId: "MH-01",
            unitCode: "XA-A",
            name: "Dân vận khéo trong xây dựng nông thôn mới",
            kind: "individual",
            field: "cultureSociety",
            form: "maintained",
          }),
        ],
      }),
    );
    expect(tab.rows[1]).toEqual([
      "MH-01",
      "XA-A",
      "Xã A",
      "Dân vận khéo trong xây dựng nông thôn mới",
      "Cá nhân",
      "Văn hóa - xã hội",
      "Duy trì",
      "Đạt",
      "Đạt",
      "Đạt",
      "Đạt",
      "Có",
      "",
    ]);
  });

  it("writes failed criteria as Không đạt, Công nhận Không and the reasons joined", () => {
    const tab = registrationsTab(
      result({
        registrations: [
          verdict({ modelId: null }, { registeredOnTime: "Đăng ký sau hạn 31/03/2024", spread: "Sức lan tỏa Thấp" }),
        ],
      }),
    );
    const row = tab.rows[1] ?? [];
    expect(row[0]).toBe("");
    expect(row.slice(7)).toEqual([
      "Không đạt",
      "Đạt",
      "Đạt",
      "Không đạt",
      "Không",
      "Đăng ký sau hạn 31/03/2024; Sức lan tỏa Thấp",
    ]);
  });

  it("highlights exactly the failed criterion cells", () => {
    const tab = registrationsTab(
      result({
        registrations: [verdict(), verdict({}, { democraticVote: "Tỷ lệ đồng ý 50% không trên 50%" })],
      }),
    );
    expect(tab.highlights).toEqual([{ row: 2, column: 8 }]);
  });

  it("passes a name that looks like a formula through as the same text", () => {
    const tab = registrationsTab(result({ registrations: [verdict({ name: "=IMPORTXML(1)" })] }));
    expect(tab.rows[1]?.[3]).toBe("=IMPORTXML(1)");
  });
});
