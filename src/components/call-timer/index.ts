import { defineComponent } from '../../common/component';
import { formatDuration } from '../../common/format';
import { localeBehavior } from '../../common/locale-behavior';

const timers = new WeakMap<object, ReturnType<typeof setTimeout>>();

function stop(instance: object): void {
  const timer = timers.get(instance);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(instance);
}

/**
 * The call's running time, in its own component so each tick re-renders only this text: one setData of
 * about 20 bytes per second, none while the page is hidden or the timer is stopped.
 */
defineComponent({
  // Only the words a screen reader says (see index.wxml); they follow the locale, the digits do not.
  behaviors: [localeBehavior('timer')],
  properties: {
    /** When the call was answered, in ms since the epoch (`Date.now()`); 0 stops the timer. */
    startTime: { type: Number, value: 0 },
  },
  data: {
    text: '00:00',
  },
  observers: {
    startTime() {
      this.restart();
    },
  },
  lifetimes: {
    attached() {
      this.restart();
    },
    detached() {
      stop(this);
    },
  },
  pageLifetimes: {
    show() {
      this.restart();
    },
    hide() {
      stop(this);
    },
  },
  methods: {
    restart() {
      stop(this);
      this.tick();
    },
    tick() {
      const { startTime } = this.data;
      const elapsedMs = startTime > 0 ? Math.max(0, Date.now() - startTime) : 0;
      const text = formatDuration(elapsedMs / 1000);
      if (text !== this.data.text) this.setData({ text });
      if (startTime <= 0) return;
      // Wake just after the next whole second, so the display never lags or skips a second.
      timers.set(this, setTimeout(() => this.tick(), 1000 - (elapsedMs % 1000) + 5));
    },
  },
});
