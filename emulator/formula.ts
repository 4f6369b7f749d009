import type { ExtendedValue } from "./model.ts";

/**
 * The value of a formula cell. The emulator is not a spreadsheet engine: it computes constant arithmetic
 * (`=1+1`, `=(2+3)*4/5`, `=2^10`, `="a"&"b"`) so simple round trips behave like Sheets, and gives every other
 * formula (functions, cell references) the error value `#ERROR!` with a message saying it was not evaluated.
 */
export function evaluateFormula(formula: string): ExtendedValue {
  try {
    const parser = new Parser(formula.replace(/^=/, ""));
    const value = parser.expression();
    parser.end();
    if (typeof value === "number" && !Number.isFinite(value)) {
      return { errorValue: { type: "DIVIDE_BY_ZERO", message: "Function DIVIDE parameter 2 cannot be zero." } };
    }
    return typeof value === "number" ? { numberValue: value } : { stringValue: value };
  } catch {
    return {
      errorValue: { type: "ERROR", message: "The Sheets emulator evaluates only constant arithmetic formulas." },
    };
  }
}

type Value = number | string;

class Parser {
  private pos = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  expression(): Value {
    let left = this.sum();
    while (this.eat("&")) left = String(left) + String(this.sum());
    return left;
  }

  end(): void {
    this.skipSpace();
    if (this.pos !== this.text.length) throw new Error("trailing input");
  }

  private sum(): Value {
    let left = this.product();
    for (;;) {
      if (this.eat("+")) left = num(left) + num(this.product());
      else if (this.eat("-")) left = num(left) - num(this.product());
      else return left;
    }
  }

  private product(): Value {
    let left = this.power();
    for (;;) {
      if (this.eat("*")) left = num(left) * num(this.power());
      else if (this.eat("/")) left = num(left) / num(this.power());
      else return left;
    }
  }

  private power(): Value {
    const base = this.unary();
    return this.eat("^") ? num(base) ** num(this.power()) : base;
  }

  private unary(): Value {
    if (this.eat("-")) return -num(this.unary());
    if (this.eat("+")) return num(this.unary());
    return this.atom();
  }

  private atom(): Value {
    this.skipSpace();
    if (this.eat("(")) {
      const inner = this.expression();
      if (!this.eat(")")) throw new Error("missing )");
      return inner;
    }
    const rest = this.text.slice(this.pos);
    const str = /^"((?:[^"]|"")*)"/.exec(rest);
    if (str) {
      this.pos += str[0].length;
      return (str[1] ?? "").replace(/""/g, '"');
    }
    const n = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?/.exec(rest);
    if (!n) throw new Error("unsupported");
    this.pos += n[0].length;
    return n[0].endsWith("%") ? Number(n[0].slice(0, -1)) / 100 : Number(n[0]);
  }

  private eat(token: string): boolean {
    this.skipSpace();
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  private skipSpace(): void {
    while (this.text[this.pos] === " ") this.pos += 1;
  }
}

function num(v: Value): number {
  if (typeof v === "number") return v;
  const n = Number(v);
  if (v.trim() === "" || Number.isNaN(n)) throw new Error("not a number");
  return n;
}
