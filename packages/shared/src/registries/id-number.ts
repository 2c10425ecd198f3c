/**
 * 公民身份号码 (GB 11643-1999): 6-digit region + 8-digit birth date + 3-digit sequence (odd = male) + check character
 * (ISO 7064 MOD 11-2). The 15-digit form of the first-generation cards (2-digit year, no check) converts to 18.
 */
export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: 'male' | 'female'; converted: boolean }
  | { ok: false; problem: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

// Province-level prefixes of GB/T 2260, plus 71 台湾, 81 香港, 82 澳门, 83 (台湾居民居住证) and 91 (外国人永久居留身份证 of 2017).
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91',
]);

export const ID_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号码应为18位（末位可为X）或15位数字',
  region: '身份证号码的地区码不存在',
  birth_date: '身份证号码中的出生日期无效',
  check_digit: '身份证号码校验位错误',
};

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function validDate(y: number, m: number, d: number, today: Date): boolean {
  if (y < 1880 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return false;
  return dt.getTime() <= today.getTime();
}

/** Validates and normalises (trimmed, upper-case X, 15 → 18 digits). `today` bounds the birth date. */
export function parseIdNumber(input: string, today: Date = new Date()): IdNumberResult {
  let id = input.trim().toUpperCase();
  let converted = false;
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + idCheckChar(first17);
    converted = true;
  } else if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  if (!PROVINCES.has(id.slice(0, 2))) return { ok: false, problem: 'region' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!validDate(y, m, d, today)) return { ok: false, problem: 'birth_date' };
  if (!converted && idCheckChar(id.slice(0, 17)) !== id[17])
    return { ok: false, problem: 'check_digit' };
  return {
    ok: true,
    value: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    converted,
  };
}
