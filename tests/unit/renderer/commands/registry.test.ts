import { describe, expect, it } from 'vitest';
import { commands, sortCommands } from '../../../../renderer/src/commands/registry';
import { KEYMAP } from '../../../../renderer/src/commands/keymap';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the command registry', () => {
  it('runs the latest registration of an id, and the earlier one again once the latest leaves', () => {
    const ran: string[] = [];
    const first = commands.register([{ id: 'test.open', title: 'Open', group: 'Test', run: () => void ran.push('left pane') }]);
    const second = commands.register([{ id: 'test.open', title: 'Open', group: 'Test', run: () => void ran.push('right pane') }]);
    expect(commands.run('test.open')).toBe(true);
    second();
    expect(commands.run('test.open')).toBe(true);
    first();
    expect(commands.run('test.open')).toBe(false);
    expect(ran).toEqual(['right pane', 'left pane']);
    expect(commands.list().some((c) => c.id === 'test.open')).toBe(false);
  });

  it('does not run a disabled command, and says so', () => {
    let ran = false;
    const off = commands.register([{ id: 'test.disabled', title: 'Disabled', group: 'Test', enabled: () => false, run: () => void (ran = true) }]);
    expect(commands.run('test.disabled')).toBe(false);
    expect(ran).toBe(false);
    off();
  });

  it('takes a command’s shortcut from the keymap unless it brings its own', () => {
    const off = commands.register([
      { id: 'palette.open', title: 'Palette', group: 'Test', run: () => undefined },
      { id: 'test.own', title: 'Own', group: 'Test', shortcuts: ['Mod+J'], run: () => undefined },
    ]);
    expect(commands.get('palette.open')?.shortcuts).toEqual(KEYMAP['palette.open']);
    expect(commands.get('test.own')?.shortcuts).toEqual(['Mod+J']);
    off();
  });

  it('keeps the failure of a command for the window to show, until dismissed', async () => {
    const off = commands.register([
      { id: 'test.fails', title: 'Export notes', group: 'Test', run: () => Promise.reject(new Error('io: the disk is full')) },
    ]);
    commands.run('test.fails');
    await flush();
    expect(commands.lastFailure()).toEqual({ title: 'Export notes', message: 'io: the disk is full' });
    commands.dismissFailure();
    expect(commands.lastFailure()).toBeNull();
    off();
  });
});

describe('the order commands are listed in', () => {
  it('is File, Edit, View, Go, Help, then other groups, and the keymap’s order within a group', () => {
    const make = (id: string, group: string) => ({ id, title: id, group, run: () => undefined, shortcuts: [] });
    const sorted = sortCommands([
      make('annotations.note', 'Annotations'),
      make('go.tags', 'Go'),
      make('help.about', 'Help'),
      make('go.library', 'Go'),
      make('file.import', 'File'),
      make('go.somewhere-new', 'Go'),
    ]);
    expect(sorted.map((c) => c.id)).toEqual(['file.import', 'go.library', 'go.tags', 'go.somewhere-new', 'help.about', 'annotations.note']);
  });
});
