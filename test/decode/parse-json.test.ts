import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DecodeError } from "../../runtime/decode/index.js";
import { describeSyntaxError, parseJson } from "../../runtime/decode/index.js";

describe("JSON syntax errors", () => {
  const text = '{"a": 1,\n "b" 2}';

  it("words the position, line and column the same whatever V8's message adds (Node 20, Node 22+)", () => {
    const node20 = new SyntaxError("Unexpected number in JSON at position 14");
    const node22 = new SyntaxError("Unexpected number in JSON at position 14 (line 2 column 6)");
    const expected = "is not JSON: Unexpected number at position 14 (line 2, column 6)";
    assert.equal(describeSyntaxError(node20, text), expected);
    assert.equal(describeSyntaxError(node22, text), expected);
  });

  it("finds the position itself when V8 quotes an excerpt instead of naming one", () => {
    const long = `{"${"k".repeat(40)}": tru}`;
    const excerpt = new SyntaxError(`Unexpected token '}', ..."kkkk": tru}" is not valid JSON`);
    const bad = long.indexOf("tru");
    assert.equal(describeSyntaxError(excerpt, long), `is not JSON: Unexpected token '}' at position ${bad} (line 1, column ${bad + 1})`);
    const head = new SyntaxError(`Unexpected token 'x', "xxxxxxxxxx"... is not valid JSON`);
    assert.equal(describeSyntaxError(head, "x".repeat(30)), "is not JSON: Unexpected token 'x' at position 0 (line 1, column 1)");
  });

  it("points at the end of a truncated document and names an empty one", () => {
    assert.equal(describeSyntaxError(new SyntaxError("Unexpected end of JSON input"), '{"a":'), "is not JSON: Unexpected end of JSON input at position 5 (line 1, column 6)");
    assert.equal(describeSyntaxError(new SyntaxError("Unexpected end of JSON input"), " \n"), "is not JSON: the input is empty");
  });

  it("throws a DecodeError at the given path with this node's own parser message", () => {
    assert.throws(
      () => parseJson("Order", new TextEncoder().encode('{"a":1,}'), "/body"),
      (error: unknown) => {
        assert.ok(error instanceof DecodeError);
        assert.deepEqual(error.issues, [{ path: "/body", message: "is not JSON: Expected double-quoted property name at position 7 (line 1, column 8)" }]);
        return true;
      },
    );
  });
});
