import { Navigate } from 'react-router';

/** "Add from a link or file": brings a SMART Health Link, a FHIR bundle or a health card in. */
export function ImportScreen() {
  return <Navigate to="/" replace />;
}
