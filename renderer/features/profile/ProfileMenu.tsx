import { useRef, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import { toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useProfile } from './ProfileContext';
import { ProfileSetup } from './ProfileSetup';
import { ROLE_LABELS } from './roles';
import './profile.css';

/**
 * The header's "who am I": the current profile, and switching to another person whose key is
 * on this computer (so that who signs changes with it), or setting up a new one.
 */
export function ProfileMenu() {
  const { current, switchTo } = useProfile();
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<ContractError | null>(null);
  const people = useChannel('profile:list', {}, [open, current?.profile?.id]);
  const me = current?.profile;
  if (!me) return null;

  const close = () => {
    setAdding(false);
    if (details.current) details.current.open = false;
  };

  async function choose(id: string) {
    setFailure(null);
    try {
      await switchTo(id);
      close();
    } catch (e) {
      setFailure(toContractError(e));
    }
  }

  const others = (people.data?.people ?? []).filter((p) => !p.current);
  return (
    <details ref={details} className="profile-menu" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="current-profile" title={me.fingerprint ? `Signing key ${me.fingerprint}` : undefined}>
        <span className="profile-name">{me.name}</span> <span className="role-tag">{ROLE_LABELS[me.role]}</span>
      </summary>
      <div className="profile-popover">
        <p className="muted small">
          Changes you make are recorded as <strong>{me.name}</strong> and signed with your key
          {me.fingerprint ? (
            <>
              {' '}
              <code>{me.fingerprint}</code>
            </>
          ) : null}
          .
        </p>
        {others.length > 0 && (
          <>
            <h2 className="small-heading">Switch to</h2>
            <ul className="plain">
              {others.map((p) => (
                <li key={p.id}>
                  <button type="button" disabled={!p.hasKey} onClick={() => void choose(p.id)} title={p.hasKey ? undefined : 'Their key is not on this computer'}>
                    {p.name} <span className="role-tag">{ROLE_LABELS[p.role]}</span>
                  </button>
                  {!p.hasKey && <span className="muted small"> no key here</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {failure && <ErrorMessage error={failure} />}
        {adding ? (
          <ProfileSetup embedded onDone={close} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            Set up a new profile…
          </button>
        )}
      </div>
    </details>
  );
}
