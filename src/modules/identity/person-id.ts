/**
 * Norwegian national identity numbers (fødselsnummer, D-number, and the synthetic test numbers used by HelseID's
 * test environment): eleven digits whose last two are mod-11 check digits. Kept as strings (leading zeros).
 */
const firstWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const secondWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

function checkDigit(digits: string, weights: readonly number[]): number | null {
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

export function isValidPersonId(text: string): boolean {
  if (!/^\d{11}$/.test(text)) return false;
  const k1 = checkDigit(text, firstWeights);
  if (k1 === null || k1 !== Number(text[9])) return false;
  const k2 = checkDigit(text, secondWeights);
  return k2 !== null && k2 === Number(text[10]);
}

/** Completes nine digits (birth date and individual number) with both check digits, or null when impossible. */
export function completePersonId(firstNine: string): string | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  const k1 = checkDigit(firstNine, firstWeights);
  if (k1 === null) return null;
  const k2 = checkDigit(`${firstNine}${k1}`, secondWeights);
  return k2 === null ? null : `${firstNine}${k1}${k2}`;
}

/** Shown to administrators instead of the whole number: the birth date part only. */
export function maskPersonId(text: string | null): string | null {
  return text === null ? null : `${text.slice(0, 6)}*****`;
}
