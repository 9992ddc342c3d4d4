import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "transfer-family",
  event: "TransferFamilyAuthorizerEvent",
  result: "TransferFamilyAuthorizerResult",
  nestedObject: "",
});
