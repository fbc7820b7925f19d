// 大字模式 and 高对比 before first paint; see src/lib/display-prefs.ts.
(function (c) {
  c.add('js');
  try {
    var s = localStorage, k = s.getItem('aocl:contrast');
    if (s.getItem('aocl:large') === '1') c.add('large');
    if (k) c.add(k === '1' ? 'contrast' : 'nocontrast');
  } catch (e) {}
})(document.documentElement.classList);
