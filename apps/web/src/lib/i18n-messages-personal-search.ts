/** UI strings of 按完整号码查找 (components/personal-search-button.tsx); merged into i18n-messages (English in -en.ts). */
export const personalSearchZh = {
  'personalSearch.title': '按完整号码查找',
  'personalSearch.hint':
    '按完整电话或证件号码查找等同于查看个人信息：需说明原因，记入审计日志（查找人、时间、字段、原因和结果数，不记号码本身），每人每 10 分钟最多 20 次。',
  'personalSearch.reason': '请说明查找原因，如：核实来电人身份',
  'personalSearch.reasonShort': '原因至少 2 个字',
  'personalSearch.submit': '查找',
  'personalSearch.none': '没有找到匹配的记录',
  'personalSearch.found': '找到 {n} 条记录',
  'personalSearch.byLandlordPhone': '按房主电话查找',
  'personalSearch.byUnitPhone': '按电话查找',
  'personalSearch.byIdNumber': '按证件号码查找',
  'personalSearch.byPersonPhone': '按电话查找',
  'personalSearch.phoneValue': '完整手机号或固定电话',
  'personalSearch.idValue': '完整居民身份证号码',
};
