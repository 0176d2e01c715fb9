import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { organisation as organisationApi } from '../api/endpoints.ts';
import type { Organisation, User } from '../api/types.ts';
import { users as usersApi } from '../api/endpoints.ts';
import { mayAct } from '../api/auth.ts';
import { useAsync } from '../lib/use-async.ts';
import { useSession } from './session-context.tsx';

interface OrganisationApi {
  organisation: Organisation | null;
  /** Staff of the organisation, for names and choices; empty for roles that may not list them. */
  users: User[];
  reloadOrganisation: () => void;
  reloadUsers: () => void;
  setOrganisation: (organisation: Organisation) => void;
}

const OrganisationContext = createContext<OrganisationApi | null>(null);

/** The signed-in organisation and its staff, loaded once and shared by every screen. */
export function OrganisationProvider({ children }: { children: ReactNode }) {
  const organisation = useAsync(() => organisationApi.get(), []);
  const { session } = useSession();
  // An employee may not list colleagues; not asking spares them a refusal on every screen.
  const mayListStaff = mayAct(session, 'admin', 'coordinator', 'handler', 'auditor');
  const staff = useAsync(
    () => (mayListStaff ? usersApi.list().catch(() => [] as User[]) : Promise.resolve([] as User[])),
    [mayListStaff],
  );
  const value = useMemo<OrganisationApi>(
    () => ({
      organisation: organisation.data ?? null,
      users: staff.data ?? [],
      reloadOrganisation: organisation.reload,
      reloadUsers: staff.reload,
      setOrganisation: organisation.setData,
    }),
    [organisation.data, organisation.reload, organisation.setData, staff.data, staff.reload],
  );
  return <OrganisationContext.Provider value={value}>{children}</OrganisationContext.Provider>;
}

export function useOrganisation(): OrganisationApi {
  const value = useContext(OrganisationContext);
  if (!value) throw new Error('useOrganisation outside OrganisationProvider');
  return value;
}
