import { defineCallScreen } from './screen';
import { videoCalls } from './video';

defineCallScreen({ behaviors: [videoCalls] });
