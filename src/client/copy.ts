/**
 * 复制链接: copies the button's data-copy text (a title line and the page address) and
 * says so in the nearest status line. Loaded on the first press.
 */
export async function copyFrom(button: HTMLElement): Promise<void> {
  const text = button.dataset.copy ?? location.href;
  const status = button.closest('[data-tools]')?.querySelector<HTMLElement>('[role="status"]');
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = '已复制。可以粘贴到微信、短信里发给亲友。';
  } catch {
    // No clipboard access (old browser, or permission refused): show the text to copy by hand.
    if (status) status.textContent = `没能自动复制，请长按选择下面的文字复制：${text}`;
  }
}
