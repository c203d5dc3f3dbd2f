import { defineCallScreen } from './screen';

defineCallScreen({ video: false });
