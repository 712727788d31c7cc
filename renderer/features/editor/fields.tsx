/**
 * Form fields bound to the editor's react-hook-form context by their contract path. Each shows
 * its label, the control, a hint, and what is wrong with it right beside it (aria-invalid and
 * aria-describedby point a screen reader at the message).
 */
import type { ReactNode } from 'react';
import { get, useFormContext, type FieldError, type RegisterOptions } from 'react-hook-form';
import { blankToNull, toNumberOrNull } from './editorForm';

const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

export function FieldError({ name }: { name: string }) {
  const {
    formState: { errors },
  } = useFormContext();
  const error = get(errors, name) as FieldError | undefined;
  if (!error?.message) return null;
  return (
    <span className="field-error" id={`${idOf(name)}-error`} role="alert" data-testid={`error-${name}`}>
      {error.message}
    </span>
  );
}

function useFieldProps(name: string, hint?: string) {
  const {
    formState: { errors },
  } = useFormContext();
  const invalid = Boolean(get(errors, name));
  const described = [invalid ? `${idOf(name)}-error` : null, hint ? `${idOf(name)}-hint` : null].filter(Boolean).join(' ');
  return { id: idOf(name), 'aria-invalid': invalid || undefined, 'aria-describedby': described || undefined };
}

interface Common {
  name: string;
  label: ReactNode;
  hint?: string;
  className?: string;
  /** Arabic or other right-to-left text: the field follows the text's direction. */
  rtl?: boolean;
  deps?: string[];
}

function Wrap({ name, label, hint, className, children }: Common & { children: ReactNode }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={idOf(name)}>{label}</label>
      {children}
      {hint && (
        <span className="field-hint" id={`${idOf(name)}-hint`}>
          {hint}
        </span>
      )}
      <FieldError name={name} />
    </div>
  );
}

export function TextField(props: Common & { type?: 'text' | 'date' | 'url'; placeholder?: string }) {
  const { register } = useFormContext();
  const a11y = useFieldProps(props.name, props.hint);
  const opts: RegisterOptions = props.type === 'date' ? { setValueAs: blankToNull } : {};
  if (props.deps) opts.deps = props.deps;
  return (
    <Wrap {...props}>
      <input
        {...a11y}
        {...register(props.name, opts)}
        type={props.type ?? 'text'}
        placeholder={props.placeholder}
        dir={props.rtl ? 'auto' : undefined}
        lang={props.rtl ? 'ar' : undefined}
      />
    </Wrap>
  );
}

export function NumberField(props: Common & { step?: string; min?: number; max?: number }) {
  const { register } = useFormContext();
  const a11y = useFieldProps(props.name, props.hint);
  return (
    <Wrap {...props}>
      <input
        {...a11y}
        {...register(props.name, { setValueAs: toNumberOrNull, ...(props.deps ? { deps: props.deps } : {}) })}
        type="number"
        inputMode="decimal"
        step={props.step ?? '1'}
        min={props.min}
        max={props.max}
      />
    </Wrap>
  );
}

export function TextAreaField(props: Common & { rows?: number }) {
  const { register } = useFormContext();
  const a11y = useFieldProps(props.name, props.hint);
  return (
    <Wrap {...props}>
      <textarea {...a11y} {...register(props.name)} rows={props.rows ?? 4} dir="auto" />
    </Wrap>
  );
}

export function SelectField(
  props: Common & { options: readonly string[]; labels?: Record<string, string>; blank?: string },
) {
  const { register } = useFormContext();
  const a11y = useFieldProps(props.name, props.hint);
  return (
    <Wrap {...props}>
      <select {...a11y} {...register(props.name, { setValueAs: blankToNull, ...(props.deps ? { deps: props.deps } : {}) })}>
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckField({ name, label }: { name: string; label: ReactNode }) {
  const { register } = useFormContext();
  return (
    <label className="check field-check">
      <input type="checkbox" id={idOf(name)} {...register(name)} />
      {label}
    </label>
  );
}
