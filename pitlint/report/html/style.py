"""The page's one stylesheet. Severity shows twice, so a greyscale print still tells them apart:
by colour, and by the underline (error solid, warning dashed, info dotted) with the number."""

STYLE = """
:root { --error: #b3261e; --warning: #a86400; --info: #2f6db5; --tailored: #3b6f9e; --slip: #b3261e;
  --error-bg: #fbdcd9; --warning-bg: #fdecc8; --info-bg: #dde9f8; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 0 auto; max-width: 80rem;
  color: #1b1b1b; line-height: 1.5; padding: 1rem 1.2rem 4rem; }
h1 { font-size: 1.6rem; margin: .6rem 0 .2rem; }
h2 { font-size: 1.3rem; margin: 2.4rem 0 .4rem; border-bottom: 2px solid #ccc; overflow-wrap: anywhere; }
.meta { color: #555; margin: .2rem 0; }
table.summary { border-collapse: collapse; margin: .8rem 0; }
.summary th, .summary td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }
.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
.summary td.path { overflow-wrap: anywhere; max-width: 40rem; }
.unreadable { color: var(--error); font-weight: 600; }
.legend { border: 1px solid #ddd; background: #fafafa; padding: .5rem .9rem; margin: .8rem 0; }
.legend h2 { font-size: 1rem; margin: 0 0 .3rem; border: 0; }
.legend ul { margin: 0; padding-left: 1.1rem; columns: 2 22rem; }
.legend li { margin: .15rem 0; }
nav.jump { font-size: .85rem; margin: .4rem 0 1rem; line-height: 2; }
nav.jump a { text-decoration: none; border: 1px solid #ccc; border-radius: .3rem; padding: .05rem .35rem;
  margin-right: .2rem; color: inherit; white-space: nowrap; }
nav.jump a.error { border-color: var(--error); } nav.jump a.warning { border-color: var(--warning); }
nav.jump a.info { border-color: var(--info); }
.toplink { font-size: .85rem; }
.draft { border-top: 1px solid #eee; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0 1.4rem;
  border-bottom: 1px solid #eee; padding: .35rem 0; }
.para { position: relative; padding-left: 2.4rem; font-family: Georgia, "Times New Roman", serif; font-size: 1.02rem;
  overflow-wrap: anywhere; white-space: pre-wrap; }
.para p, .para h3 { margin: .15rem 0; }
.para h3 { font: 700 1.08rem system-ui, sans-serif; }
.pno { position: absolute; left: 0; top: .2rem; width: 2rem; text-align: right; color: #888;
  font: .75rem system-ui, sans-serif; }
mark { color: inherit; background: var(--info-bg); border-bottom: 2px dotted var(--info); padding: 0 0 .3em; }
mark mark { padding-bottom: .15em; } mark mark mark { padding-bottom: 0; }
mark.error { background: var(--error-bg); border-bottom: 3px solid var(--error); }
mark.warning { background: var(--warning-bg); border-bottom: 2px dashed var(--warning); }
mark.point::before { content: "\\2038"; font-weight: 700; }
.ref { font: 700 .7rem system-ui, sans-serif; vertical-align: super; text-decoration: none; color: #fff;
  background: #555; border-radius: .6rem; padding: 0 .3rem; margin-left: .1rem; white-space: nowrap; }
mark.error > .ref { background: var(--error); } mark.warning > .ref { background: var(--warning); }
mark.info > .ref { background: var(--info); }
.notes { font-size: .92rem; }
.note { border-left: 5px solid #999; background: #fafafa; margin: .3rem 0; padding: .35rem .7rem; break-inside: avoid; }
.note.error { border-color: var(--error); } .note.warning { border-color: var(--warning); border-left-style: dashed; }
.note.info { border-color: var(--info); border-left-style: dotted; }
.note p { margin: .2rem 0; overflow-wrap: anywhere; }
.note .num { font-weight: 700; text-decoration: none; color: inherit; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; padding: 0 .4rem; border-radius: .3rem;
  color: #fff; background: #666; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
.where { color: #555; font-size: .85rem; }
.fix, .suggestion { color: #1d5e20; } .fix q, .suggestion q { font-family: Georgia, serif; }
.about summary { cursor: pointer; color: #444; font-size: .85rem; }
.about .example { font-family: Georgia, serif; background: #fff; border: 1px solid #ddd; padding: .2rem .5rem; }
.whole { margin: .6rem 0; } .whole h3 { font-size: 1rem; margin: .4rem 0; }
.compare { grid-column: 1 / -1; margin: .4rem 0 .2rem 2.4rem; break-inside: avoid; }
.compare h4 { margin: 0 0 .2rem; font: 600 .82rem system-ui, sans-serif; color: #555; }
.compare .sides { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; }
.compare .sides > div { background: #fff; border: 1px solid #ddd; padding: .3rem .6rem; font-family: Georgia, serif;
  overflow-wrap: anywhere; }
.compare h5 { margin: 0 0 .2rem; font: 600 .78rem system-ui, sans-serif; color: #666; }
.tailored { text-decoration: underline 2px var(--tailored); text-underline-offset: .2em; background: #eef3f8; }
.theirs { color: #555; background: #f0f0f0; }
.slip { text-decoration: underline wavy 2px var(--slip); text-underline-offset: .2em; background: #fbe3e1; }
.approved { background: #dff3e0; text-decoration: underline 2px #1d5e20; text-underline-offset: .2em; }
.gap { font-weight: 700; padding: 0 .1rem; } .gap.tailored { color: var(--tailored); } .gap.slip { color: var(--slip); }
@media (max-width: 52rem) {
  .row { grid-template-columns: minmax(0, 1fr); } .compare { margin-left: 0; }
  .compare .sides { grid-template-columns: minmax(0, 1fr); } .para { padding-left: 1.8rem; }
  .pno { width: 1.4rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.jump, .toplink, details.about { display: none; }
  .row { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); break-inside: auto; }
  .note, .compare, .para, tr { break-inside: avoid; }
  h2 { break-after: avoid; } section.file { break-before: page; } section.file:first-of-type { break-before: auto; }
  mark, .note, .tailored, .slip, .approved, .ref, .badge {
    print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; }
}
"""
