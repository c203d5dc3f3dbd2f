import { defineCallScreen } from './screen';

defineCallScreen();
