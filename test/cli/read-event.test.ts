import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { EventInputError, readEvent } from "../../cli/read-event.js";
import { sampleSources } from "../../emulator/samples.js";
import { makeProject } from "./run-cli.js";

describe("reading --event", () => {
  const project = makeProject({ "order.json": '{"orderId":"ord-1"}', "broken.json": '{\n  "orderId": "ord-1",\n  "quantity": 2,\n}\n', "sqs": "[1]" });
  after(() => project.remove());

  it("reads a JSON file, a built-in sample, or the empty event", async () => {
    assert.deepEqual(await readEvent("order.json", project.dir), { text: '{"orderId":"ord-1"}', origin: "event file order.json" });
    assert.equal(JSON.parse((await readEvent("eventbridge", project.dir)).text)["detail-type"], "OrderPlaced");
    assert.deepEqual(await readEvent(undefined, project.dir), { text: "{}", origin: "the empty event {}" });
  });

  it("prefers a file over a sample of the same name", async () => {
    assert.equal((await readEvent("sqs", project.dir)).text, "[1]");
  });

  it("names the file, line and column of a JSON syntax error", async () => {
    await assert.rejects(readEvent("broken.json", project.dir), (error: unknown) => {
      assert.ok(error instanceof EventInputError);
      assert.equal(error.message, "event file broken.json is not JSON: Expected double-quoted property name at position 41 (line 4, column 1)");
      return true;
    });
  });

  it("says what --event accepts when the name is neither a file nor a sample", async () => {
    await assert.rejects(readEvent("order.jsn", project.dir), {
      message: `no event file "order.jsn" in ${project.dir}, and it is not a built-in sample (${sampleSources().join(", ")}); give a JSON file, - for stdin, or a sample name`,
    });
  });
});
