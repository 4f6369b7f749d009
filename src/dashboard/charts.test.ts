import { describe, expect, it } from "vitest";
import type { CommuneTeamSummary, TargetResult } from "../../scoring/types.ts";
import { CommuneChart } from "./commune-chart.tsx";
import { TargetChart } from "./target-chart.tsx";

const html = (node: unknown) => String(node);

function aTarget(overrides: Partial<TargetResult> = {}): TargetResult {
  return {
    id: "villageTeamsGood",
    label: "Tỷ lệ tổ dân vận xếp loại Tốt",
    communeCode: null,
    goal: { kind: "above", min: 0.7 },
    actual: 0.83,
    unit: "share",
    numerator: 83,
    denominator: 100,
    met: true,
    detail: "83/100 tổ dân vận xếp loại Tốt",
    missing: [],
    ...overrides,
  };
}

/** The x of every element with the given class, read from the rendered SVG. */
function xsOf(svg: string, cls: string): number[] {
  return [...svg.matchAll(new RegExp(`<line class="${cls}" x1="([\\d.]+)"`, "g"))].map((m) => Number(m[1]));
}

describe("TargetChart", () => {
  it("draws the goal marker at the goal on a 0–100% axis, and the bar green with the figure when met", () => {
    const svg = html(TargetChart({ target: aTarget(), id: "t" }));
    const [marker] = xsOf(svg, "goal-marker");
    expect(marker).toBeCloseTo(8 + 0.7 * 384, 6);
    expect(svg).toContain('class="bar met"');
    expect(svg).toContain("#1a7f37");
    expect(svg).toContain(">83%</text>");
    expect(svg).toContain("Mục tiêu &gt; 70%");
    expect(svg).toContain(">Đạt</span>");
  });

  it("colours the bar red-orange and says Chưa đạt when not met", () => {
    const svg = html(TargetChart({ target: aTarget({ actual: 0.5, met: false }), id: "t" }));
    expect(svg).toContain('class="bar not-met"');
    expect(svg).toContain("#d1452b");
    expect(svg).toContain(">Chưa đạt</span>");
  });

  it("marks both ends of a range goal around a shaded band", () => {
    const svg = html(
      TargetChart({
        target: aTarget({ id: "exemplaryCount", unit: "count", goal: { kind: "between", min: 3, max: 5 }, actual: 4 }),
        id: "t",
      }),
    );
    // A 0–6 axis (room above the top of the range): the lines sit at 3 and 5.
    expect(xsOf(svg, "goal-marker")).toEqual(
      [8 + (3 / 6) * 384, 8 + (5 / 6) * 384].map((v) => Math.round(v * 10) / 10),
    );
    expect(svg).toContain('class="goal-band"');
    expect(svg).toContain("Mục tiêu 3 – 5");
  });

  it("marks an exact count with one line and no band, labelled with the number alone", () => {
    const exact = aTarget({
      id: "exemplaryCount",
      unit: "count",
      goal: { kind: "between", min: 4, max: 4 },
      actual: 4,
    });
    const svg = html(TargetChart({ target: exact, id: "t" }));
    expect(xsOf(svg, "goal-marker")).toHaveLength(1);
    expect(svg).not.toContain('class="goal-band"');
    expect(svg).toContain("Mục tiêu: <b>4</b>");
  });

  it("is an accessible image with a title and a description in Vietnamese", () => {
    const svg = html(TargetChart({ target: aTarget(), id: "t3" }));
    expect(svg).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="t3-title t3-desc"/);
    expect(svg).toContain('<title id="t3-title">Tỷ lệ tổ dân vận xếp loại Tốt: Đạt</title>');
    expect(svg).toContain("Thực hiện: 83% (83/100). Mục tiêu: &gt; 70%.");
  });

  it("says there is nothing to measure instead of drawing an empty bar", () => {
    const svg = html(
      TargetChart({ target: aTarget({ actual: null, met: false, denominator: 0, numerator: 0 }), id: "t" }),
    );
    expect(svg).toContain("Chưa có số liệu");
    expect(svg).not.toContain('class="bar');
  });
});

describe("CommuneChart", () => {
  const communes: CommuneTeamSummary[] = [
    { communeCode: "X1", communeName: "Xã An Bình", teams: 10, good: 8, share: 0.8, met: true },
    { communeCode: "X2", communeName: "Xã <b>Bình</b>", teams: 10, good: 6, share: 0.6, met: false },
    { communeCode: "X3", communeName: "Xã Không Tổ", teams: 0, good: 0, share: null, met: false },
  ];

  it("draws one bar group per xã, and the 70% line", () => {
    const svg = html(CommuneChart({ communes, threshold: 0.7, goal: "> 70%" }));
    expect(svg.match(/<g class="commune-bar /g)).toHaveLength(3);
    expect(svg).toContain('data-commune="X1"');
    expect(xsOf(svg, "goal-marker")).toHaveLength(1);
    expect(svg).toContain(">80%</text>");
    expect(svg).toContain("không có tổ");
  });

  it("escapes a xã name", () => {
    const svg = html(CommuneChart({ communes, threshold: 0.7, goal: "> 70%" }));
    expect(svg).not.toContain("<b>Bình</b>");
    expect(svg).toContain("Xã &lt;b&gt;Bình&lt;/b&gt;");
  });

  it("says so when there is no xã to chart", () => {
    expect(html(CommuneChart({ communes: [], threshold: 0.7, goal: "> 70%" }))).toContain("Chưa có tổ dân vận");
  });
});
