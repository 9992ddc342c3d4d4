import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "secrets-manager",
  event: "SecretsManagerRotationEvent",
  nestedObject: "",
});
