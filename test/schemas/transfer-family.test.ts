import { describeSchemaFixtures } from "./schema-suite.js";

describeSchemaFixtures({
  source: "transfer-family",
  results: { result: "TransferFamilyAuthorizerResult", "invalid-result-posix-uid": "TransferFamilyAuthorizerResult" },
  required: ["base", "sftp-key"],
});
