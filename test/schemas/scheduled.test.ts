import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "scheduled",
  results: {},
  required: ["base", "scheduler"],
});

describe("Scheduled event fixtures and schema details", () => {
  it("EventBridge rules and EventBridge Scheduler differ only in source and resource", () => {
    const [rule, schedule] = [loadEvent("scheduled", "base"), loadEvent("scheduled", "scheduler")];
    assert.deepEqual([rule.source, schedule.source], ["aws.events", "aws.scheduler"]);
    assert.deepEqual({ ...rule, source: 0, resources: 0 }, { ...schedule, source: 0, resources: 0 });
  });

  it("fills version and an empty detail, but not the time", () => {
    const validate = validatorFor("base");
    const event = loadEvent("scheduled", "base");
    delete event.version;
    delete event.detail;
    delete event.time;
    assert.equal(validate(event), false);
    assert.deepEqual([event.version, event.detail], ["0", {}]);
    assert.deepEqual(validate.errors?.map(issuePath), ["/time"]);
  });
});
