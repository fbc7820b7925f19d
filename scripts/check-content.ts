// `npm run check:content`: checks all content in seconds, without a build, and lists
// every problem at once. Exits 1 when there is any problem.
import { formatProblem } from '../src/lib/errors/error-map.ts';
import { checkContentFiles } from '../src/lib/content/check-files.ts';

const started = performance.now();
const production = process.argv.includes('--production');
const { problems, warnings, entries } = checkContentFiles(process.cwd(), { production });
const ms = Math.round(performance.now() - started);

for (const w of warnings) console.warn(`提醒：${formatProblem(w)}`);
if (problems.length > 0) {
  console.error(`\n发现 ${problems.length} 个问题，请逐条修改：\n`);
  for (const p of problems) console.error(`  ✗ ${formatProblem(p)}`);
  console.error(`\n（检查用时 ${ms} 毫秒）`);
  process.exit(1);
}
const drafts = entries.filter((e) => e.draft).length;
console.log(
  `内容检查通过：${entries.length} 个文件${drafts ? `（其中草稿 ${drafts} 个）` : ''}，没有发现问题。（用时 ${ms} 毫秒）`,
);
