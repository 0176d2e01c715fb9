import { mayAct, type StaffSession } from '../api/auth.ts';

/**
 * Which screens a role may open, as the server decides them: the sidebar and the start screen
 * offer only what answers without a refusal. The server stays the judge; an unknown role set (an
 * older server's token) shows everything and lets the API refuse.
 */

/** The work queue and the overview list complaints: coordinator, handler and auditor. */
export const mayListComplaints = (session: StaffSession | null) =>
  mayAct(session, 'coordinator', 'handler', 'auditor');

/** The quarantine is read by the coordinator and the auditor; only the coordinator processes it. */
export const mayReadQuarantine = (session: StaffSession | null) => mayAct(session, 'coordinator', 'auditor');

/**
 * Own hearing requests: who may be heard and sign a statement (R4; the server's signing roles are
 * employee, handler and coordinator). An administrator or auditor without those roles never has one.
 */
export const mayHaveHearings = (session: StaffSession | null) =>
  mayAct(session, 'employee', 'handler', 'coordinator');

/** Settings: the administrator all of them; coordinator and auditor the letter templates. */
export const mayOpenSettings = (session: StaffSession | null) =>
  mayAct(session, 'admin', 'coordinator', 'auditor');

export const mayAdminister = (session: StaffSession | null) => mayAct(session, 'admin');

export type HomeScreen = 'queue' | 'hearings' | 'settings';

/** The start screen: the queue for those who list complaints, else their hearings, else settings. */
export function homeScreen(session: StaffSession | null): HomeScreen {
  if (mayListComplaints(session)) return 'queue';
  if (mayHaveHearings(session)) return 'hearings';
  return 'settings';
}
