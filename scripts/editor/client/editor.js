// The editor's own widgets for Decap CMS (window.CMS, window.h, window.createClass come
// from node_modules/decap-cms/dist/decap-cms.js). Plain browser JavaScript, no build step.
//  - content-check: the result of the content check for this item, and the preview link;
//  - mdx-body: the body as plain text (kept byte for byte), with buttons that insert
//    <Cite>, <Scenario>, <Organization />, <Region /> and images (alt text required) through forms;
//  - citation: picks a citation for 宣传资料 (quotes, basis);
//  - short-code: a fresh short code for a new item.
(async function () {
  'use strict';
  const h = window.h;
  const createClass = window.createClass;
  const [config, laws] = await Promise.all([
    fetch('/editor/config.json').then((r) => r.json()),
    fetch('/editor/law.json').then((r) => r.json()),
  ]);
  const box = {
    border: '1px solid #dfdfe3',
    borderRadius: '5px',
    padding: '12px 16px',
    background: '#fff',
    fontSize: '15px',
    lineHeight: '1.6',
  };
  const button = {
    border: '1px solid #3a69c7',
    background: '#fff',
    color: '#3a69c7',
    borderRadius: '4px',
    padding: '6px 12px',
    marginRight: '8px',
    marginBottom: '6px',
    cursor: 'pointer',
    fontSize: '14px',
  };
  const primary = Object.assign({}, button, { background: '#3a69c7', color: '#fff' });
  const pathOf = (entry) => (entry && entry.get ? entry.get('path') || '' : '');

  // ---- content-check -------------------------------------------------------
  const listeners = new Set();
  CMS.registerEventListener({
    name: 'postSave',
    handler: ({ entry }) => {
      listeners.forEach((f) => f(pathOf(entry)));
    },
  });

  // Every finished check gets the next number (data-check-seq), so whoever reads the box,
  // a person or a test, can tell a fresh result from the one shown before the last save.
  let finishedChecks = 0;
  const CheckControl = createClass({
    getInitialState() {
      return { report: null, loading: false, failed: '', seq: 0 };
    },
    componentDidMount() {
      this.onSaved = (path) => this.load(path);
      listeners.add(this.onSaved);
      this.load(pathOf(this.props.entry));
    },
    componentWillUnmount() {
      listeners.delete(this.onSaved);
      this.asked = -1;
    },
    load(path) {
      if (!path) return this.setState({ report: null });
      // Only the last request counts: an earlier check answering late must not
      // overwrite the result of a later save.
      const asked = (this.asked = (this.asked || 0) + 1);
      this.setState({ loading: true, failed: '' });
      fetch('/editor/check?path=' + encodeURIComponent(path))
        .then((r) => {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        })
        .then(
          (report) => {
            if (asked === this.asked)
              this.setState({ report, loading: false, seq: ++finishedChecks });
          },
          (e) => {
            if (asked === this.asked)
              this.setState({
                loading: false,
                failed: String(e.message || e),
                seq: ++finishedChecks,
              });
          },
        );
    },
    render() {
      const r = this.state.report;
      if (this.state.loading)
        return h(
          'div',
          { style: box, 'data-check': 'checking', role: 'status' },
          '正在检查刚保存的内容……',
        );
      if (this.state.failed)
        return h(
          'div',
          { style: box, 'data-check': 'failed', 'data-check-seq': this.state.seq, role: 'status' },
          h(
            'p',
            { style: { color: '#b00020', fontWeight: 'bold', margin: 0 } },
            '✗ 内容检查没有完成（' +
              this.state.failed +
              '）。文件已经保存。请确认编辑器窗口还开着，然后再保存一次。',
          ),
        );
      if (!r)
        return h(
          'div',
          { style: box, 'data-check': 'none' },
          '保存以后，这里会显示内容检查的结果和预览链接。新内容先是草稿，不会发布。',
        );
      const head = r.ok
        ? h(
            'p',
            { style: { color: '#1b6e2a', fontWeight: 'bold', margin: 0 } },
            '✓ 内容检查通过' +
              (r.draft ? '（现在是草稿，不会发布）' : '（已发布：正式构建时会上线）'),
          )
        : h(
            'p',
            { style: { color: '#b00020', fontWeight: 'bold', margin: 0 } },
            '✗ 发现 ' +
              r.problems.length +
              ' 个问题，请逐条修改' +
              (r.keptDraft
                ? '。这篇内容没有通过检查，已保持为草稿，不能发布'
                : r.draft
                  ? '（草稿）'
                  : ''),
          );
      return h(
        'div',
        {
          style: box,
          'data-check': r.ok ? 'ok' : 'problems',
          'data-check-seq': this.state.seq,
          role: 'status',
        },
        head,
        r.ok
          ? null
          : h(
              'ul',
              { style: { margin: '8px 0 0 1.2em', padding: 0, color: '#b00020' } },
              r.problems.map((p, i) => h('li', { key: i }, p)),
            ),
        r.others
          ? h(
              'p',
              { style: { margin: '8px 0 0', color: '#8a5a00' } },
              '另外，其他文件还有 ' +
                r.others +
                ' 个问题（运行 npm run check:content 可以看到全部）。',
            )
          : null,
        r.preview
          ? h(
              'p',
              { style: { margin: '8px 0 0' } },
              h(
                'a',
                {
                  href: r.preview,
                  target: '_blank',
                  rel: 'noopener',
                  'data-preview': '1',
                  style: { fontWeight: 'bold' },
                },
                '预览这一页（和网站上一样，草稿也能看）',
              ),
            )
          : null,
        h(
          'p',
          { style: { margin: '4px 0 0', color: '#666', fontSize: '13px' } },
          '检查用时 ' + r.ms + ' 毫秒',
        ),
      );
    },
  });
  CMS.registerWidget('content-check', CheckControl, () => null);

  // ---- citation picker -------------------------------------------------------
  const lawTitle = (law) => (laws.find((g) => g.law === law) || laws[0]).title;
  const CitePicker = createClass({
    getInitialState() {
      return { law: '', article: '', key: '' };
    },
    render() {
      const group = laws.find((g) => g.law === this.state.law) || laws[0];
      const articles = group.options.filter((o) => !o.paragraph && !o.item);
      const parts = group.options.filter((o) => String(o.article) === this.state.article);
      const chosen = parts.find((o) => o.mdx === this.state.key) || parts[0];
      const select = (label, value, onChange, options, testid) =>
        h(
          'label',
          { style: { display: 'block', marginBottom: '8px' } },
          h('span', { style: { display: 'inline-block', minWidth: '5em' } }, label),
          h(
            'select',
            {
              value,
              onChange: (e) => onChange(e.target.value),
              'data-testid': testid,
              style: { fontSize: '15px', padding: '4px', maxWidth: '100%' },
            },
            options,
          ),
        );
      return h(
        'div',
        {
          style: Object.assign({}, box, { background: '#f7f8fa', marginBottom: '8px' }),
          'data-testid': 'cite-form',
        },
        select(
          '法律',
          this.state.law,
          (law) => this.setState({ law, article: '', key: '' }),
          laws.map((g) => h('option', { key: g.law, value: g.law }, g.title)),
          'cite-law',
        ),
        select(
          '条',
          this.state.article,
          (article) => this.setState({ article, key: '' }),
          [h('option', { key: '', value: '' }, '请选择第几条')].concat(
            articles.map((o) => h('option', { key: o.article, value: String(o.article) }, o.label)),
          ),
          'cite-article',
        ),
        parts.length > 1
          ? select(
              '款、项',
              chosen ? chosen.mdx : '',
              (key) => this.setState({ key }),
              parts.map((o) =>
                h('option', { key: o.mdx, value: o.mdx }, o.paragraph || o.item ? o.label : '整条'),
              ),
              'cite-part',
            )
          : null,
        chosen
          ? h(
              'div',
              null,
              h(
                'p',
                { style: { margin: '8px 0 4px', fontWeight: 'bold' } },
                '将引用的原文：《' + lawTitle(chosen.law) + '》' + chosen.label,
              ),
              h(
                'blockquote',
                {
                  'data-testid': 'cite-preview',
                  style: {
                    margin: '0 0 8px',
                    padding: '8px 12px',
                    borderLeft: '4px solid #3a69c7',
                    background: '#fff',
                    whiteSpace: 'pre-wrap',
                  },
                },
                chosen.text,
              ),
              h(
                'button',
                { type: 'button', style: primary, onClick: () => this.props.onPick(chosen) },
                this.props.action || '插入这条引用',
              ),
              h('button', { type: 'button', style: button, onClick: this.props.onCancel }, '取消'),
            )
          : null,
      );
    },
  });

  // ---- image: stored in public/images/ through the editor's own write API; alt text required ----
  const ImageForm = createClass({
    getInitialState() {
      return { file: null, alt: '', error: '' };
    },
    upload() {
      const f = this.state.file;
      const ext = (/\.(jpe?g|png|webp|gif)$/i.exec(f.name) || ['', 'jpg'])[1].toLowerCase();
      const base = f.name
        .replace(/\.[^.]*$/, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      const name =
        (base || 'image-' + new Date().toISOString().replace(/\D/g, '').slice(0, 14)) + '.' + ext;
      const reader = new FileReader();
      reader.onload = () => {
        const content = String(reader.result).replace(/^data:[^,]*,/, '');
        fetch('/api/v1', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            action: 'persistMedia',
            params: { asset: { path: 'public/images/' + name, content, encoding: 'base64' } },
          }),
        }).then((r) =>
          r.ok
            ? this.props.onDone(
                '![' + this.state.alt.trim().replace(/[[\]]/g, '') + '](/images/' + name + ')',
              )
            : r.text().then((t) => this.setState({ error: t })),
        );
      };
      reader.readAsDataURL(f);
    },
    render() {
      return h(
        'div',
        { style: Object.assign({}, box, { background: '#f7f8fa', marginBottom: '8px' }) },
        h(
          'label',
          { style: { display: 'block', marginBottom: '8px' } },
          '图片文件（JPG、PNG、WebP）：',
          h('input', {
            type: 'file',
            accept: 'image/jpeg,image/png,image/webp,image/gif',
            onChange: (e) => this.setState({ file: e.target.files[0] || null }),
          }),
        ),
        h(
          'label',
          { style: { display: 'block', marginBottom: '8px' } },
          '图片说明（必须写，方便视力不好的读者）：',
          h('input', {
            type: 'text',
            value: this.state.alt,
            onChange: (e) => this.setState({ alt: e.target.value }),
            style: { display: 'block', width: '100%', fontSize: '15px' },
          }),
        ),
        this.state.error ? h('p', { style: { color: '#b00020' } }, this.state.error) : null,
        h(
          'button',
          {
            type: 'button',
            style: primary,
            disabled: !this.state.file || !this.state.alt.trim(),
            onClick: () => this.upload(),
          },
          '保存图片并插入',
        ),
        h('button', { type: 'button', style: button, onClick: this.props.onCancel }, '取消'),
      );
    },
  });

  // ---- mdx-body ----------------------------------------------------------------
  const BodyControl = createClass({
    getInitialState() {
      return { panel: null, scenario: '' };
    },
    insert(text, block) {
      const v = this.props.value || '';
      const ta = this.ta;
      const s = ta ? ta.selectionStart : v.length;
      const e = ta ? ta.selectionEnd : v.length;
      let before = v.slice(0, s);
      let after = v.slice(e);
      if (block) {
        before = before.replace(/\n*$/, before.trim() ? '\n\n' : '');
        after = after.replace(/^\n*/, '\n\n');
      }
      this.props.onChange(before + text + after);
      this.setState({ panel: null, scenario: '' });
    },
    render() {
      const p = this.state.panel;
      return h(
        'div',
        { className: this.props.classNameWrapper, style: { padding: '12px' } },
        h(
          'div',
          { role: 'toolbar', 'aria-label': '插入' },
          h(
            'button',
            { type: 'button', style: button, onClick: () => this.setState({ panel: 'cite' }) },
            '插入法条引用',
          ),
          h(
            'button',
            { type: 'button', style: button, onClick: () => this.setState({ panel: 'scenario' }) },
            '插入情景示例',
          ),
          h(
            'button',
            {
              type: 'button',
              style: button,
              onClick: () => this.insert('<Organization />', false),
            },
            '插入主办单位',
          ),
          h(
            'button',
            { type: 'button', style: button, onClick: () => this.insert('<Region />', false) },
            '插入地区',
          ),
          h(
            'button',
            { type: 'button', style: button, onClick: () => this.setState({ panel: 'image' }) },
            '插入图片',
          ),
        ),
        p === 'image'
          ? h(ImageForm, {
              onDone: (md) => this.insert(md, true),
              onCancel: () => this.setState({ panel: null }),
            })
          : null,
        p === 'cite'
          ? h(CitePicker, {
              onPick: (o) => this.insert(o.mdx, true),
              onCancel: () => this.setState({ panel: null }),
            })
          : null,
        p === 'scenario'
          ? h(
              'div',
              { style: Object.assign({}, box, { background: '#f7f8fa', marginBottom: '8px' }) },
              h(
                'label',
                null,
                '情景示例的内容（编写的例子，网站会标明“情景示例”，不是真实案例）',
                h('textarea', {
                  value: this.state.scenario,
                  onChange: (e) => this.setState({ scenario: e.target.value }),
                  rows: 4,
                  'data-testid': 'scenario-text',
                  style: { display: 'block', width: '100%', fontSize: '15px', marginTop: '4px' },
                }),
              ),
              h(
                'button',
                {
                  type: 'button',
                  style: primary,
                  disabled: !this.state.scenario.trim(),
                  onClick: () =>
                    this.insert(
                      '<Scenario>\n' + this.state.scenario.trim() + '\n</Scenario>',
                      true,
                    ),
                },
                '插入情景示例',
              ),
              h(
                'button',
                { type: 'button', style: button, onClick: () => this.setState({ panel: null }) },
                '取消',
              ),
            )
          : null,
        h('textarea', {
          id: this.props.forID,
          ref: (el) => {
            this.ta = el;
          },
          value: this.props.value || '',
          rows: 18,
          'aria-label': '正文',
          onChange: (e) => this.props.onChange(e.target.value),
          style: {
            width: '100%',
            fontSize: '16px',
            lineHeight: '1.7',
            padding: '8px',
            border: '1px solid #dfdfe3',
            borderRadius: '4px',
            fontFamily: 'inherit',
          },
        }),
        h(
          'p',
          { style: { color: '#666', fontSize: '13px', margin: '4px 0 0' } },
          '段落之间空一行。加粗：**文字**。链接：[文字](/report/)。图片：![图片说明](/images/文件名.jpg)，说明必须写。',
        ),
      );
    },
  });
  CMS.registerWidget('mdx-body', BodyControl, () => null);

  // ---- citation (宣传资料: quotes and basis) -------------------------------------
  const citeLabel = (v) => {
    if (v === undefined || v === null || v === '') return '（未选择）';
    const o = typeof v === 'number' ? { article: v } : v;
    const group = laws.find((g) => g.law === (o.law || '')) || laws[0];
    const hit = group.options.find(
      (x) =>
        x.article === o.article &&
        (x.paragraph || undefined) === (o.paragraph || undefined) &&
        (x.item || undefined) === (o.item || undefined),
    );
    return hit
      ? (o.law ? '《' + o.law + '》' : '') + hit.label
      : '不存在的条文：' + JSON.stringify(v);
  };
  const CitationControl = createClass({
    getInitialState() {
      return { open: false };
    },
    render() {
      const v =
        this.props.value && this.props.value.toJS ? this.props.value.toJS() : this.props.value;
      return h(
        'div',
        { className: this.props.classNameWrapper, style: { padding: '8px 12px' } },
        h('span', { style: { marginRight: '12px' } }, citeLabel(v)),
        this.state.open
          ? h(CitePicker, {
              action: '选这一条',
              onCancel: () => this.setState({ open: false }),
              onPick: (o) => {
                const c = {};
                if (o.law) c.law = o.law;
                c.article = o.article;
                if (o.paragraph) c.paragraph = o.paragraph;
                if (o.item) c.item = o.item;
                this.props.onChange(Object.keys(c).length === 1 ? o.article : c);
                this.setState({ open: false });
              },
            })
          : h(
              'button',
              { type: 'button', style: button, onClick: () => this.setState({ open: true }) },
              '选择条文',
            ),
      );
    },
  });
  CMS.registerWidget('citation', CitationControl, () => null);

  // ---- short-code ------------------------------------------------------------------
  const CodeControl = createClass({
    componentDidMount() {
      if (!this.props.value)
        fetch('/editor/new-code')
          .then((r) => r.json())
          .then((r) => this.props.onChange(r.code));
    },
    render() {
      return h(
        'div',
        { className: this.props.classNameWrapper, style: { padding: '12px', fontSize: '16px' } },
        h('code', { 'data-testid': 'short-code' }, this.props.value || '……'),
      );
    },
  });
  CMS.registerWidget('short-code', CodeControl, () => null);

  // Decap's own Chinese interface, with its "发布" (which only writes the file) renamed
  // 保存: on this site an item is published by switching off 草稿 and passing the check.
  const zh = (await import('/editor/locale/zh_Hans.js')).default;
  Object.assign(zh.editor.editor, {
    onPublishing: '确定保存吗？',
    onPublishingWithUnsavedChanges: '你有尚未保存的修改，请先保存',
  });
  Object.assign(zh.editor.editorToolbar, {
    publishing: '正在保存...',
    publish: '保存',
    published: '已保存',
    publishNow: '保存',
    publishAndCreateNew: '保存，然后新建',
    publishAndDuplicate: '保存，然后复制',
    deployButtonLabel: '预览网站',
  });
  Object.assign(zh.ui.toast, {
    entryPublished: '已保存。检查结果在表单最上面',
    onFailToPublishEntry: '保存失败：%{details}',
  });
  CMS.registerLocale('zh_Hans', zh);

  CMS.init({ config });
})();
