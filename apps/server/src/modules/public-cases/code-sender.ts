/**
 * How a one-time code reaches a citizen's phone. A city plugs its SMS gateway in by implementing `sendCode` (send the
 * code, answer `{ shownCode: null }`) and returning it from `codeSenderFor` in public-cases.module.ts. Until then only
 * a demo city has a sender, which shows the code on screen: anyone could read any phone's reports with it, so it is
 * never used outside the demo.
 */
export interface CodeSender {
  /** Delivers `code` to `phone`; `shownCode` is the code to put on screen (demo) or null (sent by SMS). */
  sendCode(phone: string, code: string): Promise<{ shownCode: string | null }>;
}

/** The demo's sender: no SMS gateway, the code is shown on screen. */
export const screenCodeSender: CodeSender = {
  sendCode: async (_phone, code) => ({ shownCode: code }),
};
