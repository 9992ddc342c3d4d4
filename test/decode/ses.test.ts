import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "ses",
  event: "SESEvent",
  nestedObject: "/Records/0/ses/mail",
});
