import { useSyncExternalStore } from 'react';
import { auth } from '../api/client';
import type { Session } from '../api/auth';

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => auth.subscribe(listener),
    () => auth.session,
  );
}
