@echo off
rem Double-click to start the content editor on Windows (runs `npm run edit`).
chcp 65001 >nul
cd /d "%~dp0"
echo 正在启动内容编辑器，请稍候……
echo 编辑器的地址是 http://127.0.0.1:4400/ ，只有这台电脑能打开。
echo 用完后关闭这个窗口（或按 Ctrl+C），编辑器就会停止。
call npm run edit
pause
