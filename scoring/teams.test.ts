import { describe, expect, it } from "vitest";
import { communeOfTeam, communeTeamSummaries, goodShare, teamFlags, teamTitle, teamsOf } from "./teams.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { aTeam, aUnit } from "./testing.ts";
import type { Unit } from "./types.ts";

const xaA = aUnit("XA", { type: "commune", name: "Xã An Bình" });
const xaB = aUnit("XB", { type: "commune", name: "Xã Bình Minh" });
const thonA1 = aUnit("XA-T1", { type: "village", name: "Thôn 1", parentCode: "XA" });
const thonA2 = aUnit("XA-T2", { type: "village", name: "Thôn 2", parentCode: "XA" });
const thonB1 = aUnit("XB-T1", { type: "village", name: "Thôn 1", parentCode: "XB" });
const orphan = aUnit("T-X", { type: "village", name: "Thôn lạc", parentCode: null });
const units = [xaA, xaB, thonA1, thonA2, thonB1, orphan];
const byCode = new Map<string, Unit>(units.map((u) => [u.code, u]));

describe("goodShare", () => {
  it("counts unrated teams in the denominator", () => {
    const teams = [
      aTeam("1", "XA-T1"),
      aTeam("2", "XA-T1"),
      aTeam("3", "XA-T1", { rating: "weak" }),
      aTeam("4", "XA-T1", { rating: null }),
    ];
    expect(goodShare(teams)).toEqual({ teams: 4, good: 2, share: 0.5 });
  });

  it("has no share when there is no team", () => {
    expect(goodShare([])).toEqual({ teams: 0, good: 0, share: null });
  });
});

describe("teamsOf", () => {
  it("keeps the teams of one level and one year", () => {
    const teams = [
      aTeam("1", "XA-T1"),
      aTeam("2", "XA-T1", { year: 2023 }),
      aTeam("3", "XA", { level: "communeBloc" }),
    ];
    expect(teamsOf(teams, "villageTeam", 2024).map((t) => t.teamId)).toEqual(["1"]);
    expect(teamsOf(teams, "communeBloc", 2024).map((t) => t.teamId)).toEqual(["3"]);
  });
});

describe("communeOfTeam", () => {
  it("is the Đơn vị cấp trên of the tổ's thôn", () => {
    expect(communeOfTeam(aTeam("1", "XA-T2"), byCode)).toBe("XA");
  });

  it("is the xã itself when the tổ is typed against a xã", () => {
    expect(communeOfTeam(aTeam("1", "XB"), byCode)).toBe("XB");
  });

  it("is null when the thôn has no parent or the unit is unknown", () => {
    expect(communeOfTeam(aTeam("1", "T-X"), byCode)).toBeNull();
    expect(communeOfTeam(aTeam("1", "NOPE"), byCode)).toBeNull();
  });
});

describe("communeTeamSummaries", () => {
  it("gives each xã its tổ count, Tốt count, share and verdict against > 70%", () => {
    const teams = [
      aTeam("1", "XA-T1"),
      aTeam("2", "XA-T1"),
      aTeam("3", "XA-T2"),
      aTeam("4", "XA-T2", { rating: "fair" }),
      aTeam("5", "XB-T1"),
    ];
    expect(communeTeamSummaries(units, teams, DEFAULT_SETTINGS)).toEqual([
      { communeCode: "XA", communeName: "Xã An Bình", teams: 4, good: 3, share: 0.75, met: true },
      { communeCode: "XB", communeName: "Xã Bình Minh", teams: 1, good: 1, share: 1, met: true },
    ]);
  });

  it("does not meet the target at exactly 70%", () => {
    const teams = Array.from({ length: 10 }, (_, i) => aTeam(String(i), "XA-T1", { rating: i < 7 ? "good" : null }));
    const [summary] = communeTeamSummaries([xaA, thonA1], teams, DEFAULT_SETTINGS);
    expect(summary).toMatchObject({ teams: 10, good: 7, share: 0.7, met: false });
  });

  it("lists a xã without any tổ with no share and not met", () => {
    const summaries = communeTeamSummaries(units, [aTeam("1", "XA-T1")], DEFAULT_SETTINGS);
    expect(summaries.find((s) => s.communeCode === "XB")).toEqual({
      communeCode: "XB",
      communeName: "Xã Bình Minh",
      teams: 0,
      good: 0,
      share: null,
      met: false,
    });
  });

  it("orders xã by name in Vietnamese collation", () => {
    const xaD = aUnit("X9", { type: "commune", name: "Xã Đông" });
    const xaDu = aUnit("X1", { type: "commune", name: "Xã Dương" });
    expect(communeTeamSummaries([xaD, xaDu], [], DEFAULT_SETTINGS).map((s) => s.communeName)).toEqual([
      "Xã Dương",
      "Xã Đông",
    ]);
  });

  it("leaves out tổ whose thôn leads to no xã", () => {
    const summaries = communeTeamSummaries(units, [aTeam("1", "T-X")], DEFAULT_SETTINGS);
    expect(summaries.reduce((n, s) => n + s.teams, 0)).toBe(0);
  });
});

describe("teamFlags", () => {
  it("flags teams rated Yếu and teams not rated, and nothing else", () => {
    const teams = [
      aTeam("1", "XA-T1", { name: "Tổ 1", rating: "weak" }),
      aTeam("2", "XA-T1", { name: "Tổ 2", rating: null }),
      aTeam("3", "XA-T1", { rating: "average" }),
      aTeam("4", "XA-T1", { rating: "good" }),
    ];
    expect(teamFlags(teams).map((f) => [f.team.teamId, f.code, f.message])).toEqual([
      ["1", "weak", "Tổ dân vận “Tổ 1” xếp loại Yếu"],
      ["2", "unrated", "Tổ dân vận “Tổ 2” chưa được xếp loại"],
    ]);
  });

  it("lists tổ before khối, then by unit code and team id", () => {
    const teams = [
      aTeam("K1", "XA", { level: "communeBloc", rating: null }),
      aTeam("2", "XB-T1", { rating: null }),
      aTeam("9", "XA-T1", { rating: null }),
      aTeam("1", "XA-T1", { rating: null }),
    ];
    expect(teamFlags(teams).map((f) => f.team.teamId)).toEqual(["1", "9", "2", "K1"]);
  });
});

describe("teamTitle", () => {
  it("names the level and the team, falling back to its id", () => {
    expect(teamTitle(aTeam("K01", "XA", { level: "communeBloc", name: "" }))).toBe("Khối dân vận “K01”");
  });
});
