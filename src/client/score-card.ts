/**
 * The 自测 score as an image: drawn on a canvas (the reader's own fonts; nothing is
 * fetched), then shared with the system share sheet where the browser can share files,
 * or saved as a PNG download. The canvas stays on the page as a preview that can be
 * screenshotted. Loaded when the reader presses 生成成绩图片.
 */
import type { QuizScore } from '../lib/quiz/quiz.ts';

const FONT =
  'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

export function drawScoreCard(
  canvas: HTMLCanvasElement,
  score: Pick<QuizScore, 'correct' | 'total'>,
  url: string,
  site: string,
): void {
  const w = (canvas.width = 1080);
  const h = (canvas.height = 1080);
  const c = canvas.getContext('2d')!;
  c.fillStyle = '#9e1b1b';
  c.fillRect(0, 0, w, h);
  c.fillStyle = '#fff';
  c.fillRect(60, 60, w - 120, h - 120);
  c.fillStyle = '#9e1b1b';
  c.textAlign = 'center';
  c.font = `700 64px ${FONT}`;
  c.fillText('反有组织犯罪法', w / 2, 220);
  c.fillText('应知应会 自测', w / 2, 310);
  c.fillStyle = '#1b1b1b';
  c.font = `700 200px ${FONT}`;
  c.fillText(`${score.correct} / ${score.total}`, w / 2, 600);
  c.font = `48px ${FONT}`;
  c.fillText(`我答对了 ${score.correct} 道题（共 ${score.total} 道）`, w / 2, 720);
  c.fillStyle = '#4a4a4a';
  c.font = `36px ${FONT}`;
  c.fillText('你也来试试：', w / 2, 830);
  c.fillText(url.replace(/^https?:\/\//, ''), w / 2, 885, w - 200);
  if (site) c.fillText(site, w / 2, 960, w - 200);
}

export interface ShareScoreOptions {
  score: Pick<QuizScore, 'correct' | 'total'>;
  url: string;
  site: string;
  text: string;
  /** The preview canvas goes after this element. */
  after: Element;
  status: HTMLElement;
}

export async function shareScoreCard(o: ShareScoreOptions): Promise<void> {
  let canvas = o.after.parentElement?.querySelector<HTMLCanvasElement>('canvas.quiz-image');
  if (!canvas) {
    canvas = document.createElement('canvas');
    canvas.className = 'quiz-image';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute(
      'aria-label',
      `成绩图片：答对 ${o.score.correct} 道题，共 ${o.score.total} 道`,
    );
    o.after.after(canvas);
  }
  drawScoreCard(canvas, o.score, o.url, o.site);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) {
    o.status.textContent = '没能生成图片。可以截屏保存上面的成绩。';
    return;
  }
  const file = new File([blob], '应知应会自测成绩.png', { type: 'image/png' });
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file], text: o.text });
      o.status.textContent = '';
      return;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      // Sharing failed: fall back to saving the file.
    }
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  o.status.textContent = '成绩图片已保存（在手机的“下载”或“文件”里）。也可以截屏保存下面的图片。';
}
