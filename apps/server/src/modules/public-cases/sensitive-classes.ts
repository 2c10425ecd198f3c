/**
 * Which case classes are sensitive for the public map: their place is never published, and no "+1 nearby" is ever
 * offered for them (that alone would say "someone near here reported this"). The dictionary has no such flag, so the
 * rule lives here and is tested: every 综治事件 class (codes start with Z: disputes, special groups, public security),
 * plus any class whose own or ancestor names speak of disputes, special groups or people in care.
 */
const SENSITIVE_NAMES =
  /纠纷|矛盾|信访|上访|特殊人群|重点人员|重点青少年|精神|吸毒|社区矫正|刑满释放|安置帮教|艾滋|家暴|家庭暴力|邪教|涉稳|治安|未成年人/;

export interface ClassForPolicy {
  code: string;
  /** Names from the 大类 down to the class itself. */
  names: readonly string[];
}

export function isSensitiveClass(c: ClassForPolicy | null): boolean {
  if (!c) return false;
  if (c.code.startsWith('Z')) return true;
  return c.names.some((n) => SENSITIVE_NAMES.test(n));
}
