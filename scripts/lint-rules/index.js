// Redocly plugin with the house rules that configurable assertions cannot express.
// Enabled and configured in redocly.yaml; each rule has a test in test/spec/lint-rules.test.ts.
import AuthDocuments401 from './auth-documents-401.js';
import ErrorResponseShape from './error-response-shape.js';
import NoActiveContent from './no-active-content.js';
import NoSecretsInExamples from './no-secrets-in-examples.js';
import SuccessHasExample from './success-has-example.js';

export default function housePlugin() {
  return {
    id: 'house',
    rules: {
      oas3: {
        'auth-documents-401': AuthDocuments401,
        'error-response-shape': ErrorResponseShape,
        'success-has-example': SuccessHasExample,
        'no-active-content': NoActiveContent,
        'no-secrets-in-examples': NoSecretsInExamples,
      },
    },
  };
}
