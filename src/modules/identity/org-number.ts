/**
 * Norwegian organisation numbers (organisasjonsnummer, Enhetsregisteret): nine digits, the last a mod-11 check digit
 * over the first eight with weights 3 2 7 6 5 4 3 2. A remainder that would give check digit 10 makes the number
 * invalid.
 */
const weights = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Spaces and dots removed ("974 760 673" → "974760673"); anything else is left for validation to refuse. */
export function normaliseOrgNumber(text: string): string {
  return text.replace(/[\s.]/g, '');
}

/** The check digit for eight leading digits, or null when no valid number has them. */
export function orgNumberCheckDigit(firstEight: string): number | null {
  if (!/^\d{8}$/.test(firstEight)) return null;
  const sum = weights.reduce((total, weight, i) => total + weight * Number(firstEight[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

export function isValidOrgNumber(text: string): boolean {
  const digits = normaliseOrgNumber(text);
  if (!/^\d{9}$/.test(digits)) return false;
  return orgNumberCheckDigit(digits.slice(0, 8)) === Number(digits[8]);
}

/** Why a number is refused, in words for the person who typed it (null when it is valid). */
export function orgNumberProblem(text: string): string | null {
  const digits = normaliseOrgNumber(text);
  if (!/^\d+$/.test(digits)) return 'an organisation number has only digits';
  if (digits.length !== 9) return `an organisation number has 9 digits, this has ${digits.length}`;
  if (!isValidOrgNumber(digits)) return 'the check digit (the last digit) does not match: a digit is probably mistyped';
  return null;
}

/** Turns eight digits into a valid number, or null (used to make synthetic demo numbers). */
export function completeOrgNumber(firstEight: string): string | null {
  const check = orgNumberCheckDigit(firstEight);
  return check === null ? null : `${firstEight}${check}`;
}
