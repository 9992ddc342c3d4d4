import { describeCognitoSchema } from "./cognito-fixtures.js";

describeCognitoSchema("cognito-auth-challenge", ["base", "create-auth-challenge"]);
