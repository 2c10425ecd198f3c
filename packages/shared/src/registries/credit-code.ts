/**
 * 统一社会信用代码 (GB 32100-2015): 1 登记管理部门 + 1 机构类别 + 6 登记管理机关行政区划码 + 9 主体标识码 + 1 check
 * character, over the 31-character alphabet without I, O, S, V, Z; check = 31 − (Σ value × weight mod 31).
 */
export type CreditCodeProblem = 'format' | 'check_digit';

export type CreditCodeResult =
  | { ok: true; value: string }
  | { ok: false; problem: CreditCodeProblem };

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const CREDIT_CODE_PROBLEM_MESSAGES: Record<CreditCodeProblem, string> = {
  format: '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）',
  check_digit: '统一社会信用代码校验位错误',
};

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function parseCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code))
    return { ok: false, problem: 'format' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17])
    return { ok: false, problem: 'check_digit' };
  return { ok: true, value: code };
}
