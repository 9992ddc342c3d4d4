import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "s3-eventbridge",
  results: {},
  required: ["base", "object-created-unversioned", "object-deleted", "object-deleted-lifecycle", "object-restore-completed"],
});

describe("S3 events through EventBridge: schema details", () => {
  it("checks an event only against its own detail type, so errors name its own fields", () => {
    const validate = validatorFor("base");
    const event = loadEvent("s3-eventbridge", "object-restore-completed");
    delete event.detail["restore-expiry-time"];
    assert.equal(validate(event), false);
    assert.deepEqual(validate.errors?.map(issuePath).filter((p) => p !== ""), ["/detail/restore-expiry-time"]);
  });

  it("rejects a restore whose requester is not S3 itself", () => {
    const validate = validatorFor("base");
    const event = loadEvent("s3-eventbridge", "object-restore-completed");
    event.detail.requester = "123456789012";
    assert.equal(validate(event), false);
    assert.ok(validate.errors?.some((e) => issuePath(e) === "/detail/requester"));
  });

  it("accepts any storage class name, including ones newer than this schema", () => {
    const event = loadEvent("s3-eventbridge", "object-storage-class-changed");
    event.detail["destination-storage-class"] = "EXPRESS_ONEZONE";
    assert.equal(validatorFor("base")(event), true);
  });

  it("requires source aws.s3", () => {
    const validate = validatorFor("base");
    const event = loadEvent("s3-eventbridge", "base");
    event.source = "com.example";
    assert.equal(validate(event), false);
    assert.ok(validate.errors?.some((e) => issuePath(e) === "/source"));
  });
});

describe("S3 events through EventBridge: tolerant reader", () => {
  it("fills the envelope version, as for every EventBridge event", () => {
    const event = loadEvent("s3-eventbridge", "object-deleted");
    delete event.version;
    assert.equal(validatorFor("base")(event), true);
    assert.equal(event.version, "0");
  });
});
