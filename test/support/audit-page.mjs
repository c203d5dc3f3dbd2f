// Layout and contrast checks on a drawn page, in the page itself. Returns plain data; the tests decide.
//   texts:    every visible text node (and icon): its colour against the pixels drawn behind it, found by
//             drawing the page once more with all text and icons transparent. `ratio` is the worst point;
//             `lines`, how many lines of it show; `inSheet`, whether it is on the privacy consent's sheet.
//   targets:  every button (wx-button) and the picture-in-picture, with its box in CSS px.
//   hangup / start: their boxes, and whether a tap at their centre reaches them.
//   pip:      its box and the share of an 11 x 11 grid of points inside it that reach it.
//   overlaps: text boxes over the PiP, over another text, over a target they are not part of, over the avatar's ring.
//   scrollers: elements that scroll (content taller than their box); page: the document's scroll size.
//   edges:    every enabled button's edge against what is around it (WCAG 1.4.11): at the middle of each side,
//             the best contrast of the pixels up to 3 px inside (a ring or a fill) with the pixel 3 px outside;
//             `ratio` is the worst side.
//   layers:   points of a 9 x 9 grid over the window where a tap lands on something drawn invisible
//             (opacity near 0, or hidden): a layer that takes taps the caller cannot see.
//   shades:   the share of the window under the video header's and control strip's shades.
//   overlay:  the box and centre of the video panel's waiting/reconnecting sign, and any words in that overlay.
//   link:     the privacy consent's guide link, its box (its tap area).
const HIDE_TEXT = `*, *::before, *::after { color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important; }`;

const sessions = new WeakMap();

/** The window's pixels as a PNG, through the DevTools protocol: its fast encoder halves the audit's time. */
async function capture(page) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  const { width, height } = page.viewportSize();
  const scale = await page.evaluate(() => window.devicePixelRatio);
  const clip = { x: 0, y: 0, width, height, scale };
  const { data } = await sessions.get(page).send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true, clip });
  return data;
}

export async function auditPage(page) {
  const hide = await page.addStyleTag({ content: HIDE_TEXT });
  const png = await capture(page);
  await hide.evaluate((node) => node.remove());
  return page.evaluate(inPage, png);
}

async function inPage(b64) {
  const W = window.innerWidth;
  const H = window.innerHeight;
  const image = new Image();
  image.src = `data:image/png;base64,${b64}`;
  await image.decode();
  // Device pixels per CSS pixel, from the capture itself.
  const scale = image.width / W;
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;

  const pixel = (x, y) => {
    const px = Math.min(canvas.width - 1, Math.max(0, Math.round(x * scale)));
    const py = Math.min(canvas.height - 1, Math.max(0, Math.round(y * scale)));
    const i = (py * canvas.width + px) * 4;
    return [pixels[i], pixels[i + 1], pixels[i + 2]];
  };
  const linear = (c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  };
  const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const parse = (css) => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return null;
    const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { rgb: parts.slice(0, 3), alpha: parts.length > 3 ? parts[3] : 1 };
  };
  const opacityOf = (element) => {
    let opacity = 1;
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };
  const intersect = (a, b) => {
    const left = Math.max(a.left, b.left);
    const top = Math.max(a.top, b.top);
    const right = Math.min(a.right, b.right);
    const bottom = Math.min(a.bottom, b.bottom);
    return right > left && bottom > top ? { left, top, right, bottom } : null;
  };
  const plain = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  /** The part of `rect` not cut off by the viewport or an ancestor that clips. */
  const visiblePart = (element, rect) => {
    let visible = intersect(plain(rect), { left: 0, top: 0, right: W, bottom: H });
    for (let node = element; node && visible; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') visible = intersect(visible, plain(node.getBoundingClientRect()));
    }
    return visible;
  };
  const describe = (element) => `${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0]}`;
  const frame = document.getElementById('frame');
  const pip = frame.querySelector('wx-movable-view');
  const pipRect = pip ? plain(pip.getBoundingClientRect()) : null;

  /** The WCAG AA ratio a text needs: 3 for large text (24 px, or 18.66 px bold), else 4.5. */
  const needFor = (style) => {
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    return size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  };

  const measure = (element, rects, need, label) => {
    const style = getComputedStyle(element);
    const colour = parse(style.color);
    if (!colour) return null;
    const alpha = colour.alpha * opacityOf(element);
    let worst = Infinity;
    let worstBackground = null;
    const boxes = [];
    for (const rect of rects) {
      const visible = visiblePart(element, rect);
      if (!visible || visible.right - visible.left < 1 || visible.bottom - visible.top < 1) continue;
      boxes.push(visible);
      const steps = 6;
      for (let i = 0; i <= steps; i++) {
        for (let j = 0; j <= steps; j++) {
          const x = visible.left + 1 + ((visible.right - visible.left - 2) * i) / steps;
          const y = visible.top + 1 + ((visible.bottom - visible.top - 2) * j) / steps;
          const background = pixel(x, y);
          const drawn = colour.rgb.map((c, k) => alpha * c + (1 - alpha) * background[k]);
          const r = ratio(drawn, background);
          if (r < worst) {
            worst = r;
            worstBackground = background;
          }
        }
      }
    }
    if (boxes.length === 0) return null;
    const lines = new Set(boxes.map((box) => Math.round(box.top))).size;
    const inSheet = !!element.closest('[class*="privacy-consent__sheet"]');
    return { node: element, text: label, element: describe(element), ratio: Math.round(worst * 100) / 100, need, colour: style.color, fontSize: parseFloat(style.fontSize), background: worstBackground, boxes, lines, inSheet };
  };

  const disabled = (element) => !!element.closest('.van-button--van-button--disabled, [class*="van-button--disabled"]');
  const texts = [];
  const walker = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const content = node.textContent.trim();
    if (!content) continue;
    const element = node.parentElement;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || disabled(element)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const found = measure(element, Array.from(range.getClientRects()), needFor(style), content.slice(0, 40));
    if (found) texts.push(found);
  }
  // Icons: vant's icon font glyphs and the call bar's microphone; 3:1 against what is behind them.
  for (const icon of frame.querySelectorAll('[class*="van-icon--van-icon"], [class*="call-bar__mic"]')) {
    if (disabled(icon) || icon.closest('[class*="van-loading"]')) continue;
    const found = measure(icon, [icon.getBoundingClientRect()], 3, `icon ${String(icon.className).match(/van-icon-[\w-]+|call-bar__mic/)?.[0] ?? ''}`);
    if (found) texts.push({ ...found, icon: true });
  }

  const targets = [];
  for (const element of frame.querySelectorAll('wx-button, wx-movable-view')) {
    const visible = visiblePart(element, element.getBoundingClientRect());
    if (!visible) continue;
    const rect = plain(element.getBoundingClientRect());
    const owner = element.closest('[data-action],[data-key]');
    targets.push({ node: element, element: describe(element), action: owner ? owner.dataset.action ?? owner.dataset.key : null, rect, visible });
  }

  const reach = (selector) => {
    const element = frame.querySelector(selector);
    if (!element) return null;
    const rect = plain(element.getBoundingClientRect());
    const hit = document.elementFromPoint((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2);
    return { rect, reached: !!hit && (hit === element || element.contains(hit)) };
  };

  let pipReport = null;
  if (pip) {
    let reached = 0;
    let total = 0;
    const radius = parseFloat(getComputedStyle(pip).borderTopLeftRadius) || 0;
    /** Outside the rounded corners, a point is not in the PiP's shape. */
    const inShape = (x, y) => {
      const cx = Math.min(Math.max(x, pipRect.left + radius), pipRect.right - radius);
      const cy = Math.min(Math.max(y, pipRect.top + radius), pipRect.bottom - radius);
      return Math.hypot(x - cx, y - cy) <= radius - 1;
    };
    for (let i = 0; i <= 10; i++) {
      for (let j = 0; j <= 10; j++) {
        const x = pipRect.left + 2 + ((pipRect.right - pipRect.left - 4) * i) / 10;
        const y = pipRect.top + 2 + ((pipRect.bottom - pipRect.top - 4) * j) / 10;
        if (x < 0 || y < 0 || x >= W || y >= H || !inShape(x, y)) continue;
        total++;
        const hit = document.elementFromPoint(x, y);
        if (hit && (hit === pip || pip.contains(hit))) reached++;
      }
    }
    pipReport = { rect: pipRect, reached, total };
  }

  const overlaps = [];
  const area = (r) => (r ? (r.right - r.left) * (r.bottom - r.top) : 0);
  const textBoxes = texts.filter((t) => !t.icon).flatMap((t) => t.boxes.map((box) => ({ ...t, box })));
  // The talking ring: the avatar's ::before, reaching past the disc by its offset, breathing up to 4 % more.
  const disc = frame.querySelector('[class*="call-screen--talking"] [class*="call-screen__disc"]');
  const ring = disc ? (() => {
    const r = plain(disc.getBoundingClientRect());
    const spread = -parseFloat(getComputedStyle(disc, '::before').top || '0') * 1.04 + ((r.right - r.left) * 0.04) / 2;
    return { left: r.left - spread, top: r.top - spread, right: r.right + spread, bottom: r.bottom + spread };
  })() : null;
  for (const [index, a] of textBoxes.entries()) {
    const inPip = pip && pip.contains(a.node);
    if (pipRect && !inPip && area(intersect(a.box, pipRect)) > 1) overlaps.push({ text: a.text, with: 'the picture-in-picture', area: area(intersect(a.box, pipRect)) });
    if (ring && area(intersect(a.box, ring)) > 1) overlaps.push({ text: a.text, with: "the avatar's ring", area: area(intersect(a.box, ring)) });
    const control = a.node.closest('wx-button');
    for (const b of textBoxes.slice(index + 1)) {
      if (a.node === b.node) continue;
      // A key's digit and letters share the key: their font boxes may touch, their glyphs do not.
      if (control && control.contains(b.node)) continue;
      const shared = area(intersect(a.box, b.box));
      if (shared > 1) overlaps.push({ text: a.text, with: `text "${b.text}"`, area: shared });
    }
    for (const target of targets) {
      if (target.node === pip || target.node.contains(a.node)) continue;
      const shared = area(intersect(a.box, target.visible));
      if (shared > 1) overlaps.push({ text: a.text, with: `target ${target.action ?? target.element}`, area: shared });
    }
  }

  const edges = [];
  for (const target of targets) {
    const element = target.node;
    if (element.tagName !== 'WX-BUTTON' || disabled(element) || !target.visible) continue;
    const r = target.rect;
    const cx = (r.left + r.right) / 2;
    const cy = (r.top + r.bottom) / 2;
    const sides = [[cx, r.top, 0, 1], [cx, r.bottom, 0, -1], [r.left, cy, 1, 0], [r.right, cy, -1, 0]];
    let worst = Infinity;
    for (const [x, y, dx, dy] of sides) {
      if (x - 4 < 0 || y - 4 < 0 || x + 4 > W || y + 4 > H) continue;
      const outside = pixel(x - dx * 3, y - dy * 3);
      let best = 1;
      // From a pixel before the edge (layout rounds it either way) to 3 px inside, every device pixel.
      for (let d = -1; d <= 3; d += 0.5 / scale) best = Math.max(best, ratio(pixel(x + dx * d, y + dy * d), outside));
      worst = Math.min(worst, best);
    }
    if (worst !== Infinity) edges.push({ element: target.element, action: target.action, ratio: Math.round(worst * 100) / 100 });
  }

  const layers = [];
  for (let i = 0; i < 9; i++) {
    for (let j = 0; j < 9; j++) {
      const x = ((i + 0.5) * W) / 9;
      const y = ((j + 0.5) * H) / 9;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !frame.contains(hit)) continue;
      const hidden = getComputedStyle(hit).visibility === 'hidden' || opacityOf(hit) < 0.05;
      if (hidden) layers.push({ x: Math.round(x), y: Math.round(y), element: describe(hit) });
    }
  }

  const boxOf = (selector) => {
    const element = frame.querySelector(selector);
    return element ? plain(element.getBoundingClientRect()) : null;
  };
  const shaded = (selector) => {
    const element = frame.querySelector(selector);
    if (!element) return null;
    const style = getComputedStyle(element);
    const painted = style.backgroundImage !== 'none' || (parse(style.backgroundColor)?.alpha ?? 0) > 0;
    return painted ? intersect(plain(element.getBoundingClientRect()), { left: 0, top: 0, right: W, bottom: H }) : null;
  };
  const shadeBoxes = ['[class*="tccc-call-screen__header"]', '[class*="tccc-call-screen__footer"]'].map(shaded).filter(Boolean);
  const shades = shadeBoxes.reduce((sum, box) => sum + area(box), 0) - (shadeBoxes.length === 2 ? area(intersect(shadeBoxes[0], shadeBoxes[1])) : 0);
  const overlayElement = frame.querySelector('[class*="tccc-video-panel__overlay"]');
  const sign = frame.querySelector('[class*="tccc-video-panel__calling"], [class*="tccc-video-panel__spinner"]');
  const signBox = sign ? plain(sign.getBoundingClientRect()) : null;
  const overlay = overlayElement
    ? { centre: signBox ? { x: (signBox.left + signBox.right) / 2, y: (signBox.top + signBox.bottom) / 2 } : null, box: signBox, text: overlayElement.textContent.trim() }
    : null;

  const scrollers = [];
  for (const element of frame.querySelectorAll('*')) {
    const style = getComputedStyle(element);
    if (/(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1) scrollers.push(describe(element));
  }

  return {
    viewport: { width: W, height: H },
    page: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
    texts: texts.map(({ boxes, node, ...rest }) => ({ ...rest, box: boxes[0] })),
    targets: targets.map(({ node, ...rest }) => rest),
    hangup: reach('[class*="tccc-call-bar__hangup-button"]'),
    start: reach('[class*="tccc-call-screen__start-button"]'),
    pip: pipReport,
    overlaps,
    scrollers,
    edges,
    layers,
    shades: Math.round((shades / (W * H)) * 1000) / 1000,
    overlay,
    link: boxOf('[class*="tccc-privacy-consent__contract"]'),
    sheet: reach('[class*="tccc-privacy-consent__agree"] wx-button'),
  };
}
