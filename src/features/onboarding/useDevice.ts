import { useCallback } from 'react';
import { dataOr, useStoreQuery } from '../shell/useStoreQuery.ts';
import { useSession } from '../session/session-context.ts';

/**
 * Whether to offer binding the record to this phone (a platform authenticator with the
 * WebAuthn PRF extension, as far as the browser tells): false until the browser answers,
 * and false wherever it cannot, so nothing is offered that would only fail.
 */
export function useDeviceAvailable(): boolean {
  const { store } = useSession();
  return dataOr(useStoreQuery(useCallback(() => store.device.available(), [store])), false);
}

/** Whether opening the vault needs this phone too ('on'), and a way to read it again. */
export function useDeviceState() {
  const { store } = useSession();
  const query = useStoreQuery(useCallback(() => store.device.state(), [store]));
  return { state: query.status === 'done' ? query.data : null, reload: query.reload };
}
