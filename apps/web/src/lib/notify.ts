import type { MessageInstance } from 'antd/es/message/interface';

// antd's message API needs the App context (theme, locale); the AppBridge component in
// app/providers.tsx hands it over here so non-React code (the query cache) can use it.
let instance: MessageInstance | null = null;

export function setMessageInstance(next: MessageInstance | null): void {
  instance = next;
}

export function notifyError(text: string): void {
  // The same error from several queries at once should show once.
  void instance?.open({ type: 'error', content: text, key: `err:${text}`, duration: 4 });
}

export function notifySuccess(text: string): void {
  void instance?.open({ type: 'success', content: text, duration: 2 });
}
