import { describe, expect, it } from 'vitest';
import { guardUnload, LEAVE_DIALOG } from '../../electron/main/unloadGuard';
import { fakeEvent, FakeWebContents } from './fakes';

describe('leaving a window with unsaved edits', () => {
  it('asks, and unloads only when the person chooses to leave', () => {
    const contents = new FakeWebContents();
    const answers = [false, true];
    let asked = 0;
    guardUnload(contents as never, () => (asked++, answers.shift()!));
    const stay = fakeEvent();
    contents.emit('will-prevent-unload', stay);
    expect(stay.defaultPrevented()).toBe(false);
    const leave = fakeEvent();
    contents.emit('will-prevent-unload', leave);
    expect(leave.defaultPrevented()).toBe(true);
    expect(asked).toBe(2);
  });

  it('makes staying the default and the escape answer', () => {
    expect(LEAVE_DIALOG.buttons[LEAVE_DIALOG.defaultId]).toBe('Stay');
    expect(LEAVE_DIALOG.buttons[LEAVE_DIALOG.cancelId]).toBe('Stay');
  });
});
