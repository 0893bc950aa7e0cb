import { useSyncExternalStore } from 'react';
import { isUnauthorized, subscribeUnauthorized } from '../api/authState';
import { ToastProvider } from '../ui/ToastProvider';
import { UnauthorizedScreen } from './UnauthorizedScreen';
import { Workspace } from './Workspace';

export function App() {
  const unauthorized = useSyncExternalStore(subscribeUnauthorized, isUnauthorized);
  if (unauthorized) return <UnauthorizedScreen />;
  return (
    <ToastProvider>
      <Workspace />
    </ToastProvider>
  );
}
