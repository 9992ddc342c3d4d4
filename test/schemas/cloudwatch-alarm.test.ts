import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "cloudwatch-alarm",
  results: {},
  required: ["base", "composite"],
});

describe("CloudWatch alarm fixtures and schema details", () => {
  it("a metric alarm has metric queries, a composite alarm a rule", () => {
    assert.equal(loadEvent("cloudwatch-alarm", "base").alarmData.configuration.metrics.length, 2);
    assert.match(loadEvent("cloudwatch-alarm", "composite").alarmData.configuration.alarmRule, /^ALARM\(/);
  });

  it("reasonData is JSON in text", () => {
    const reason = JSON.parse(loadEvent("cloudwatch-alarm", "base").alarmData.state.reasonData) as { recentDatapoints: number[] };
    assert.deepEqual(reason.recentDatapoints, [12]);
  });

  it("fills source when a hand-written event leaves it out", () => {
    const event = loadEvent("cloudwatch-alarm", "composite");
    delete event.source;
    assert.equal(validatorFor("base")(event), true);
    assert.equal(event.source, "aws.cloudwatch");
  });
});
