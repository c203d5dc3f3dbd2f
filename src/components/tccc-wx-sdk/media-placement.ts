import type { MediaView } from '../../services/platform/trtc-media';

export type MediaRole = 'pusher' | 'player';

/** A `tccc-wx-sdk/pusher` or `tccc-wx-sdk/player` child, as the root sees it. */
export interface MediaChild {
  mediaRole(): MediaRole;
  renderMedia(view: MediaView, rendered?: () => void): void;
}

/** The media of the call in progress, told when the <live-pusher> has to move. */
export interface MovableMedia {
  moved(): void;
}

/**
 * Where the media elements are rendered: the pusher in a pusher child when there is one, else in the
 * root's own hidden element; the players likewise. Keeps the last view, so a child shown or hidden during
 * a call gets the media where it now lives and the pusher restarts there.
 */
export class MediaPlacement {
  private readonly children = new Set<MediaChild>();
  private lastView: MediaView = { pusher: null, players: [] };
  /** The TRTC media of the current call (the root sets it; it ignores `moved` once the call is over). */
  media: MovableMedia | null = null;

  /** `renderRoot` renders into the root's own elements (its `setData`), calling `done` once rendered. */
  constructor(private readonly renderRoot: (view: Partial<MediaView>, done: () => void) => void) {}

  child(role: MediaRole): MediaChild | undefined {
    return Array.from(this.children).find((candidate) => candidate.mediaRole() === role);
  }

  link(child: MediaChild): void {
    this.children.add(child);
  }

  unlink(child: MediaChild): void {
    this.children.delete(child);
  }

  /** Renders `view` where each part lives now; `rendered` runs once every element has it. */
  render(view: MediaView, rendered?: () => void): void {
    this.lastView = view;
    const pusherChild = this.child('pusher');
    const playerChild = this.child('player');
    let pending = 1;
    const done = () => {
      pending -= 1;
      if (pending === 0) rendered?.();
    };
    const rootView: Partial<MediaView> = {};
    if (pusherChild) {
      pending += 1;
      pusherChild.renderMedia({ pusher: view.pusher, players: [] }, done);
    } else rootView.pusher = view.pusher;
    if (playerChild) playerChild.renderMedia({ pusher: null, players: view.players });
    else rootView.players = view.players;
    this.renderRoot(rootView, done);
  }

  /** A child of `role` appeared or went: the media follows it. */
  relocate(role: MediaRole): void {
    if (role === 'pusher' && this.lastView.pusher && this.media) this.media.moved();
    else this.render(this.lastView);
  }
}
