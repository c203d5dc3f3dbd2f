import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CHANNELS } from '../../dev-server/channels';
import { SIMULATOR_CHANNELS, TEMPLATES } from '../../create/options';

const TEMPLATES_DIR = path.resolve(__dirname, '../../templates');

/** The calls a template's call screen offers a button for (its `media`: audio, video or both). */
function offeredMedia(template: string): Array<'audio' | 'video'> {
  const { media } = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, template, 'template.json'), 'utf8')) as { media: string };
  return media === 'both' ? ['audio', 'video'] : [media as 'audio' | 'video'];
}

test.each([...TEMPLATES])('the %s template\'s default channel is a built-in, open channel of the simulator that takes every call its buttons start', (template) => {
  const channel = DEFAULT_CHANNELS.find((candidate) => candidate.id === SIMULATOR_CHANNELS[template]);
  expect(channel).toBeDefined();
  expect(channel!.open).toBe(true);
  for (const media of offeredMedia(template)) expect([media, 'both']).toContain(channel!.media);
});
