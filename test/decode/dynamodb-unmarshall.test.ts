import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { unmarshallItem } from "../../handlers/dynamodb.js";
import { DecodeError } from "../../runtime/decode/index.js";

// kata's own DynamoDB unmarshaller: @aws-sdk/util-dynamodb's semantics, sets as arrays, and every
// malformed AttributeValue reported at its pointer in the unmarshalled item.

function issues(image: unknown) {
  try {
    unmarshallItem(image, "Item");
  } catch (error) {
    assert.ok(error instanceof DecodeError);
    return error.issues;
  }
  return assert.fail("expected a DecodeError");
}

describe("unmarshallItem", () => {
  it("turns every AttributeValue type into its plain value", () => {
    const item = unmarshallItem(
      {
        s: { S: "text" },
        n: { N: "-12.5" },
        bool: { BOOL: false },
        nil: { NULL: true },
        list: { L: [{ N: "1" }, { S: "two" }, { L: [] }] },
        map: { M: { deep: { M: { x: { N: "0" } } } } },
        ss: { SS: ["a"] },
        ns: { NS: ["1", "2.5"] },
        bs: { BS: ["AQ=="] },
        e: { N: "1E+3" },
      },
      "Item",
    );
    assert.deepEqual({ ...item, bs: undefined }, { s: "text", n: -12.5, bool: false, nil: null, list: [1, "two", []], map: { deep: { x: 0 } }, ss: ["a"], ns: [1, 2.5], bs: undefined, e: 1000 });
    assert.deepEqual(item.bs, [new Uint8Array([1])]);
  });

  it("keeps an attribute named __proto__ as a property, never as the prototype", () => {
    const item = unmarshallItem(JSON.parse('{"__proto__":{"S":"x"}}'), "Item");
    assert.equal(Object.getPrototypeOf(item), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(item, "__proto__")?.value, "x");
  });

  it("reports malformed values at their pointer, in maps, lists and sets, all at once", () => {
    const found = issues({ a: { M: { b: { L: [{ S: "ok" }, { BOOL: "yes" }] } } }, "x/y": {}, c: { NS: ["1", 2] }, d: { N: "12abc" }, e: { NULL: false }, f: "plain" });
    assert.deepEqual(
      found.map((issue) => issue.path),
      ["/a/b/1", "/x~1y", "/c/1", "/d", "/e", "/f"],
    );
  });

  it("refuses nesting deeper than DynamoDB allows, without exhausting the stack", () => {
    let value: unknown = { S: "leaf" };
    for (let i = 0; i < 10_000; i++) value = { L: [value] };
    const found = issues({ deep: value });
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /nested more than 64 levels/);
  });

  it("keeps integers exactly: a number while it fits, a bigint past 2^53", () => {
    const item = unmarshallItem({ safe: { N: "9007199254740991" }, big: { N: "-9007199254740993" } }, "Item");
    assert.equal(item.safe, 9007199254740991);
    assert.equal(item.big, -9007199254740993n);
  });
});
