import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "connect",
  event: "ConnectContactFlowEvent",
  result: "ConnectContactFlowResult",
  nestedObject: "/Details/ContactData",
});
