import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../support/fixtures.js";
import { runTsc, strictTsconfig, TempProject } from "./support/temp-project.js";

// A user project with every typed source of issue 11: the generated modules resolve kata's
// exports (`kata/handlers/kinesis`, `kata/events/dynamodb`, ...) as a user's would, compile under
// strict TypeScript, and decode at run time.

describe("a user project with every typed source", () => {
  let project: TempProject;
  let compiled: { code: number | null; stdout: string };
  before(async () => {
    project = new TempProject();
    const from = join(projectRoot, "test", "fixtures", "config");
    cpSync(join(from, "schemas"), project.path("schemas"), { recursive: true });
    const events = {
      ...(JSON.parse(readFileSync(join(from, "kata.config.json"), "utf8")) as { events: object }).events,
      ...(JSON.parse(readFileSync(join(from, "sources.kata.config.json"), "utf8")) as { events: object }).events,
    };
    await project.generate({ out: "generated", events });
    project.write("tsconfig.json", strictTsconfig(["generated"]));
    compiled = runTsc(project);
  });
  after(() => project.remove());

  it("compiles under strict TypeScript", () => {
    assert.equal(compiled.stdout, "");
    assert.equal(compiled.code, 0);
  });

  it("decodes a Kinesis batch and reports a DynamoDB image at its pointer, through the compiled modules", async () => {
    const modules = (await import(pathToFileURL(project.path("dist/generated/index.js")).href)) as Record<string, (input: string) => unknown>;
    const data = Buffer.from(JSON.stringify({ orderId: "ord-1", quantity: 2 })).toString("base64");
    const kinesis = JSON.parse(readFileSync(join(projectRoot, "test", "fixtures", "events", "kinesis", "base.json"), "utf8"));
    kinesis.Records[0].kinesis.data = data;
    kinesis.Records[1].kinesis.data = data;
    const decoded = modules.decodeOrderStreamEvent!(JSON.stringify(kinesis)) as { Records: { kinesis: { data: unknown } }[] };
    assert.deepEqual(decoded.Records[0]!.kinesis.data, { orderId: "ord-1", quantity: 2 });
    const dynamodb = JSON.parse(readFileSync(join(projectRoot, "test", "fixtures", "events", "dynamodb", "base.json"), "utf8"));
    assert.throws(() => modules.decodeOrderItemEvent!(JSON.stringify(dynamodb)), /OrderItemEvent at \/Records\/0\/dynamodb\/NewImage\/pk: is required but missing/);
  });
});
