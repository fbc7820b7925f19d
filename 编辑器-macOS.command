#!/bin/sh
# Double-click to start the content editor on macOS (runs `npm run edit`).
cd "$(dirname "$0")" || exit 1
echo "正在启动内容编辑器，请稍候……"
echo "编辑器的地址是 http://127.0.0.1:4400/ ，只有这台电脑能打开。"
echo "用完后关闭这个窗口（或按 Ctrl+C），编辑器就会停止。"
npm run edit
