import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DecodeError } from "../../runtime/decode/index.js";
import { describeSyntaxError, parseJson } from "../../runtime/decode/index.js";
import { decodeSQSEvent } from "../../generated/sqs.js";
import { loadEvent, projectRoot } from "../support/fixtures.js";

const issuesOf = (run: () => unknown): DecodeError["issues"] => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DecodeError, String(error));
    return error.issues;
  }
  assert.fail("expected a DecodeError");
};

describe("hostile JSON input", () => {
  it("gives the position of 100,000 unclosed [ instead of a RangeError", () => {
    const [issue] = issuesOf(() => parseJson("Order", "[".repeat(100_000)));
    assert.match(issue!.message, /^is not JSON: .+ at position 100000 \(line 1, column 100001\)$/);
    assert.doesNotMatch(issue!.message, /RangeError|NaN/);
    assert.equal(describeSyntaxError(new SyntaxError("Unexpected end of JSON input"), '{"a":[{"b":'.repeat(20_000)), `is not JSON: Unexpected end of JSON input at position ${11 * 20_000} (line 1, column ${11 * 20_000 + 1})`);
  });

  it("names the position once for Node 20's 'after JSON at position N' messages", () => {
    const text = '{"orderId":"ord-1","quantity":1} x';
    const node20 = new SyntaxError("Unexpected non-whitespace character after JSON at position 33");
    assert.equal(describeSyntaxError(node20, text), "is not JSON: Unexpected non-whitespace character after JSON at position 33 (line 1, column 34)");
  });

  it("skips a UTF-8 byte-order mark in text as in bytes", () => {
    assert.deepEqual(parseJson("Order", '\uFEFF{"a":1}'), { a: 1 });
    assert.deepEqual(parseJson("Order", Buffer.from('\uFEFF{"a":1}', "utf8")), { a: 1 });
  });

  it("refuses bytes that are not UTF-8 with a DecodeError naming the byte, instead of letting U+FFFD pass", () => {
    const bytes = Buffer.concat([Buffer.from('{"orderId":"ord-'), Buffer.from([0xff]), Buffer.from('"}')]);
    assert.deepEqual(issuesOf(() => parseJson("Order", bytes, "/body")), [{ path: "/body", message: "is not UTF-8 text (byte 0xff at byte offset 16). Send the JSON encoded as UTF-8." }]);
    const overlong = Buffer.from([0x22, 0xc0, 0xaf, 0x22]); // "/" in two bytes: forbidden
    assert.match(issuesOf(() => parseJson("Order", overlong))[0]!.message, /byte 0xc0 at byte offset 1/);
    const surrogate = Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]);
    assert.match(issuesOf(() => parseJson("Order", surrogate))[0]!.message, /byte 0xed at byte offset 1/);
    const event = Buffer.from(JSON.stringify(loadEvent("sqs", "base")).replace("\"messageId\"", "\"messageId\u00e9\""), "latin1");
    assert.match(issuesOf(() => decodeSQSEvent(event))[0]!.message, /^is not UTF-8 text/);
  });

  it("collects the issues of 40,000 records without a messageId, each once, by appending to one list", () => {
    const record = { ...loadEvent("sqs", "base").Records[0] } as Record<string, unknown>;
    delete record.messageId;
    const issues = issuesOf(() => decodeSQSEvent(JSON.stringify({ Records: Array.from({ length: 40_000 }, () => record) })));
    assert.equal(issues.length, 40_000);
    assert.deepEqual(issues[39_999], { path: "/Records/39999/messageId", message: "is required but missing" });
    // Ajv's own code copies the list for every referenced validator that fails (quadratic); kata's validators append.
    for (const file of ["sqs", "apigw-v1", "apigw-v2"]) {
      const code = readFileSync(join(projectRoot, "generated", `${file}.validators.ts`), "utf8");
      assert.doesNotMatch(code, /vErrors\.concat\(/, file);
    }
  });
});
