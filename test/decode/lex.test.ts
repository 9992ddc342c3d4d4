import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "lex",
  event: "LexEvent",
  result: "LexResult",
  nestedObject: "/bot",
});
