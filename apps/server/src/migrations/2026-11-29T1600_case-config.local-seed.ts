// Local starting data for the case configuration. None of it is national: administrators edit all of it.
// Frozen copies (no imports from application code), so this migration never changes when the app does.

/**
 * 综治事件 domains. These are NOT from GB/T 47678.5 (which covers 城管 components and matters only): they are
 * local codes, 'Z' + 2 digits for a domain and + 3 digits for a type, so they can never collide with the numeric
 * national codes. Stored with is_local_extension = 0 because they are the product's own baseline, not a
 * deployment's additions.
 */
export const GOVERNANCE: readonly {
  code: string;
  name: string;
  minors: readonly (readonly [string, string])[];
}[] = [
  {
    code: 'Z01',
    name: '矛盾纠纷',
    minors: [
      ['001', '婚姻家庭纠纷'],
      ['002', '邻里纠纷'],
      ['003', '物业纠纷'],
      ['004', '劳动争议'],
      ['005', '土地权属纠纷'],
    ],
  },
  {
    code: 'Z02',
    name: '治安隐患',
    minors: [
      ['001', '治安隐患线索'],
      ['002', '消防安全隐患'],
      ['003', '涉黄赌毒线索'],
      ['004', '安全生产隐患'],
    ],
  },
  {
    code: 'Z03',
    name: '民生服务',
    minors: [
      ['001', '求助'],
      ['002', '咨询'],
      ['003', '代办服务'],
    ],
  },
  {
    code: 'Z04',
    name: '社情民意',
    minors: [
      ['001', '意见建议'],
      ['002', '群众诉求'],
      ['003', '投诉'],
    ],
  },
  {
    code: 'Z05',
    name: '特殊人群报告',
    minors: [
      ['001', '社区矫正对象异常'],
      ['002', '刑满释放人员异常'],
      ['003', '严重精神障碍患者异常'],
      ['004', '吸毒人员异常'],
    ],
  },
  {
    code: 'Z06',
    name: '突发事件',
    minors: [
      ['001', '火灾'],
      ['002', '自然灾害'],
      ['003', '公共卫生事件'],
      ['004', '群体性事件'],
      ['005', '安全事故'],
    ],
  },
];

/**
 * 自行处置 whitelist (example): small street problems a supervisor usually fixes on the spot. A common local
 * practice, not a national list.
 */
export const SELF_HANDLE_MATTERS: readonly string[] = [
  '06007',
  '06010',
  '06036',
  '07001',
  '07002',
  '09010',
  '09011',
];

/** Per-step limits of docs/case-workflow.md §3.3 (placeholders there too), copied into every seeded condition. */
export const DEFAULT_STEP_LIMITS = {
  accept: { value: 1, type: 'work_hour' },
  verify: { value: 2, type: 'work_hour' },
  register: { value: 1, type: 'work_hour' },
  dispatch: { value: 1, type: 'work_hour' },
  acknowledge: { value: 1, type: 'work_hour' },
  feedback_review: { value: 1, type: 'work_hour' },
  check_dispatch: { value: 1, type: 'work_hour' },
  check: { value: 4, type: 'work_hour' },
  close: { value: 1, type: 'work_hour' },
} as const;

export interface SeedCondition {
  classCode: string;
  text: string;
  closure: string;
  urgency: 'normal' | 'urgent';
  limitValue: number;
  limitType: 'urgent_hour' | 'work_hour' | 'work_day' | 'natural_day';
}

/**
 * 立结案标准 examples. LOCAL EXAMPLE VALUES, not national: there is no national table of limits (CJ/T 315 gives the
 * framework; cities publish their own, e.g. Shenzhen SZDB/Z 300.4 appendix A). The figures follow the published local
 * targets quoted in docs/case-workflow.md §3.5, rounded to one row each.
 */
export const SEED_CONDITIONS: readonly SeedCondition[] = [
  {
    classCode: '01001',
    text: '供水井盖缺失、移位或破损，危及行人车辆通行安全',
    closure: '井盖已补齐或更换，盖座平稳，无安全隐患',
    urgency: 'urgent',
    limitValue: 6,
    limitType: 'urgent_hour',
  },
  {
    classCode: '01001',
    text: '供水井盖松动、异响或轻微破损，暂不危及通行安全',
    closure: '井盖已加固或更换，无松动异响',
    urgency: 'normal',
    limitValue: 3,
    limitType: 'work_day',
  },
  {
    classCode: '01003',
    text: '雨水井盖缺失、移位或破损，危及行人车辆通行安全',
    closure: '井盖已补齐或更换，盖座平稳，无安全隐患',
    urgency: 'urgent',
    limitValue: 6,
    limitType: 'urgent_hour',
  },
  {
    classCode: '06010',
    text: '道路、广场等公共场所有暴露垃圾',
    closure: '垃圾已清除，现场干净',
    urgency: 'normal',
    limitValue: 2,
    limitType: 'work_hour',
  },
  {
    classCode: '07001',
    text: '建筑物、构筑物或设施上有张贴、涂写、刻画的非法小广告',
    closure: '小广告已清除，无明显痕迹',
    urgency: 'normal',
    limitValue: 4,
    limitType: 'work_hour',
  },
  {
    classCode: '09006',
    text: '占用道路、桥梁、人行过街设施或其他公共场所摆摊设点经营',
    closure: '占道经营行为已消除，现场恢复通行',
    urgency: 'normal',
    limitValue: 4,
    limitType: 'work_hour',
  },
  {
    classCode: 'Z03002',
    text: '群众咨询政策、办事流程等（12345 咨询类）',
    closure: '已答复咨询人',
    urgency: 'normal',
    limitValue: 3,
    limitType: 'work_day',
  },
];
