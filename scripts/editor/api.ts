import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { checkContentFiles } from '../../src/lib/content/check-files.ts';
import { MDX_COLLECTIONS } from '../../src/lib/content/collections.ts';
import { splitFrontmatter } from '../../src/lib/content/mdx.ts';
import { formatProblem } from '../../src/lib/errors/error-map.ts';
import { entryPath } from '../../src/lib/routes.ts';
import { CHECK_FIELD, LIST_FILES, MDX_FIELDS, SITE_FIELDS } from './collections.ts';
import { listFolder, readEntry, safePath, sha, writeSafe } from './files.ts';
import { mergeList, mergeMap, newFront } from './merge.ts';

/**
 * The editor's local backend: the same small protocol as decap-server's local file
 * system mode (POST /api/v1 {action, params}), so the unmodified Decap CMS talks to it.
 * It differs in what a save does: fields are merged into the existing file (merge.ts),
 * list files are shown to Decap as { items: [...] }, and after every write the content
 * check runs (the same checkContentFiles as `npm run check:content`); an MDX file that
 * fails is kept a draft.
 */

export interface CheckReport {
  path: string;
  ok: boolean;
  problems: string[];
  /** Problems elsewhere in content/ (so the editor knows the site will not build). */
  others: number;
  draft: boolean;
  /** Set when the file asked to be published but failed the check. */
  keptDraft: boolean;
  ms: number;
  preview?: string;
}

const LIST_KEY = 'items';
const isList = (p: string) => (LIST_FILES as readonly string[]).includes(p);
const mdxCollection = (p: string) =>
  MDX_COLLECTIONS.find(
    (c) =>
      p.startsWith(`content/${c.dir}/`) &&
      p.endsWith('.mdx') &&
      !p.slice(`content/${c.dir}/`.length).includes('/'),
  );

/** What Decap sees of a file. */
function present(path: string, text: string | null): string | null {
  if (text === null || !isList(path)) return text;
  const list = parseYaml(text) ?? [];
  return stringify({ [LIST_KEY]: list }, { lineWidth: 0 });
}

const names = (fields: Array<{ name: string }>) =>
  fields.map((f) => f.name).filter((n) => n !== CHECK_FIELD.name);

/** The new text of `path` after Decap saved `raw`. */
export function mergeSave(path: string, oldText: string | null, raw: string): string {
  const coll = mdxCollection(path);
  if (coll) {
    const { yaml, body } = splitFrontmatter(raw);
    const data = (parseYaml(yaml ?? '') ?? {}) as Record<string, unknown>;
    delete data[CHECK_FIELD.name];
    const fields = [...names(MDX_FIELDS[coll.name]), 'code', 'draft'];
    const old = oldText === null ? undefined : splitFrontmatter(oldText);
    const oldYaml = old?.yaml ?? '';
    // Fields in the order of the form for a new file.
    const ordered = Object.fromEntries([
      ...fields.filter((f) => f in data).map((f) => [f, data[f]]),
      ...Object.entries(data).filter(([k]) => !fields.includes(k)),
    ]);
    // Published is the schema's default: no `draft` line, like hand-written files.
    if (ordered.draft === false) delete ordered.draft;
    let front = oldYaml ? mergeMap(`${oldYaml}\n`, ordered, fields) : newFront(ordered);
    if (!front.endsWith('\n')) front += '\n';
    const newBody = body.replace(/^\s*\n/, '').replace(/\s*$/, '\n');
    // The old body exactly as on disk (splitFrontmatter drops the blank line after ---).
    const oldBody =
      oldText === null ? undefined : oldText.replace(/^---\r?\n[\s\S]*?\r?\n---[^\n]*\n/, '');
    const keepBody = oldBody !== undefined && oldBody.trim() === body.trim();
    return `---\n${front}---\n${keepBody ? oldBody : `\n${newBody}`}`;
  }
  if (path === 'content/site.yaml') {
    const data = (parseYaml(raw) ?? {}) as Record<string, unknown>;
    delete data[CHECK_FIELD.name];
    return mergeMap(oldText ?? '', data, names(SITE_FIELDS));
  }
  if (isList(path)) {
    const data = (parseYaml(raw) ?? {}) as Record<string, unknown>;
    const list = Array.isArray(data[LIST_KEY]) ? (data[LIST_KEY] as unknown[]) : [];
    return mergeList(oldText ?? '', list);
  }
  return raw;
}

export class EditorBackend {
  readonly reports = new Map<string, CheckReport>();
  /** Short codes handed out in this session but maybe not saved yet. */
  readonly handedOut = new Set<string>();
  /** Called after every write (the server restarts the preview). */
  onWrite: () => void = () => {};

  readonly root: string;
  readonly previewOrigin: string;
  constructor(root: string, previewOrigin: string) {
    this.root = root;
    this.previewOrigin = previewOrigin;
  }

  check(path: string, keepDraft = false): CheckReport {
    const started = performance.now();
    let result = checkContentFiles(this.root);
    const mine = (r: typeof result) => r.problems.filter((p) => p.file === path);
    let problems = mine(result);
    const coll = mdxCollection(path);
    let keptDraft = false;
    let draft = false;
    if (coll) {
      const abs = safePath(this.root, path);
      const text = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
      const { yaml } = splitFrontmatter(text);
      let data: Record<string, unknown> = {};
      try {
        data = (parseYaml(yaml ?? '') ?? {}) as Record<string, unknown>;
      } catch {
        /* reported by the check */
      }
      draft = data.draft === true;
      if (problems.length > 0 && !draft && keepDraft) {
        writeSafe(
          this.root,
          path,
          `---\n${mergeMap(`${yaml ?? ''}\n`, { ...data, draft: true }, ['draft'])}---\n${splitFrontmatter(text).body}`,
        );
        draft = true;
        keptDraft = true;
        result = checkContentFiles(this.root);
        problems = mine(result);
      }
    }
    const slug = basename(path).replace(/\.mdx$/, '');
    const report: CheckReport = {
      path,
      ok: problems.length === 0,
      problems: problems.map(formatProblem),
      others: result.problems.length - problems.length,
      draft,
      keptDraft,
      ms: Math.round(performance.now() - started),
      preview: coll
        ? `${this.previewOrigin}${entryPath(coll.name, slug)}`
        : path === 'content/site.yaml'
          ? `${this.previewOrigin}/`
          : undefined,
    };
    this.reports.set(path, report);
    return report;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Decap's request parameters differ per action; each case below checks its own
  async handle(action: string, params: Record<string, any>): Promise<unknown> {
    const root = this.root;
    switch (action) {
      case 'info':
        return { repo: basename(root), publish_modes: ['simple'], type: 'local_fs' };
      case 'entriesByFolder':
        return listFolder(root, params.folder, params.extension ?? 'mdx').map((p) =>
          readEntry(root, p),
        );
      case 'entriesByFiles':
        return (params.files as Array<{ path: string; label?: string }>).map((f) => {
          const e = readEntry(root, f.path);
          return { ...e, data: present(f.path, e.data), file: { ...e.file, label: f.label } };
        });
      case 'getEntry': {
        const e = readEntry(root, params.path);
        return { ...e, data: present(params.path, e.data) };
      }
      case 'persistEntry': {
        const dataFiles = (params.dataFiles ?? [params.entry]) as Array<{
          path: string;
          raw: string;
          newPath?: string;
        }>;
        for (const a of (params.assets ?? []) as Array<{
          path: string;
          content: string;
          encoding: BufferEncoding;
        }>) {
          writeSafe(root, a.path, Buffer.from(a.content, a.encoding));
        }
        for (const f of dataFiles) {
          const target = f.newPath ?? f.path;
          if (f.newPath && f.newPath !== f.path)
            throw new Error('不能改文件名：网址印在海报上，发布后不要改');
          const abs = safePath(root, target);
          const old = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
          writeSafe(root, target, mergeSave(target, old, f.raw));
          this.check(target, true);
        }
        this.onWrite();
        return { message: 'entry persisted' };
      }
      case 'getMedia':
        return this.media(params.mediaFolder);
      case 'getMediaFile':
        return this.mediaFile(params.path);
      case 'persistMedia': {
        const a = params.asset as { path: string; content: string; encoding: BufferEncoding };
        writeSafe(root, a.path, Buffer.from(a.content, a.encoding));
        return this.mediaFile(a.path);
      }
      case 'deleteFile':
      case 'deleteFiles': {
        const paths = (params.paths ?? [params.path]) as string[];
        for (const p of paths) {
          if (!p.startsWith('public/images/'))
            throw new Error('编辑器只能删除图片；内容请改为草稿');
          unlinkSync(safePath(root, p));
        }
        return { message: 'deleted' };
      }
      case 'getDeployPreview':
        return null;
      default:
        throw new Error(`Unknown action ${action}`);
    }
  }

  private media(folder: string) {
    const abs = safePath(this.root, `${folder.replace(/\/$/, '')}/`);
    if (!existsSync(abs)) return [];
    return readdirSync(abs)
      .filter((f: string) => !f.startsWith('.'))
      .map((f: string) => this.mediaFile(`${folder.replace(/\/$/, '')}/${f}`));
  }

  private mediaFile(path: string) {
    const buf = readFileSync(safePath(this.root, path));
    return {
      id: sha(buf),
      content: buf.toString('base64'),
      encoding: 'base64',
      path,
      name: basename(path),
    };
  }
}
