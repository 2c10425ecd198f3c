/** UI strings of 月度报告 (loaded with its page, lib/i18n-parts.ts); English in reports-messages-en.ts. */
export const reportsZh = {
  'reports.title': '月度报告',
  'reports.area': '区域',
  'reports.areaPlaceholder': '选择区、街道或社区',
  'reports.period': '月份',
  'reports.generate': '生成报告',
  'reports.generated': '已生成 {area} {period} 月度报告',
  'reports.filterPlaceholder': '全部辖区',
  'reports.empty':
    '还没有月度报告。每月 1 日系统自动生成上月的区和街道报告，也可以在上方选择区域和月份生成。',
  'reports.col.period': '月份',
  'reports.col.area': '区域',
  'reports.col.trigger': '方式',
  'reports.col.createdAt': '生成时间',
  'reports.col.headline': '主要指标',
  'reports.col.actions': '操作',
  'reports.trigger.manual': '手动',
  'reports.trigger.schedule': '定时',
  'reports.openHtml': '网页版',
  'reports.downloadPdf': '下载 PDF',
  'reports.pages': '{n} 页',
  'reports.noPdf': 'PDF 将在下载时生成',
  'reports.hint':
    '报告按所选月份（北京时间）统计，只能为已结束的月份生成；同比为去年同月，环比为上月。比率无分母时显示“—”。',
} as const;
