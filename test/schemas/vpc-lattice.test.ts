import { describeSchemaFixtures } from "./schema-suite.js";

describeSchemaFixtures({
  source: "vpc-lattice",
  results: { v1: "VPCLatticeEvent", "invalid-v1-headers-not-strings": "VPCLatticeEvent", result: "VPCLatticeResult", "invalid-result-status-string": "VPCLatticeResult" },
  required: ["base"],
});
