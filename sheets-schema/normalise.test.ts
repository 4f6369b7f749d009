import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  codeKey,
  compactKey,
  isTidy,
  labelKey,
  normalise,
  stripDiacritics,
  TIDY_RANGES,
  tidyText,
} from "./normalise.ts";

describe("normalise", () => {
  it("reads the old and new tone placement of uỷ/ủy as the same", () => {
    expect(normalise("uỷ")).toBe(normalise("ủy"));
    expect(normalise("Cấp uỷ công nhận")).toBe(normalise("Cấp ủy công nhận"));
  });

  it("reads hoà/hòa, thuý/thúy, khoẻ/khỏe and hoạ/họa as the same", () => {
    expect(normalise("hoà")).toBe(normalise("hòa"));
    expect(normalise("thuý")).toBe(normalise("thúy"));
    expect(normalise("khoẻ")).toBe(normalise("khỏe"));
    expect(normalise("hoạ")).toBe(normalise("họa"));
  });

  it("keeps words whose tone placement does not vary", () => {
    expect(normalise("hoặc")).toBe("hoặc");
    expect(normalise("người")).toBe("người");
    expect(normalise("của")).toBe("của");
    expect(normalise("hoàng")).toBe("hoàng");
  });

  it("reads decomposed (NFD) text as the composed text", () => {
    expect(normalise("Đăng ký".normalize("NFD"))).toBe(normalise("Đăng ký"));
    expect(normalise("Lĩnh vực".normalize("NFD"))).toBe("lĩnh vực");
  });

  it("reads Ð (U+00D0) as Đ", () => {
    expect(normalise("\u00D0ơn vị")).toBe(normalise("Đơn vị"));
  });

  it("folds case", () => {
    expect(normalise("ĐĂNG KÝ")).toBe("đăng ký");
  });

  it("trims and collapses white space, non-breaking spaces included", () => {
    expect(normalise("  Mã\u00A0 đơn\t\nvị ")).toBe("mã đơn vị");
  });

  it("drops zero-width and direction marks", () => {
    expect(normalise("Mã\u200B đơn\u200E vị\uFEFF\u200F")).toBe("mã đơn vị");
  });

  it("reads every dash as '-' with no space around it", () => {
    const plain = normalise("Văn hóa-xã hội");
    for (const text of [
      "Văn hóa - xã hội",
      "Văn hóa – xã hội",
      "Văn hóa—xã hội",
      "Văn hóa ‒ xã hội",
      "Văn hóa − xã hội",
    ]) {
      expect(normalise(text)).toBe(plain);
    }
  });

  it("puts one space after a comma", () => {
    expect(normalise("Xã,thị trấn")).toBe(normalise("Xã , thị trấn"));
    expect(normalise("Xã,thị trấn")).toBe("xã, thị trấn");
  });
});

describe("stripDiacritics", () => {
  it("drops tone and vowel marks and reads đ as d", () => {
    expect(stripDiacritics("Xây dựng hệ thống chính trị")).toBe("Xay dung he thong chinh tri");
    expect(stripDiacritics("Đạt đủ")).toBe("Dat du");
  });

  it("reads Ð (U+00D0) as D", () => {
    expect(stripDiacritics("\u00D0ơn")).toBe("Don");
  });
});

describe("compactKey", () => {
  it("ignores diacritics, spaces and punctuation", () => {
    expect(compactKey("VH - XH")).toBe(compactKey("vhxh"));
    expect(compactKey("Văn hóa, xã hội")).toBe(compactKey("Van hoa - xa hoi"));
  });
});

describe("labelKey", () => {
  it("ignores a required-field star, a colon and a (%) unit after a label", () => {
    expect(labelKey("Năm (*)")).toBe("năm");
    expect(labelKey("Mã đơn vị *")).toBe("mã đơn vị");
    expect(labelKey("Tên đơn vị:")).toBe("tên đơn vị");
    expect(labelKey("Tỷ lệ đồng ý phải trên (%)")).toBe("tỷ lệ đồng ý phải trên");
  });
});

describe("tidyText", () => {
  it("keeps case and diacritics but tidies white space and composes", () => {
    expect(tidyText("  Xã  Hòa\u00A0Bình ".normalize("NFD"))).toBe("Xã Hòa Bình");
  });

  it("returns a name that is already tidy as it is", () => {
    const name = "Mô hình “Xe đạp yêu thương” – Thôn Đông (Ư, Ơ)";
    expect(isTidy(name)).toBe(true);
    expect(tidyText(name)).toBe(name);
  });

  it("sends everything the fast path cannot vouch for down the slow path", () => {
    for (const text of [" a", "a ", "a  b", "a\tb", "a\u00A0b", "a\u00ADb", "a\u200Bb", "Hòa".normalize("NFD"), "한"]) {
      expect(isTidy(text)).toBe(false);
    }
  });

  // The fast path is only right if no character it accepts changes under NFC, alone or next to another one it
  // accepts, and none is white space or invisible: checked here for every such character and every pair of them.
  it("accepts only characters that are NFC whatever their neighbours, and neither white space nor invisible", () => {
    const accepted: string[] = [];
    for (const [first, last] of TIDY_RANGES) {
      for (let c = first; c <= last; c++) accepted.push(String.fromCharCode(c));
    }
    const unstable: string[] = [];
    for (const a of accepted) {
      if (/[\s\u00AD\u200B-\u200F\u2060\uFEFF]/.test(a)) unstable.push(a);
      for (const b of accepted) if ((a + b).normalize("NFC") !== a + b) unstable.push(a + b);
    }
    expect(unstable).toEqual([]);
  });

  it("gives what the full tidying gives, for any text", () => {
    const full = (text: string) =>
      text
        .replace(/[\u00AD\u200B-\u200F\u2060\uFEFF]/g, "")
        .normalize("NFC")
        .replace(/\s+/g, " ")
        .trim();
    const piece = fc.constantFrom(
      "a",
      "Đ",
      "ư",
      "ế",
      "“",
      "–",
      " ",
      "  ",
      "\t",
      "\u00A0",
      "\u00AD",
      "\u200B",
      "\u0301",
      "o\u0300a",
      "한",
    );
    const text = fc.oneof(
      fc.array(piece).map((parts) => parts.join("")),
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
    );
    fc.assert(
      fc.property(text, (t) => tidyText(t) === full(t)),
      { numRuns: 500 },
    );
  });
});

describe("codeKey", () => {
  it("trims and upper-cases codes", () => {
    expect(codeKey(" xa01 ")).toBe("XA01");
    expect(codeKey("xã-01\u200B")).toBe("XÃ-01");
  });

  it("returns a plain upper-case code as it is", () => {
    const code = "H01-MH-20-0001";
    expect(codeKey(code)).toBe(code);
    expect(codeKey("h01-mh-20-0001")).toBe(code);
    expect(codeKey("H01 - X02")).toBe("H01 - X02");
  });
});
