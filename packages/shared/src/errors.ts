/**
 * Stable error codes of the HTTP API. The HTTP status of each code is declared once here;
 * the server's error mapper and the web client both read this table.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_code: 400,
  invalid_geojson: 422,
  invalid_file: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  password_change_required: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  rate_limited: 429,
  upload_quota_exceeded: 429,
  internal: 500,
  // A part of the installation is missing (the headless browser that prints PDFs): the rest works.
  unavailable: 503,
} as const;

/** One of the stable error codes. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Default Chinese messages, shown when the server sends none more specific. */
export const ERROR_MESSAGES_ZH: Record<ErrorCode, string> = {
  validation_failed: '输入有误',
  invalid_code: '编码不合规',
  invalid_geojson: 'GeoJSON 文件无效',
  invalid_file: '文件无法读取或格式不符',
  unauthenticated: '请先登录',
  invalid_credentials: '用户名或密码错误',
  password_change_required: '请先修改密码',
  forbidden: '无权执行此操作',
  csrf_failed: '请求校验失败，请刷新页面',
  not_found: '记录不存在',
  conflict: '数据已被他人修改',
  duplicate: '记录已存在',
  payload_too_large: '上传内容过大',
  unsupported_media_type: '不支持的内容类型',
  account_locked: '账号已临时锁定',
  rate_limited: '请求过于频繁',
  upload_quota_exceeded: '今日上传量已达上限',
  internal: '服务器内部错误',
  unavailable: '该功能暂不可用',
};
