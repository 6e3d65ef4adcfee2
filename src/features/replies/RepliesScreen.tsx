import { Navigate } from 'react-router';

/** What clinicians sent back through the patient's shares, to accept or reject item by item. */
export function RepliesScreen() {
  return <Navigate to="/" replace />;
}
