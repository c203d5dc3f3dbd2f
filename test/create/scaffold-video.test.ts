/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { scaffoldJourney } from './scaffold-journey';

describe('the video template on the open core, from npm exec to a call', () => scaffoldJourney({ template: 'video', channelId: 'video-support' }));
