import { useId, type ReactNode } from 'react';

/**
 * A labelled form control: the label points at the control by id rather than wrapping it, so that a select's name is
 * its label alone (a wrapping label would also lend it the text of every option).
 */
export function Field({ label, className = '', children }: { label: ReactNode; className?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
