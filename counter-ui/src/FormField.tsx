import { useState, type FormEvent, type InputHTMLAttributes } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
}

/** One labelled field of a staff form; required unless told otherwise. */
export function FormField({
  label,
  testId,
  value,
  onChange,
  required = true,
  ...input
}: FieldProps) {
  return (
    <label>
      {label}
      <input
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        {...input}
      />
    </label>
  );
}

/**
 * A form's submission: runs `work` once at a time, keeps the error it failed with (or
 * `initialError`), and stays pending after a success (the form is about to go away).
 */
export function useFormSubmit(work: () => Promise<void>, initialError?: unknown) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(initialError);

  async function submit(event: FormEvent, blocked = false) {
    event.preventDefault();
    if (pending || blocked) return;
    setPending(true);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }

  return { pending, error, submit };
}
