import { defineCallScreen } from './screen';

defineCallScreen({ video: true });
