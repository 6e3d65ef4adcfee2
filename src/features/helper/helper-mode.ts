import { createContext, useContext } from 'react';

/**
 * Whether a social worker is helping with the setup: each step then carries a short French
 * line for them (HelperLine) while the screen speaks the patient's language.
 */
export const HelperModeContext = createContext(false);

export function useHelperMode(): boolean {
  return useContext(HelperModeContext);
}
