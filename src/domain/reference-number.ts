/** Complaint references: per organisation and year, four digits at least (KL-2026-0042, KL-2026-12345). */
export function formatComplaintReference(year: number, number: number): string {
  return `KL-${year}-${String(number).padStart(4, '0')}`;
}

const REFERENCE = /^KL-(\d{4})-(\d{4,})$/;

export function parseComplaintReference(value: string): { year: number; number: number } | undefined {
  const match = REFERENCE.exec(value.trim().toUpperCase());
  if (!match) return undefined;
  const number = Number(match[2]);
  return number > 0 ? { year: Number(match[1]), number } : undefined;
}
