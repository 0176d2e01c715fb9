import { useState, type FormEvent } from 'react';
import { involvement } from '../../api/screens.ts';
import type { Complaint, User } from '../../api/types.ts';
import { Field } from '../../components/field.tsx';
import { Icon } from '../../components/icon.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { FormStatus } from '../settings/form-status.tsx';

/** Names a colleague the complaint is about, so they can be heard (R4). */
export function InvolvedEmployeeForm({
  complaint,
  users,
  onAdded,
}: {
  complaint: Complaint;
  users: User[];
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const i = t.involvement;
  const [employeeId, setEmployeeId] = useState('');
  const submission = useSubmit();
  const involved = new Set(complaint.involvedEmployees.map((e) => e.id));
  const candidates = users.filter((u) => !u.disabled && !involved.has(u.id));
  if (candidates.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = candidates.find((u) => u.id === employeeId)?.displayName ?? '';
    void submission.run(async () => {
      await involvement.add(complaint.id, employeeId);
      setEmployeeId('');
      onAdded();
    }, i.added(name));
  };

  return (
    <details className="composer-toggle">
      <summary>
        <Icon name="user" size={14} />
        {i.add}
      </summary>
      <form className="composer" onSubmit={submit}>
        <Field label={i.employee} hint={i.hint}>
          {(props) => (
            <select {...props} value={employeeId} required onChange={(e) => setEmployeeId(e.target.value)}>
              <option value="">{i.choose}</option>
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={submission.busy || !employeeId}>
            {i.submit}
          </button>
          <FormStatus submission={submission} />
        </div>
      </form>
    </details>
  );
}
