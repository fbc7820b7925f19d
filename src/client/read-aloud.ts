/**
 * The 朗读 player, loaded when the reader first presses 朗读. Reads the page's main text
 * (elements matching the box's data-target, [data-speak] by default) one sentence at a
 * time with the browser's own speech synthesis in zh-CN: nothing is sent anywhere by
 * this site. The sentence being read is highlighted with the CSS Custom Highlight API
 * where the browser has it (no change to the page's DOM), else its paragraph is marked.
 */
import { splitSentences, type Sentence, type TextChunk } from '../lib/speech/sentences.ts';

type State = 'idle' | 'playing' | 'paused';

interface Player {
  box: HTMLElement;
  nodes: Text[];
  blocks: Element[];
  sentences: Sentence[];
  /** The Chinese voice to use (chosen by src/lib/speech/voices.ts in the page's first script). */
  voice: () => SpeechSynthesisVoice | undefined;
  /** Bumped on every start and stop, so callbacks of cancelled utterances do nothing. */
  run: number;
  marked?: Element | undefined;
}

const BLOCKS = 'p,li,h1,h2,h3,h4,dt,dd,blockquote,figcaption,td,th,div,section,article';
const SKIP = '[hidden],[aria-hidden="true"],.visually-hidden,script,style,[data-read-aloud]';
const HIGHLIGHT = 'read-aloud';
let player: Player | undefined;

function collect(box: HTMLElement): Pick<Player, 'nodes' | 'blocks' | 'sentences'> {
  const nodes: Text[] = [];
  const blocks: Element[] = [];
  const chunks: TextChunk[] = [];
  for (const root of document.querySelectorAll(box.dataset.target || '[data-speak]')) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const block = n.parentElement!.closest(BLOCKS) ?? root;
      let id = blocks.indexOf(block);
      if (id < 0) id = blocks.push(block) - 1;
      nodes.push(n as Text);
      chunks.push({ text: n.nodeValue ?? '', block: id });
    }
  }
  return { nodes, blocks, sentences: splitSentences(chunks) };
}

function setState(p: Player, state: State): void {
  const hadFocus = p.box.contains(document.activeElement);
  for (const b of p.box.querySelectorAll<HTMLButtonElement>('[data-ra]')) {
    const a = b.dataset.ra;
    b.hidden = !(state === 'idle'
      ? a === 'play'
      : state === 'playing'
        ? a === 'pause' || a === 'stop'
        : a === 'resume' || a === 'stop');
  }
  p.box.dataset.state = state;
  // Keep keyboard focus on the control that replaced the one just pressed.
  const focus = p.box.querySelector<HTMLButtonElement>(
    `[data-ra="${state === 'idle' ? 'play' : state === 'playing' ? 'pause' : 'resume'}"]`,
  );
  if (hadFocus) focus?.focus();
}

function mark(p: Player, s: Sentence | undefined): void {
  const registry = typeof Highlight === 'function' ? CSS.highlights : undefined;
  p.marked?.classList.remove('speaking');
  p.marked = undefined;
  if (!s) {
    registry?.delete(HIGHLIGHT);
    return;
  }
  const ranges = s.parts.map((part) => {
    const r = new Range();
    r.setStart(p.nodes[part.chunk]!, part.start);
    r.setEnd(p.nodes[part.chunk]!, part.end);
    return r;
  });
  if (registry) registry.set(HIGHLIGHT, new Highlight(...ranges));
  else {
    p.marked = p.nodes[s.parts[0]!.chunk]!.parentElement?.closest(BLOCKS) ?? undefined;
    p.marked?.classList.add('speaking');
  }
  const rect = ranges[0]!.getBoundingClientRect();
  if (rect.top < 0 || rect.bottom > innerHeight) {
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    p.nodes[s.parts[0]!.chunk]!.parentElement?.scrollIntoView({
      block: 'center',
      behavior: smooth ? 'smooth' : 'auto',
    });
  }
}

function stop(p: Player): void {
  p.run++;
  speechSynthesis.cancel();
  mark(p, undefined);
  setState(p, 'idle');
}

function start(p: Player): void {
  const run = ++p.run;
  const voice = p.voice();
  speechSynthesis.cancel();
  const say = (i: number) => {
    if (run !== p.run) return;
    const s = p.sentences[i];
    if (!s) return stop(p);
    const u = new SpeechSynthesisUtterance(s.text);
    u.lang = 'zh-CN';
    if (voice) u.voice = voice;
    u.onend = () => say(i + 1);
    u.onerror = () => run === p.run && stop(p);
    mark(p, s);
    speechSynthesis.speak(u);
  };
  setState(p, 'playing');
  say(0);
}

export function control(
  box: HTMLElement,
  action: string,
  voice: () => SpeechSynthesisVoice | undefined,
): void {
  if (!player || player.box !== box) {
    player = { box, voice, run: 0, ...collect(box) };
    const p = player;
    addEventListener('pagehide', () => stop(p));
  }
  const p = player;
  if (action === 'play') start(p);
  else if (action === 'pause') {
    speechSynthesis.pause();
    setState(p, 'paused');
  } else if (action === 'resume') {
    speechSynthesis.resume();
    setState(p, 'playing');
  } else stop(p);
}
