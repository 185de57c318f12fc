// Tags sentences with wink-nlp or compromise for the newsgraph NLP benchmark.
// Usage: node tag.js wink|compromise < sentences.jsonl > tagged.jsonl
// Input: one JSON string (sentence text) per line. Output: one JSON array of
// [token, tag] pairs per line, then a final line {"seconds": s, "tokens": n}
// timing only the tagging (not reading or writing).
const fs = require('fs');
const tool = process.argv[2];
const lines = fs.readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
let tagOne;
if (tool === 'wink') {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  tagOne = (text) => {
    const doc = nlp.readDoc(text);
    const toks = doc.tokens().out();
    const pos = doc.tokens().out(its.pos);
    return toks.map((t, i) => [t, pos[i]]);
  };
} else if (tool === 'compromise') {
  const nlp = require('compromise');
  tagOne = (text) => {
    const out = [];
    for (const s of nlp(text).json()) {
      for (const t of s.terms) {
        out.push([t.text, t.tags.join(',')]);
      }
    }
    return out;
  };
} else {
  console.error('usage: node tag.js wink|compromise');
  process.exit(2);
}
const results = [];
let tokens = 0;
const t0 = process.hrtime.bigint();
for (const text of lines) {
  const r = tagOne(text);
  tokens += r.length;
  results.push(r);
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const w = [];
for (const r of results) w.push(JSON.stringify(r));
w.push(JSON.stringify({ seconds, tokens }));
fs.writeFileSync(1, w.join('\n') + '\n');
