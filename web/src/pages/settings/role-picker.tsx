import type { Role } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export const ROLES: readonly Role[] = ['coordinator', 'handler', 'employee', 'auditor', 'admin'];

export function RolePicker({
  roles,
  onChange,
  legend,
}: {
  roles: readonly Role[];
  onChange: (roles: Role[]) => void;
  legend: string;
}) {
  const { t } = useI18n();
  const toggle = (role: Role) =>
    onChange(roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role]);
  return (
    <fieldset className="role-picker">
      <legend>{legend}</legend>
      <p className="field-hint">{t.settings.users.rolesHint}</p>
      {ROLES.map((role) => (
        <label key={role} className="checkbox">
          <input type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} />
          {t.role[role]}
        </label>
      ))}
    </fieldset>
  );
}
