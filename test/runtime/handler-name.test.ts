import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { errorTypeHeader, toErrorResponse } from "../../runtime/error-response.js";
import { parseHandlerName } from "../../runtime/load-handler.js";

describe("parseHandlerName", () => {
  it("splits the module path from the (nested) export path", () => {
    assert.deepEqual(parseHandlerName("/var/task", "index.handler"), { modulePath: "/var/task/index", exportPath: ["handler"] });
    assert.deepEqual(parseHandlerName("/var/task", "index.handlers.orders"), { modulePath: "/var/task/index", exportPath: ["handlers", "orders"] });
    assert.deepEqual(parseHandlerName("/var/task", "src/api/orders.create"), { modulePath: "/var/task/src/api/orders", exportPath: ["create"] });
    assert.deepEqual(parseHandlerName("/var/task", "/opt/layer/main.run"), { modulePath: "/opt/layer/main", exportPath: ["run"] });
  });

  it("refuses names without an export, with empty parts or with ..", () => {
    for (const name of ["index", "index.", "index..handler", "../outside.handler", ".handler"]) {
      assert.throws(() => parseHandlerName("/var/task", name), { name: "Runtime.MalformedHandlerName", message: new RegExp(`^'${name.replace(/\./g, "\\.")}' is not a valid handler name`) });
    }
  });
});

describe("error documents", () => {
  it("keep Runtime.* types and prefix user errors with Function.", () => {
    assert.equal(errorTypeHeader("Runtime.ImportModuleError"), "Runtime.ImportModuleError");
    assert.equal(errorTypeHeader("TypeError"), "Function.TypeError");
    assert.equal(errorTypeHeader("Function.Custom"), "Function.Custom");
    assert.equal(errorTypeHeader("Bad Name\n"), "Function.BadName", "header values lose spaces and control characters");
    assert.equal(errorTypeHeader(" "), "Function.Unknown");
  });

  it("describe thrown values that are not errors", () => {
    assert.deepEqual(toErrorResponse({ code: 7 }), { errorType: "object", errorMessage: '{"code":7}', stackTrace: [] });
    assert.deepEqual(toErrorResponse(undefined), { errorType: "undefined", errorMessage: "undefined", stackTrace: [] });
  });
});
