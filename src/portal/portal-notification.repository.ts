// Portal activity is told to staff like any other event on a complaint.
export { notifyComplaintStaff } from '../notifications/notification.repository.ts';
