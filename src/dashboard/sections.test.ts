import { describe, expect, it } from "vitest";
import { score } from "../../scoring/score.ts";
import { aRegistration, anInput, aUnit } from "../../scoring/testing.ts";
import { NO_COMMUNE, OPEN_SECTIONS_UP_TO, proposedByGroup, rankingLayout, villagesByCommune } from "./sections.ts";
import { groupUnits } from "./view-model.ts";

/** Two xã in Cụm 1, an agency bloc, and four thôn (one without a xã) that take no part in the title. */
function aDistrict() {
  return score(
    anInput({
      units: [
        aUnit("X1", { name: "Xã Yên Lạc", type: "commune", cluster: "Cụm 1" }),
        aUnit("X2", { name: "Xã An Bình", type: "commune", cluster: "Cụm 1" }),
        aUnit("CQ1", { name: "Phòng Nội vụ", type: "agency", cluster: "Khối chính quyền" }),
        aUnit("T1", { name: "Thôn Đông", type: "village", parentCode: "X1", titleParticipation: false }),
        aUnit("T2", { name: "Thôn Bắc", type: "village", parentCode: "X1", titleParticipation: false }),
        aUnit("T3", { name: "Thôn Hòa", type: "village", parentCode: "X2", titleParticipation: false }),
        aUnit("T4", { name: "Khu phố 9", type: "village", parentCode: "X9", titleParticipation: false }),
      ],
      // X1 scores best (two fields): the one title of the three units in the title.
      registrations: [
        aRegistration("X1"),
        aRegistration("X1", { field: "cultureSociety" }),
        aRegistration("X2"),
        aRegistration("CQ1"),
        aRegistration("T1"),
      ],
    }),
  );
}

describe("rankingLayout", () => {
  const result = aDistrict();
  const layout = rankingLayout(groupUnits(result.units));

  it("keeps every group with a unit in the title as a section, and summarises a group of thôn out of it", () => {
    expect(layout.sections.map((s) => s.group)).toEqual(["Cụm 1", "Khối chính quyền"]);
    expect(layout.summarised.map((g) => g.group)).toEqual(["Thôn, khu phố"]);
    expect(layout.summarised[0]!.units).toHaveLength(4);
  });

  it("counts each section's units, proposed titles and tiêu biểu", () => {
    const cluster = layout.sections[0]!;
    expect(cluster.units).toHaveLength(2);
    expect(cluster.proposed).toBe(cluster.units.filter((u) => u.title === "title" || u.title === "exemplary").length);
    expect(cluster.proposed).toBe(1);
    expect(cluster.exemplary).toBe(cluster.units.filter((u) => u.title === "exemplary").length);
  });

  it("opens the sections only when they are few", () => {
    expect(layout.open).toBe(true);
    const many = Array.from({ length: OPEN_SECTIONS_UP_TO + 1 }, (_, i) => aUnit(`CQ${i}`, { type: "agency" }));
    const big = score(anInput({ units: many }));
    expect(rankingLayout(groupUnits(big.units)).open).toBe(false);
  });

  it("keeps thôn that take part in the title in the ranking", () => {
    const withTitle = score(
      anInput({ units: [aUnit("T1", { type: "village", parentCode: null, titleParticipation: true })] }),
    );
    const l = rankingLayout(groupUnits(withTitle.units));
    expect(l.sections).toHaveLength(1);
    expect(l.summarised).toEqual([]);
  });
});

describe("proposedByGroup", () => {
  it("lists per group only the units proposed a title or tied at the cap, in ranking order", () => {
    const result = aDistrict();
    const groups = proposedByGroup(groupUnits(result.units));
    for (const g of groups) {
      expect(g.units.length).toBeGreaterThan(0);
      for (const u of g.units) expect(["title", "exemplary", "tieAtCap"]).toContain(u.title);
    }
    const all = result.units.filter((u) => u.title !== "none").map((u) => u.unit.code);
    expect(groups.flatMap((g) => g.units.map((u) => u.unit.code))).toEqual(all);
    expect(groups.map((g) => g.group)).not.toContain("Thôn, khu phố");
  });
});

describe("villagesByCommune", () => {
  it("counts each xã's thôn and those without a recognised model, xã by name, unknown xã last", () => {
    const result = aDistrict();
    const villages = result.units.filter((u) => u.unit.type === "village");
    const coverage = result.targets.find((t) => t.id === "villageCoverage");
    expect(coverage?.missing.map((m) => m.code).sort()).toEqual(["T2", "T3", "T4"]);
    const communes = villagesByCommune(villages, result.units, coverage);
    expect(
      communes.map((c) => ({
        name: c.communeName,
        villages: c.villages.length,
        covered: c.covered,
        uncovered: c.uncovered.map((v) => v.unit.name),
      })),
    ).toEqual([
      { name: "Xã An Bình", villages: 1, covered: 0, uncovered: ["Thôn Hòa"] },
      { name: "Xã Yên Lạc", villages: 2, covered: 1, uncovered: ["Thôn Bắc"] },
      { name: NO_COMMUNE, villages: 1, covered: 0, uncovered: ["Khu phố 9"] },
    ]);
  });
});
