import type { hotlineZh } from './hotline-messages';

/** English strings of 12345 回传记录. */
export const hotlineEn: Record<keyof typeof hotlineZh, string> = {
  'hotline.title': '12345 webhook log',
  'hotline.centre': 'Hotline centre address',
  'hotline.notConfigured':
    'No 12345 centre address or signing secret is configured (WANGGE_HOTLINE_URL, WANGGE_HOTLINE_SECRET): nothing is sent to the centre.',
  'hotline.secretSet': 'Signing secret set',
  'hotline.secretMissing': 'No signing secret',
  'hotline.filter.status': 'Status',
  'hotline.filter.all': 'All statuses',
  'hotline.filter.order': 'Order id',
  'hotline.col.createdAt': 'Created',
  'hotline.col.order': '12345 order',
  'hotline.col.case': 'Case',
  'hotline.col.kind': 'Kind',
  'hotline.col.status': 'Status',
  'hotline.col.attempts': 'Attempts',
  'hotline.col.error': 'Last error',
  'hotline.col.next': 'Delivered / next attempt',
  'hotline.col.actions': 'Actions',
  'hotline.kind.accept': 'Accept',
  'hotline.kind.return': 'Return',
  'hotline.kind.progress': 'Progress',
  'hotline.kind.reply': 'Reply',
  'hotline.status.pending': 'Pending',
  'hotline.status.delivering': 'Sending',
  'hotline.status.delivered': 'Delivered',
  'hotline.status.dead': 'Failed',
  'hotline.redeliver': 'Send again',
  'hotline.redeliverConfirm':
    'Send this message to the hotline centre again? The centre drops repeats by delivery id.',
  'hotline.redelivered': 'Queued for sending again',
  'hotline.deliveredAt': 'Delivered {at}',
  'hotline.payload': 'Body sent',
  'hotline.queued': 'Queued',
  'hotline.queuedHint':
    'An order’s messages go in sequence: sent once the one before it is delivered',
  'hotline.empty':
    'No webhooks yet. Each message to the centre (a 12345 order accepted, returned, progressed or closed) is logged here.',
  'hotline.total': '{n} in all',
};
