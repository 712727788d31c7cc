import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ContractError } from '../../../shared/contract';
import { profileCreateInputSchema, type ProfileCreateInput } from '../../../shared/contracts/profiles';
import { ROLES } from '../../../shared/domain';
import { toContractError } from '../../app/client';
import { useChannel } from '../../app/useChannel';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useProfile } from './ProfileContext';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from './roles';
import './profile.css';

/**
 * The first screen for someone new to this case file: their name and role, and a signing key
 * made for them and kept on this computer. People whose key is already here can carry on as
 * themselves instead.
 */
export function ProfileSetup({ embedded = false, onDone }: { embedded?: boolean; onDone?: () => void }) {
  const { current, create, switchTo } = useProfile();
  const people = useChannel('profile:list', {});
  const [failure, setFailure] = useState<ContractError | null>(null);
  const form = useForm<ProfileCreateInput>({
    resolver: zodResolver(profileCreateInputSchema),
    defaultValues: { name: '', role: undefined as unknown as ProfileCreateInput['role'] },
  });
  const { errors, isSubmitting } = form.formState;
  const mine = (people.data?.people ?? []).filter((p) => p.hasKey && !p.current);

  async function onSubmit(values: ProfileCreateInput) {
    setFailure(null);
    try {
      await create(values);
      onDone?.();
    } catch (e) {
      const err = toContractError(e);
      if (err.code === 'conflict') form.setError('name', { message: err.message });
      else setFailure(err);
    }
  }

  async function carryOn(id: string) {
    setFailure(null);
    try {
      await switchTo(id);
      onDone?.();
    } catch (e) {
      setFailure(toContractError(e));
    }
  }

  const Heading = embedded ? 'h2' : 'h1';
  return (
    <section className={embedded ? 'profile-setup embedded' : 'page profile-setup'} aria-labelledby="profile-setup-heading">
      <Heading id="profile-setup-heading">{embedded ? 'New profile' : 'Who are you?'}</Heading>
      {!embedded && (
        <p className="prose">
          Every change in this case file is recorded under a person’s name and signed with their own key, so that the
          trail shows who did what. Set up your profile to begin. Your private key stays on this computer
          {current?.keyStore ? (
            <>
              {' '}
              (in <code>{current.keyStore}</code>)
            </>
          ) : null}
          ; the case file keeps only your name, role and public key.
        </p>
      )}
      <form className="profile-form" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="New profile">
        <div className="field">
          <label htmlFor="profile-name">Your name</label>
          <input
            id="profile-name"
            autoComplete="name"
            autoFocus={!embedded}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'profile-name-error' : undefined}
            {...form.register('name')}
          />
          {errors.name && (
            <span className="field-error" id="profile-name-error" role="alert">
              {errors.name.message}
            </span>
          )}
        </div>
        <fieldset className="roles" aria-describedby={errors.role ? 'profile-role-error' : undefined}>
          <legend>Your role</legend>
          {ROLES.map((r) => (
            <label key={r} className="role-choice">
              <input type="radio" value={r} {...form.register('role')} />
              <span>
                <strong>{ROLE_LABELS[r]}</strong>
                <span className="muted small"> — {ROLE_DESCRIPTIONS[r]}</span>
              </span>
            </label>
          ))}
          {errors.role && (
            <span className="field-error" id="profile-role-error" role="alert">
              Choose a role
            </span>
          )}
        </fieldset>
        {failure && <ErrorMessage error={failure} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? 'Creating…' : 'Create my profile'}
          </button>
          {embedded && onDone && (
            <button type="button" onClick={onDone}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {mine.length > 0 && (
        <div className="carry-on">
          <h2 className="small-heading">Or continue as someone whose key is on this computer</h2>
          <ul className="plain">
            {mine.map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => void carryOn(p.id)}>
                  Continue as {p.name} ({ROLE_LABELS[p.role].toLowerCase()})
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
