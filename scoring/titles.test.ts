import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { aUnit, settingsWith } from "./testing.ts";
import { placeAgainstCap, proposeTitles, takesPartInTitle, titleCap, type TitleCandidate } from "./titles.ts";
import type { Settings, TitleProposal } from "./types.ts";

/** Candidates named A, B, C… with these scores, all taking part and meeting the quota. */
function candidates(scores: number[], overrides: Partial<TitleCandidate> = {}): TitleCandidate[] {
  return scores.map((score, i) => ({
    code: String.fromCharCode(65 + i),
    group: "Chi bộ",
    score,
    takesPartInTitle: true,
    quotaMet: true,
    ...overrides,
  }));
}

function titlesOf(list: TitleCandidate[], settings: Settings = DEFAULT_SETTINGS): string {
  const decisions = proposeTitles(list, settings);
  const short: Record<TitleProposal, string> = { exemplary: "TB", title: "DV", tieAtCap: "ĐH", none: "-" };
  return list.map((c) => short[decisions.get(c.code)?.title ?? "none"]).join(" ");
}

function exemplaryTieFlags(list: TitleCandidate[], settings: Settings = DEFAULT_SETTINGS): string[] {
  const decisions = proposeTitles(list, settings);
  return list.filter((c) => decisions.get(c.code)?.tieAtExemplaryCap).map((c) => c.code);
}

describe("takesPartInTitle", () => {
  it("defaults to yes for every unit type except Thôn, khu phố", () => {
    expect(takesPartInTitle(aUnit("A", { type: "commune" }))).toBe(true);
    expect(takesPartInTitle(aUnit("A", { type: "partyCell" }))).toBe(true);
    expect(takesPartInTitle(aUnit("A", { type: "agency" }))).toBe(true);
    expect(takesPartInTitle(aUnit("A", { type: "massOrganisation" }))).toBe(true);
    expect(takesPartInTitle(aUnit("A", { type: "village" }))).toBe(false);
  });

  it("follows Xét danh hiệu when it is filled in", () => {
    expect(takesPartInTitle(aUnit("A", { type: "village", titleParticipation: true }))).toBe(true);
    expect(takesPartInTitle(aUnit("A", { type: "agency", titleParticipation: false }))).toBe(false);
  });
});

describe("titleCap", () => {
  it("is ⌊30% × 10⌋ = 3", () => {
    expect(titleCap(10, 0.3)).toBe(3);
  });

  it("is ⌊29% × 100⌋ = 29 despite floating point", () => {
    expect(titleCap(100, 0.29)).toBe(29);
  });

  it("is at least 1 when some unit takes part", () => {
    expect(titleCap(2, 0.3)).toBe(1);
    expect(titleCap(1, 0.3)).toBe(1);
  });

  it("is 0 when no unit takes part", () => {
    expect(titleCap(0, 0.3)).toBe(0);
  });
});

describe("placeAgainstCap", () => {
  it("tells whether a tie group fits, straddles or is beyond the cap", () => {
    expect(placeAgainstCap(2, 2, 3)).toBe("within");
    expect(placeAgainstCap(3, 2, 3)).toBe("straddles");
    expect(placeAgainstCap(1, 5, 3)).toBe("straddles");
    expect(placeAgainstCap(4, 1, 3)).toBe("beyond");
  });
});

describe("proposeTitles", () => {
  it("proposes the top 3 of 10 and, with up to 5 tiêu biểu, makes all 3 tiêu biểu", () => {
    expect(titlesOf(candidates([90, 80, 70, 60, 50, 40, 30, 20, 10, 5]))).toBe("TB TB TB - - - - - - -");
  });

  it("makes only the top Số tiêu biểu tối đa of the proposed tiêu biểu", () => {
    const settings = settingsWith({ exemplaryMax: 2 });
    expect(titlesOf(candidates([90, 80, 70, 60, 50, 40, 30, 20, 10, 5]), settings)).toBe("TB TB DV - - - - - - -");
  });

  it("proposes a whole tie group that fits within the cap", () => {
    expect(titlesOf(candidates([90, 80, 80, 60, 50, 40, 30, 20, 10, 5]))).toBe("TB TB TB - - - - - - -");
  });

  it("leaves a tie group straddling the title cap to the Ban Chỉ đạo", () => {
    // cap 3: ranks 1, 2, then a tie at rank 3 of size 2 (ranks 3–4) straddles it.
    expect(titlesOf(candidates([90, 80, 70, 70, 50, 40, 30, 20, 10, 5]))).toBe("TB TB ĐH ĐH - - - - - -");
  });

  it("leaves everyone to the Ban Chỉ đạo when all tie at rank 1 above the cap", () => {
    expect(titlesOf(candidates([50, 50, 50, 50, 50, 50, 50, 50, 50, 50]))).toBe("ĐH ĐH ĐH ĐH ĐH ĐH ĐH ĐH ĐH ĐH");
  });

  it("keeps a tie group straddling the tiêu biểu cap at Dân vận khéo, with a flag", () => {
    // 20 units, cap 6; tiêu biểu max 5: ranks 1–4, then a tie at rank 5 of size 2 straddles 5.
    const list = candidates([99, 98, 97, 96, 95, 95, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0.5, 0.4, 0.3, 0.2]);
    expect(titlesOf(list)).toBe("TB TB TB TB DV DV - - - - - - - - - - - - - -");
    expect(exemplaryTieFlags(list)).toEqual(["E", "F"]);
  });

  it("flags no tiêu biểu tie when the tie group fits within Số tiêu biểu tối đa", () => {
    const list = candidates([99, 98, 97, 95, 95, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0.5, 0.4, 0.3, 0.2, 0.1]);
    expect(titlesOf(list)).toBe("TB TB TB TB TB DV - - - - - - - - - - - - - -");
    expect(exemplaryTieFlags(list)).toEqual([]);
  });

  it("ranks only units whose quota is met", () => {
    const list = [
      ...candidates([100, 95], { quotaMet: false }),
      ...candidates([90, 80, 70, 60, 50, 40, 30, 20]).map((c) => ({ ...c, code: `${c.code}2` })),
    ];
    expect(titlesOf(list)).toBe("- - TB TB TB - - - - -");
  });

  it("never proposes a unit that does not take part, and does not count it toward the cap", () => {
    const outside = candidates([100, 100, 100, 100, 100], { takesPartInTitle: false }).map((c) => ({
      ...c,
      code: `X${c.code}`,
    }));
    // 5 units take part: cap ⌊30% × 5⌋ = 1.
    expect(titlesOf([...outside, ...candidates([90, 80, 70, 60, 50])])).toBe("- - - - - TB - - - -");
  });

  it("proposes nobody when nobody takes part", () => {
    expect(titlesOf(candidates([90, 80], { takesPartInTitle: false }))).toBe("- -");
  });

  it("proposes the single unit of a one-unit district (cap is at least 1)", () => {
    expect(titlesOf(candidates([10]))).toBe("TB");
  });

  it("proposes no tiêu biểu when Số tiêu biểu tối đa is 0", () => {
    const settings = settingsWith({ exemplaryMin: 0, exemplaryMax: 0 });
    const list = candidates([90, 80, 70, 60, 50, 40, 30, 20, 10, 5]);
    expect(titlesOf(list, settings)).toBe("DV DV DV - - - - - - -");
    expect(exemplaryTieFlags(list, settings)).toEqual([]);
  });

  it("uses the title share of the settings for the cap", () => {
    const settings = settingsWith({ titleShareMin: 0.1, titleShareMax: 0.5 });
    expect(titlesOf(candidates([90, 80, 70, 60, 50, 40, 30, 20, 10, 5]), settings)).toBe("TB TB TB TB TB - - - - -");
  });
});

describe("Lý do (§3.7)", () => {
  it("says why each unit has no title: not taking part, quota not met, or beyond the cap with the lowest score proposed", () => {
    // E = 9 units (I does not take part), cap ⌊30% × 9⌋ = 2: A 95 and B 94.18 are proposed; C 93 and D 92.33 are
    // beyond the cap; J, quota not met, is not in Q.
    const list = [
      ...candidates([95, 94.18, 93, 92.33, 90, 80, 70, 60]),
      { code: "I", group: "Chi bộ", score: 99, takesPartInTitle: false, quotaMet: true },
      { code: "J", group: "Chi bộ", score: 98, takesPartInTitle: true, quotaMet: false },
    ];
    const decisions = proposeTitles(list, DEFAULT_SETTINGS);
    const reason = (code: string) => decisions.get(code)?.reason;
    expect(reason("A")).toBeNull();
    expect(reason("B")).toBeNull();
    expect(reason("C")).toEqual({ code: "beyondCap", lowestProposed: 94.18 });
    expect(reason("D")).toEqual({ code: "beyondCap", lowestProposed: 94.18 });
    expect(reason("I")).toEqual({ code: "notTakingPart" });
    expect(reason("J")).toEqual({ code: "quotaNotMet" });
  });

  it("gives no reason to a tie straddling the cap, whose title cell says it, and no cut-off when nobody was proposed", () => {
    // cap 3, ranks 1, 2, 3, 3: the tie straddles; nobody below it is proposed either.
    const tie = proposeTitles(candidates([90, 85, 80, 80, 70, 60, 50, 40, 30, 20]), DEFAULT_SETTINGS);
    expect(tie.get("C")?.reason).toBeNull();
    expect(tie.get("E")?.reason).toEqual({ code: "beyondCap", lowestProposed: 85 });
    // cap 1 among 2 units, both tied: nobody is proposed.
    const none = proposeTitles(candidates([80, 80]), DEFAULT_SETTINGS);
    expect(none.get("A")?.reason).toBeNull();
  });
});

describe("Phân bổ suất danh hiệu: Theo cụm (§3.4)", () => {
  const perGroup = settingsWith({ titleAllocation: "perGroup" });
  // Cụm 1: A 96, B 95.4, C 95, D 94 (cap ⌊30% × 4⌋ = 1). Cụm 2: E 93.95, F 92.33, G 60 (cap max(1, ⌊0.9⌋) = 1).
  const list = [
    ...candidates([96, 95.4, 95, 94], { group: "Cụm 1" }),
    ...candidates([93.95, 92.33, 60], { group: "Cụm 2" }).map((c, i) => ({ ...c, code: String.fromCharCode(69 + i) })),
  ];

  it("allocates the cap inside each ranking group, so the first of a weaker cluster is proposed", () => {
    const whole = proposeTitles(list, DEFAULT_SETTINGS); // one cap ⌊30% × 7⌋ = 2 over all: A, B
    expect(list.filter((c) => whole.get(c.code)?.title !== "none").map((c) => c.code)).toEqual(["A", "B"]);
    const decisions = proposeTitles(list, perGroup);
    expect(list.filter((c) => decisions.get(c.code)?.title !== "none").map((c) => c.code)).toEqual(["A", "E"]);
  });

  it("names the lowest score proposed in the unit's own group as the cut-off", () => {
    const decisions = proposeTitles(list, perGroup);
    expect(decisions.get("B")?.reason).toEqual({ code: "beyondCap", lowestProposed: 96 });
    expect(decisions.get("F")?.reason).toEqual({ code: "beyondCap", lowestProposed: 93.95 });
  });

  it("still chooses the tiêu biểu among every unit proposed", () => {
    const decisions = proposeTitles(list, settingsWith({ titleAllocation: "perGroup", exemplaryMax: 1 }));
    expect(decisions.get("A")?.title).toBe("exemplary");
    expect(decisions.get("E")?.title).toBe("title");
  });

  it("applies the straddle rule inside the group", () => {
    const tied = [
      ...candidates([90, 90], { group: "Cụm 1" }),
      { ...candidates([80], { group: "Cụm 2" })[0]!, code: "C" },
    ];
    const decisions = proposeTitles(tied, perGroup);
    expect(["A", "B", "C"].map((c) => decisions.get(c)?.title)).toEqual(["tieAtCap", "tieAtCap", "exemplary"]);
  });
});
