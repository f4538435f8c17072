// Convert one file with citation-js, as the benchmark's peer: node citation_js_convert.js IN FROM OUT TO [STYLE LOCALE]
//
// FROM: ris, bibtex, enw, refworks, csl-json.  TO: the same, or text (a bibliography in the CSL
// style STYLE, a .csl file, with the CSL locale file LOCALE).  Node finds @citation-js/* through
// NODE_PATH ($VIRTUAL_ENV/node_modules, where benchmarks/setup.sh installs them).
'use strict'

const fs = require('fs')
const path = require('path')
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-csl')
require('@citation-js/plugin-enw')
require('@citation-js/plugin-refworks')

const INPUT_TYPES = {
  ris: '@ris/file',
  bibtex: '@bibtex/text',
  enw: '@enw/file',
  refworks: '@refworks/file',
  'csl-json': '@csl/list+object'
}
const OUTPUT_FORMATS = { ris: 'ris', bibtex: 'bibtex', enw: 'enw', refworks: 'refworks' }

function main ([input, from, output, to, style, locale]) {
  if (!INPUT_TYPES[from] || !(OUTPUT_FORMATS[to] || to === 'csl-json' || to === 'text')) {
    throw new Error(`usage: IN FROM OUT TO [STYLE LOCALE]; FROM one of ${Object.keys(INPUT_TYPES)}`)
  }
  let data = fs.readFileSync(input, 'utf8')
  if (from === 'csl-json') data = JSON.parse(data)
  const cite = new Cite(data, { forceType: INPUT_TYPES[from] })
  let text
  if (to === 'csl-json') {
    text = cite.format('data', { format: 'text' })
  } else if (to === 'text') {
    const config = plugins.config.get('@csl')
    const name = path.basename(style, '.csl')
    config.templates.add(name, fs.readFileSync(style, 'utf8'))
    const lang = path.basename(locale, '.xml').replace(/^locales-/, '')
    config.locales.add(lang, fs.readFileSync(locale, 'utf8'))
    text = cite.format('bibliography', { template: name, lang, format: 'text' })
  } else {
    text = cite.format(OUTPUT_FORMATS[to], { format: 'text' })
  }
  fs.writeFileSync(output, text)
}

main(process.argv.slice(2))
