/**
 * UI strings of the registry import wizard;
 * Loaded with those pages (i18n-parts.ts), English in -en.ts. Their menu entries (nav.*) are in i18n-messages.ts.
 */
export const importsZh = {
  'imports.sheet.export': '导出 Excel',
  'imports.sheet.import': '导入 Excel',
  'imports.sheet.title': '导入{table}',
  'imports.sheet.hint':
    '先导出当前表格作为模板，修改后导入。预检逐行检查每个单元格，全部通过后才能提交；只要有一行有误，就不会写入任何数据。与现有数据相同的行不作改动。',
  'imports.sheet.done': '已导入：新增 {created} 条，修改 {updated} 条',
  'imports.title': '一标三实数据导入',
  'imports.stepTemplate': '下载模板',
  'imports.stepCheck': '预检',
  'imports.stepCommit': '提交导入',
  'imports.stepDone': '完成',
  'imports.template': '下载模板',
  'imports.pick': '选择文件 (.xlsx / .csv)',
  'imports.check': '预检',
  'imports.commit': '提交导入',
  'imports.hint':
    '先预检：逐行列出问题且不写入任何数据；全部通过后才能提交，提交时整批写入，有一行出错则整批不写入。同一文件重复导入不会产生重复记录。',
  'imports.fileRefused': '文件无法导入',
  'imports.committed': '导入完成',
  'imports.clean': '预检通过，可以提交导入',
  'imports.problems': '发现 {n} 个问题（涉及 {rows} 行），请修改后重新预检',
  'imports.rows': '数据行',
  'imports.validRows': '通过',
  'imports.invalidRows': '有问题',
  'imports.counts': '结果',
  'imports.countsValue': '新增 {created}，更新 {updated}，未变 {unchanged}',
  'imports.done': '已导入 {n} 行',
  'imports.downloadReport': '下载问题清单 (xlsx)',
  'imports.row': '行号',
  'imports.column': '列',
  'imports.value': '值',
  'imports.problem': '问题',
};
