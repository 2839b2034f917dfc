/** Sector surveys as plain data: the questionnaire, who it goes to, and the answers. */
import type { Localized } from './types.js';

export const questionTypes = ['scale', 'yes-partly-no', 'single-choice', 'multiple-choice', 'number', 'text'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** The sector's usual answer scale (as in KS' recommended common security requirements). */
export const yesPartlyNo = ['yes', 'partly', 'no', 'dont-know'] as const;
export type YesPartlyNo = (typeof yesPartlyNo)[number];

export interface ChoiceOption {
  id: string;
  text: Localized;
}

export interface ScaleLabel {
  value: number;
  text: Localized;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: Localized;
  help: Localized | null;
  required: boolean;
  /** `larger`: left out for enterprises with fewer than 10 employees (the light survey). */
  audience: 'all' | 'larger';
  /** scale: the values and what each means; number: bounds. */
  min: number | null;
  max: number | null;
  labels: ScaleLabel[];
  options: ChoiceOption[];
  unit: Localized | null;
  maxLength: number | null;
  /** The indicator the answer feeds (scale, yes-partly-no, number). */
  indicator: string | null;
  /** For choice questions: option id → indicator (1 when chosen, 0 when not). */
  optionIndicators: Record<string, string>;
  /** The basic measure a scale question asks about, for guidance links. */
  requirementId: string | null;
}

export interface Questionnaire {
  questions: Question[];
}

export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export interface SurveyTarget {
  organisationTypes: string[];
  sizeClasses: string[];
  regions: string[];
}

export interface Survey {
  id: string;
  title: Localized;
  description: Localized;
  year: number;
  status: SurveyStatus;
  questionnaire: Questionnaire;
  target: SurveyTarget;
  /** How long an invitation link stays valid. */
  invitationDays: number;
  createdAt: string;
  createdBy: string;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
}

/** One answer as stored: the shape depends on the question type. */
export type AnswerValue = number | string | string[] | null;
export type SurveyAnswers = Record<string, AnswerValue>;

export const recipientStatuses = ['invited', 'answering', 'submitted'] as const;
export type RecipientStatus = (typeof recipientStatuses)[number];

export interface SurveyResponse {
  surveyId: string;
  organisationId: string;
  answers: SurveyAnswers;
  status: 'draft' | 'submitted';
  version: number;
  updatedAt: string;
  submittedAt: string | null;
}

/** One value of one indicator for one enterprise in one year: what aggregates are built from. */
export interface IndicatorFact {
  year: number;
  organisationId: string;
  indicatorId: string;
  value: number;
  organisationType: string;
  sizeClass: string;
  region: string;
  source: 'survey' | 'self-assessment';
}
