import { describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "codepipeline",
  event: "CodePipelineEvent",
  nestedObject: "/CodePipeline.job/data",
});
