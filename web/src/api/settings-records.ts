import { api } from './client.ts';

export type TemplateLanguage = 'nl' | 'en';

export interface TemplateBlock {
  kind: 'fixed' | 'text' | 'element';
  text: string;
  /** The required elements this block states (only on kind `element`). */
  elements?: string[];
  heading?: string;
  label?: string;
}

export interface TemplateTexts {
  subject: string;
  salutation: string;
  closing: string;
  blocks: TemplateBlock[];
}

export interface TemplateProblem {
  code: string;
  message: string;
  block?: number;
}

export interface TemplateSummary {
  type: string;
  language: TemplateLanguage;
  name: string;
  source: 'default' | 'organisation';
  template: TemplateTexts;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Why a stored version is set aside (letters then use the default); empty when fine. */
  problems: TemplateProblem[];
}

export interface TemplateDetail extends TemplateSummary {
  defaultTemplate: TemplateTexts;
  requiredElements: Array<{
    name: string;
    label: string;
    rule: string;
    kind: string;
    mention: string | null;
  }>;
  placeholders: Array<{ name: string; label: string; required: boolean; inline: boolean }>;
}

/** One entry of a template's history: a saved version, or a return to the default (`reset`). */
export interface TemplateChange {
  id: string;
  letterType: string;
  language: TemplateLanguage;
  change: 'saved' | 'reset';
  /** The parts the organisation changed (a part left out kept the default); null for a reset. */
  template: Partial<TemplateTexts> | null;
  templateSha256: string | null;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: string;
}

export interface RetentionSettings {
  retentionYears: number;
  defaultYears: number;
  /** A cancellation request never linked to a complaint, counted from when it was handled. */
  cancellationRetentionYears: number;
  defaultCancellationYears: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

const path = (type: string, language: TemplateLanguage) =>
  `/letter-templates/${encodeURIComponent(type)}/${language}`;

export const letterTemplates = {
  list: () => api.request<TemplateSummary[]>('GET', '/letter-templates'),
  get: (type: string, language: TemplateLanguage) => api.request<TemplateDetail>('GET', path(type, language)),
  save: (type: string, language: TemplateLanguage, body: TemplateTexts) =>
    api.request<TemplateDetail>('PUT', path(type, language), { json: body }),
  reset: (type: string, language: TemplateLanguage) =>
    api.request<TemplateDetail>('DELETE', path(type, language)),
  history: (type: string, language: TemplateLanguage) =>
    api.request<TemplateChange[]>(
      'GET',
      `/letter-templates/history?type=${encodeURIComponent(type)}&language=${language}&limit=100`,
    ),
  /** An earlier saved version back in use: checked and recorded as a save. */
  restore: (type: string, language: TemplateLanguage, changeId: string) =>
    api.request<TemplateDetail>('POST', `${path(type, language)}/restore`, { json: { changeId } }),
  /** An edit not saved yet, as a PDF with sample data; checked as saving would check it. */
  preview: (type: string, language: TemplateLanguage, body: TemplateTexts) =>
    api.download(`${path(type, language)}/preview`, 'POST', { json: body }),
};

export const retention = {
  get: () => api.request<RetentionSettings>('GET', '/organisation/retention'),
  change: (years: { retentionYears: number; cancellationRetentionYears: number }) =>
    api.request<RetentionSettings>('PUT', '/organisation/retention', { json: years }),
};

/** The problems a refused template save or preview names (400 template_element_removed / template_invalid). */
export function templateProblemsOf(problem: Record<string, unknown>): TemplateProblem[] {
  const list = problem['problems'];
  return Array.isArray(list) ? (list as TemplateProblem[]) : [];
}
