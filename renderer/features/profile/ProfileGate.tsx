import { Fragment, type ReactNode } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { ProfileSetup } from './ProfileSetup';
import { useProfile } from './ProfileContext';

/**
 * Before anything else, the person using the app says who they are: without a current profile
 * the setup screen stands in for every page. The page is keyed by the profile, so switching
 * remounts it and it loads again as the new person.
 */
export function ProfileGate({ children }: { children: ReactNode }) {
  const { current, error, reload } = useProfile();
  if (error) return <ErrorMessage error={error} onRetry={reload} />;
  if (!current) return <Loading what="Checking who you are" />;
  if (!current.profile) return <ProfileSetup />;
  return <Fragment key={current.profile.id}>{children}</Fragment>;
}
