// The Chinese strings the first page needs. Each feature's own strings (cases, imports, the registries) are loaded
// with its lazy page (lib/i18n-parts.ts), and English only once chosen (i18n-messages-en.ts), so the login page does
// not download every dictionary in both languages. The types still cover every key of every part.
import type { casesZh } from './i18n-messages-cases';
import type { importsZh } from './i18n-messages-imports';
import type { addressesZh } from './i18n-messages-addresses';
import type { populationZh } from './i18n-messages-population';
import type { unitsZh } from './i18n-messages-units';
import type { specialGroupsZh } from './i18n-messages-special-groups';
import type { conditionsZh } from '../features/categories/conditions-messages';
import type { dictionaryZh } from '../features/categories/dictionary-messages';
import type { dispatchRulesZh } from '../features/dispatch-rules/dispatch-rules-messages';
import type { screenZh } from '../features/screen/screen-messages';
import type { supervisionZh } from '../features/supervision/supervision-messages';
import type { reportsZh } from '../features/reports/reports-messages';
import type { hotlineZh } from '../features/hotline/hotline-messages';
import type { open311Zh } from '../features/open311/open311-messages';
import type { registryFiguresZh } from '../features/registry-figures/registry-figures-messages';
import type { dashboardZh } from '../features/dashboard/dashboard-messages';
import type { assessmentZh } from '../features/assessment/assessment-messages';
// @i18n-import:calendar
import { calendarZh } from '../features/calendar/calendar-i18n';
// @i18n-import:public
import { publicZh } from '../features/public-cases/public-messages';
import { personalSearchZh } from './i18n-messages-personal-search';
import { accountZh } from './i18n-messages-account';

/** UI strings. Chinese is the source language; English mirrors every key. */
export const zh = {
  // @i18n-zh:calendar
  ...calendarZh,
  // @i18n-zh:public
  ...publicZh,
  ...personalSearchZh,
  ...accountZh,
  // The menu's entries of the lazily loaded features: the menu is drawn before any of them is loaded.
  'nav.report': '上报问题',
  'nav.cases': '案件队列',
  'nav.tasks': '我的任务',
  'nav.registryImport': '数据导入',
  'nav.addresses': '标准地址',
  'nav.houses': '实有房屋',
  'nav.persons': '实有人口',
  'nav.units': '实有单位',
  'nav.places': '重点场所',
  'nav.inspectionsOverdue': '逾期检查',
  'nav.specialGroups': '特殊人群',
  'nav.groupDictionary': '人群类别',
  'nav.myVisits': '我的走访',
  'nav.overdueVisits': '逾期走访',
  'nav.residentFiles': '民情日志',
  'nav.conditions': '立结案标准',
  'nav.assessment': '考核管理',
  'nav.categoryDictionary': '分类字典',
  'nav.dispatchRules': '派遣矩阵',
  'app.name': '网格',
  'app.subtitle': '社会治理网格化管理平台',
  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.back': '返回',
  'common.close': '关闭',
  'common.none': '无',
  'common.search': '搜索',
  'common.loadMore': '加载更多',
  'common.total': '共 {n} 条',
  'common.forbidden': '您没有访问此页面的权限',
  'common.notFound': '页面不存在',
  'common.home': '返回首页',
  'common.loadFailed': '加载失败',
  'export.maskedHint': '导出脱敏数据（记入审计）',
  'export.full': '导出完整信息',
  'export.fullTitle': '导出完整个人信息',
  'export.fullHint':
    '导出的表格将含完整姓名、证件号码和电话，导出人、时间、筛选条件和原因记入审计日志，表格带水印，严禁外传。',
  'export.fullReason': '请说明导出原因，如：低保年审核对名单',
  'export.fullReasonShort': '原因至少 4 个字',
  'export.fullSubmit': '导出',
  'nav.map': '地图',
  'nav.areaTree': '区域树',
  'nav.areaImport': '区域导入',
  'nav.departments': '专业部门',
  'nav.users': '用户',
  'nav.audit': '审计日志',
  'nav.menu': '菜单',
  'nav.overview': '区域概况',
  'nav.screen': '大屏',
  'nav.dashboard': '领导驾驶舱',
  'nav.supervision': '工作监督',
  'nav.reports': '月度报告',
  'nav.hotlineDeliveries': '12345 回传记录',
  'nav.open311Keys': 'Open311 接口密钥',
  'nav.registryFigures': '登记与走访统计',
  'navGroup.zongzhi': '综治',
  'navGroup.minsheng': '民生',
  'navGroup.dangjian': '党建',
  'navGroup.kaohe': '监督考核',
  'navGroup.juece': '决策支持',
  'navGroup.xietong': '协同办公',
  'navGroup.gis': 'GIS',
  'navGroup.system': '系统',
  'header.language': 'English',
  'header.changePassword': '修改密码',
  'header.logout': '退出登录',
  'auth.title': '登录',
  'auth.username': '用户名',
  'auth.password': '密码',
  'auth.submit': '登录',
  'auth.required': '请输入{field}',
  'auth.demoAccounts': '演示账号',
  'auth.demoHint': '点击一行填入账号；演示密码：{password}',
  'auth.demoHintNoPassword': '点击一行填入账号',
  'auth.role': '角色',
  'auth.area': '范围',
  'auth.fill': '填入',
  'password.title': '修改密码',
  'password.forced': '首次登录或密码已过期，请先设置新密码。',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.minLength': '新密码至少 10 个字符',
  'password.mismatch': '两次输入的密码不一致',
  'password.submit': '保存',
  'password.done': '密码已修改',
  'area.level': '层级',
  'area.code': '编码',
  'area.name': '名称',
  'area.type': '类型',
  'area.path': '所属',
  'area.size': '面积',
  'area.version': '版本',
  'area.validFrom': '生效时间',
  'area.children': '下级数量',
  'area.staff': '网格力量',
  'area.staffRole': '职务',
  'area.staffName': '姓名',
  'area.staffPhone': '电话',
  'area.noStaff': '暂无网格力量',
  'area.staffUnmask': '查看完整手机号',
  'area.staffUnmaskHint':
    '非本网格同事的手机号默认脱敏，查看将记入审计日志（查看人、时间、对象和原因）。',
  'area.staffUnmaskReason': '请说明查看原因，如：受理案件需联系网格长',
  'area.staffUnmaskReasonShort': '原因至少 4 个字',
  'area.detail': '区域详情',
  'area.scheme': '编码标准',
  'area.persons': '实有人口',
  'area.houses': '实有房屋',
  'area.openCases': '在办案件',
  'map.noResult': '未找到“{q}”',
  'map.search': '搜索区域名称或编码',
  'map.locate': '定位',
  'map.locateHint': '定位模式：点击地图查询所在网格',
  'map.myLocation': '使用我的位置',
  'map.geoUnsupported': '此浏览器不支持定位',
  'map.geoDenied': '无法获取您的位置：{reason}',
  'map.locateResult': '定位结果',
  'map.otherGrids': '同时位于',
  'map.notInGrid': '不在任何网格内',
  'map.loadingGrids': '正在加载网格…',
  'map.gridCount': '{n} 个网格',
  'tree.title': '区域树',
  'tree.empty': '没有可查看的区域',
  'import.title': '区域导入',
  'import.file': 'GeoJSON 文件',
  'import.pick': '选择 .geojson / .json 文件',
  'import.fileInfo': '{name}，{n} 个要素',
  'import.badJson': '文件不是有效的 JSON',
  'import.notCollection': '文件不是 GeoJSON FeatureCollection',
  'import.crs': '坐标系',
  'import.level': '层级 (可选)',
  'import.levelHint': '用于未注明层级的要素',
  'import.codeField': '编码字段 (可选)',
  'import.nameField': '名称字段 (可选)',
  'import.check': '校验',
  'import.commit': '确认导入',
  'import.commitHint': '校验通过后才能导入；导入全部成功或全部不写入。',
  'import.passed': '校验通过，可以导入',
  'import.failed': '校验未通过，请修正后重新校验',
  'import.committed': '导入完成',
  'import.features': '要素',
  'import.created': '新增',
  'import.updated': '更新',
  'import.unchanged': '未变',
  'import.errors': '错误',
  'import.warnings': '警告',
  'import.index': '要素序号',
  'import.reason': '原因',
  'import.stale': '文件或选项已更改，请重新校验',
  'dept.title': '专业部门',
  'dept.creditCode': '统一社会信用代码',
  'dept.area': '服务区域',
  'dept.createdAt': '创建时间',
  'users.title': '用户',
  'users.username': '用户名',
  'users.displayName': '姓名',
  'users.phone': '电话',
  'users.roles': '角色',
  'users.areas': '管辖区域',
  'users.status': '状态',
  'users.active': '启用',
  'users.disabled': '停用',
  'users.search': '搜索用户名或姓名',
  'audit.title': '审计日志',
  'audit.at': '时间',
  'audit.actor': '操作人',
  'audit.action': '操作',
  'audit.target': '对象',
  'audit.ip': 'IP',
  'audit.detail': '详情',
  'audit.reason': '原因',
  'audit.outOfScope': '（范围外）',
  'audit.cityWide': '全市',
  'audit.area': '区域',
  'audit.empty': '没有符合条件的审计记录',
  'audit.filter.actor': '操作人',
  'audit.filter.action': '操作（可多选）',
  'audit.filter.targetType': '对象类型',
  'audit.filter.area': '区域',
  'audit.filter.from': '开始日期',
  'audit.filter.to': '结束日期',
  'audit.showLogins': '显示登录记录',
  'audit.reset': '重置',
  'audit.export': '导出',
  'audit.exportTitle': '导出审计日志',
  'audit.exportHint': '按当前筛选条件导出为带水印的 Excel 文件。导出本身记入审计日志，请说明原因。',
  'audit.exportReason': '导出原因，如：季度安全审计',
  'audit.exportReasonShort': '请至少写 2 个字',
  'audit.exportSubmit': '导出',
  'audit.embeddedTitle': '审计记录',
  'audit.viewAll': '在审计日志中查看',
};

/** Every key of every part: what t() accepts. */
export type MessageKey =
  | keyof typeof zh
  | keyof typeof casesZh
  | keyof typeof importsZh
  | keyof typeof addressesZh
  | keyof typeof populationZh
  | keyof typeof unitsZh
  | keyof typeof specialGroupsZh
  | keyof typeof conditionsZh
  | keyof typeof dictionaryZh
  | keyof typeof dispatchRulesZh
  | keyof typeof screenZh
  | keyof typeof supervisionZh
  | keyof typeof reportsZh
  | keyof typeof hotlineZh
  | keyof typeof open311Zh
  | keyof typeof registryFiguresZh
  | keyof typeof dashboardZh
  | keyof typeof assessmentZh;
export type Messages = Record<MessageKey, string>;
