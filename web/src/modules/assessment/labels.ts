/** Translation keys for the assessment module's codes (enterprise types, statuses, cell notes, …). */
import type { MessageKey } from '../../i18n/i18n.js';

import { hasMessage } from '../../i18n/i18n.js';

export const typeKey = (type: string): MessageKey =>
  hasMessage(`assessment.type.${type}`) ? (`assessment.type.${type}` as MessageKey) : 'assessment.type.otherEnterprise';
export const sizeKey = (size: string) => `assessment.size.${size}` as MessageKey;
export const regionKey = (region: string) => `assessment.region.${region}` as MessageKey;
export const statusKey = (status: string) => `assessment.status.${status}` as MessageKey;
export const actionStatusKey = (status: string) => `assessment.actionStatus.${status}` as MessageKey;
export const noteKey = (note: string) => `assessment.note.${note}` as MessageKey;
export const reasonKey = (reason: string) => `assessment.reason.${reason}` as MessageKey;
export const effortKey = (effort: string) => `assessment.effort.${effort}` as MessageKey;
export const dimensionKey = (dimension: string) => `assessment.dimension.${dimension}` as MessageKey;
export const peerLevelKey = (level: string) => `assessment.peerLevel.${level}` as MessageKey;
export const guidanceKindKey = (kind: string) => `assessment.guidanceKind.${kind}` as MessageKey;

export const organisationTypeIds = [
  'gp-office',
  'dental-clinic',
  'pharmacy',
  'private-specialist',
  'municipality',
  'nursing-home',
  'hospital-trust',
  'regional-health-authority',
  'supplier',
  'other',
] as const;
export const sizeIds = ['micro', 'small', 'medium', 'large'] as const;
export const regionIds = ['sor-ost', 'vest', 'midt', 'nord', 'national'] as const;
export const peerLevelNameKey = (level: string) => `assessment.peerLevelName.${level}` as MessageKey;
export const measureKey = (id: string) => `assessment.measure.${id}` as MessageKey;
