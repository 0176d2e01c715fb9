export const DEMO_ORGANISATION = {
  slug: 'demo',
  name: 'Demo Assurantiën B.V.',
  email: 'klachten@demo-assurantien.nl',
  admin: { email: 'beheerder@demo-assurantien.nl', displayName: 'Beheerder Demo' },
} as const;
