/**
 * The IPC transport: one `ipcMain.handle` per contract channel, each refusing anything but
 * the main frame of a trusted Casefile window showing casefile://app, then calling the same
 * `dispatch` the HTTP transport uses. Arguments arrive as `unknown`; dispatch validates them.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { CaseFile } from '../../db/casefile';
import { dispatch } from '../../db/handlers';
import { CHANNELS, contract, type Channel, type Result } from '../../shared/contract';
import { isAppUrl } from './security';

export const NO_CASE_FILE_MESSAGE = 'No case file is open. Use File → Open…';

function refused(message: string): Result<never> {
  return { ok: false, error: { code: 'refused', message } };
}

/** Why a sender is refused, or null when it is the main frame of a trusted window on the app. */
export function senderProblem(event: IpcMainInvokeEvent, isTrustedSender: (sender: WebContents) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the frame that sent it is gone';
  if (frame.parent !== null) return 'it came from a subframe, not the window itself';
  if (!isTrustedSender(event.sender)) return 'it came from a window Casefile did not open';
  if (!isAppUrl(frame.url)) return `it came from ${JSON.stringify(frame.url)}, not from the Casefile app`;
  return null;
}

export function handleInvoke(
  event: IpcMainInvokeEvent,
  channel: string,
  input: unknown,
  getCaseFile: () => CaseFile | null,
  isTrustedSender: (sender: WebContents) => boolean,
): Result<unknown> {
  const problem = senderProblem(event, isTrustedSender);
  if (problem) return refused(`Refused ${channel}: ${problem}.`);
  const cf = getCaseFile();
  if (!cf) return refused(NO_CASE_FILE_MESSAGE);
  return dispatch(cf, channel, input);
}

/**
 * A channel the main process answers itself (an OS dialog), in place of its db/ handler: given
 * input already validated against the contract, like any handler.
 */
export type MainHandler = (input: unknown) => Promise<Result<unknown>>;

/** Register a handler for every channel of the contract (`own`: channels answered here instead). */
export function registerContract(
  ipcMain: Pick<IpcMain, 'handle'>,
  getCaseFile: () => CaseFile | null,
  isTrustedSender: (sender: WebContents) => boolean,
  own: Partial<Record<Channel, MainHandler>> = {},
): void {
  for (const channel of CHANNELS) {
    const mine = own[channel];
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!mine) return handleInvoke(event, channel, input, getCaseFile, isTrustedSender);
      const problem = senderProblem(event, isTrustedSender);
      if (problem) return refused(`Refused ${channel}: ${problem}.`);
      const parsed = contract[channel].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${channel}: ${parsed.error.issues.map((i) => i.message).join('; ')}` } };
      return mine(parsed.data);
    });
  }
}

export function unregisterContract(ipcMain: Pick<IpcMain, 'removeHandler'>): void {
  for (const channel of CHANNELS) ipcMain.removeHandler(channel);
}
