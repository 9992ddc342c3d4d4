import { describeSchemaFixtures } from "./schema-suite.js";

describeSchemaFixtures({
  source: "connect",
  results: { result: "ConnectContactFlowResult" },
  required: ["base", "chat-no-media"],
});
