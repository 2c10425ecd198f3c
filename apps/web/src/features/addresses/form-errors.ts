import type { FormInstance } from 'antd';
import { isApiError } from '../../lib/api-client';
import { notifyError } from '../../lib/notify';

/**
 * Puts a server error on the form field it names ("rental.contractEnd" → ['rental', 'contractEnd']) when the form
 * shows that field; anything else becomes a toast. The server's message is already Chinese.
 */
export function showFormError(form: FormInstance, err: unknown, fields: readonly string[]): void {
  if (isApiError(err) && err.field && fields.includes(err.field)) {
    form.setFields([{ name: err.field.split('.'), errors: [err.message] }]);
    return;
  }
  notifyError(err instanceof Error ? err.message : String(err));
}
