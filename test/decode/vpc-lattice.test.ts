import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "vpc-lattice",
  event: "VPCLatticeEventV2",
  result: "VPCLatticeResult",
  otherTypes: { v1: "VPCLatticeEvent", "invalid-v1-headers-not-strings": "VPCLatticeEvent" },
  nestedObject: "/requestContext/identity",
});
