/** 市民上报 and 查询 without an account: receipts (查询码 + 查询密码), the citizen view, 评价 and 申请重开. */
import type { EncryptedColumns } from '../../core/db/rekey';

export { createPublicCasesService, citizenActor, type PublicCasesService, type PublicCasesDeps } from './public-cases.service';
export { registerPublicCasesRoutes } from './public-cases.routes';

/** The receipt's contact phone, for `wangge rotate-data-key`. */
export const publicCasesEncryptedColumns: EncryptedColumns[] = [{ table: 'public_receipts', key: 'id', columns: ['phone_enc'] }];
