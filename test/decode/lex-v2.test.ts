import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "lex-v2",
  event: "LexV2Event",
  result: "LexV2Result",
  nestedObject: "/bot",
});
