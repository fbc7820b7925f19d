// `npm run new`: creates a new content file with every field filled or marked.
//   npm run new                      (asks for the kind and the title)
//   npm run new -- 问答 "举报后多久有回音？"
//   npm run new -- 案例 "标题" --slug my-case-name
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { MDX_COLLECTIONS, SLUG_RE } from '../src/lib/content/collections.ts';
import { entryPath } from '../src/lib/routes.ts';
import { codesIn, newShortCode } from '../src/lib/content/short-codes.ts';
import { KIND_NAMES, template } from '../src/lib/content/templates.ts';

const args = process.argv.slice(2);
const slugFlag = args.indexOf('--slug');
const slugArg = slugFlag >= 0 ? args.splice(slugFlag, 2)[1] : undefined;
let [kindArg, titleArg] = args;

const ask = async (question: string): Promise<string> => {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
};

const kinds = '问答、案例、动态、宣传资料';
kindArg ??= await ask(`要新建哪一类内容？（${kinds}）：`);
const kind = KIND_NAMES[kindArg ?? ''];
if (!kind) {
  console.error(`不认识的类别“${kindArg}”。请写：${kinds}`);
  process.exit(1);
}
titleArg ??= await ask(kind === 'qa' ? '问题（以问号结尾）：' : '标题：');
const title = (titleArg ?? '').trim();
if (!title) {
  console.error('标题不能为空。');
  process.exit(1);
}

const collection = MDX_COLLECTIONS.find((c) => c.name === kind)!;
const taken = codesIn(
  MDX_COLLECTIONS.flatMap((c) => {
    const dir = join('content', c.dir);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => readFileSync(join(dir, f), 'utf8'))
      : [];
  }),
);
const code = newShortCode(taken);
const slug = slugArg ?? code;
if (!SLUG_RE.test(slug)) {
  console.error(`文件名“${slug}”不行：只能用小写英文字母、数字和连字符“-”。`);
  process.exit(1);
}
const dir = join('content', collection.dir);
const file = join(dir, `${slug}.mdx`);
if (existsSync(file)) {
  console.error(`${file} 已经存在，请换一个文件名（--slug 新名字）。`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
const today = new Date().toISOString().slice(0, 10);
writeFileSync(file, template(kind, title, code, today));
console.log(
  `已新建 ${file}（${collection.label}，短码 ${code}，网址 ${entryPath(collection.name, slug)}）。`,
);
console.log(
  '下一步：打开文件，把所有“【请填写】”换成内容；运行 npm run check:content 检查；写完后删去 draft: true。',
);
