// The sheet's stylesheet: screen cards, a stacked layout for phones, and print rules that fit
// one workout on one A4 or Letter page (no @page size, so the printer's paper decides).
#include "runtime/export/html/html_internal.hpp"

namespace reps::html {

std::string_view stylesheet() {
    // Sizes in mm and pt so that screen and paper agree; colours are one restrained hue per
    // segment kind and per phase, and print exactly (print-color-adjust) so the bar survives.
    return R"css(:root {
  --ink: #1c2631; --muted: #5a6877; --faint: #8d99a6; --line: #d8dfe6; --soft: #f2f5f8;
  --work: #23707a; --rest: #cdd7e0; --switch: #e0a03a; --transition: #98abbd;
  --warmup: #c8742a; --main: #23707a; --cooldown: #3d68a8; --phase: var(--main);
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: #e8ecf0; color: var(--ink);
  font: 10pt/1.35 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-variant-numeric: tabular-nums;
}
.page {
  background: #fff; max-width: 210mm; margin: 6mm auto; padding: 12mm;
  box-shadow: 0 1px 3px rgba(20, 30, 40, .18);
}
h1, h2, p, ul, dl, figure { margin: 0; }
.head { display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm;
  padding-bottom: 2.5mm; border-bottom: 2pt solid var(--ink); }
.kicker, h2, .facts dt, .blocks thead th, .agenda .label {
  font-size: 6.8pt; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--muted);
}
.heading { min-width: 0; }
h1 { overflow-wrap: anywhere; font-size: 17pt; line-height: 1.12; font-weight: 700; letter-spacing: -.01em; margin-top: .8mm; }
.facts { display: flex; flex: none; }
.facts div { padding-left: 3.5mm; margin-left: 3.5mm; border-left: 1px solid var(--line); }
.facts dd { margin: .4mm 0 0; font-size: 11pt; font-weight: 600; white-space: nowrap; }
.facts .blank { display: inline-block; width: 26mm; height: 4.2mm; border-bottom: 1px solid var(--faint); }
.agenda { margin-top: 2mm; font-size: 8pt; color: var(--muted); }
.agenda .label { margin-right: 2mm; }
.agenda .item { display: inline-block; margin-right: 3.5mm; }
.agenda .item b { color: var(--ink); font-weight: 600; }
.agenda .current { color: var(--ink); background: var(--soft); outline: 1px solid var(--line); padding: 0 1mm; }
.summary { display: grid; grid-template-columns: 3fr 5fr; gap: 6mm; margin-top: 2.5mm; }
h2 { margin-bottom: 1mm; }
.summary ul { list-style: none; padding: 0; }
.equipment li { display: inline-block; margin: 0 3mm .5mm 0; font-size: 8pt; }
.equipment li::before { content: ""; display: inline-block; width: 2.3mm; height: 2.3mm; margin-right: 1.2mm;
  border: 1px solid var(--muted); border-radius: .4mm; vertical-align: -.1mm; }
.regions ul { display: flex; flex-wrap: wrap; gap: .9mm 1.2mm; }
.regions li { font-size: 7.6pt; padding: .1mm 1.4mm; border: 1px solid var(--line); border-radius: 1.2mm; }
.regions li.primary { background: #e5f0f1; border-color: #bcd6d9; }
.regions li b { font-weight: 600; margin-right: .6mm; }
.assist, .none { color: var(--faint); }
.none { font-size: 8.5pt; }
.timeline { margin-top: 3mm; }
.timeline svg { display: block; width: 100%; height: auto; overflow: visible; }
.timeline text { font-size: 12px; fill: var(--muted); }
.timeline .track { fill: var(--soft); }
.k-work { fill: var(--work); background: var(--work); }
.k-rest { fill: var(--rest); background: var(--rest); }
.k-switch { fill: var(--switch); background: var(--switch); }
.k-transition { fill: var(--transition); background: var(--transition); }
.tick { stroke: var(--faint); stroke-width: 1; fill: none; }
path.ph-warmup, path.ph-main, path.ph-cooldown { fill: none; stroke-width: 1.5; }
path.ph-warmup { stroke: var(--warmup); } path.ph-main { stroke: var(--main); } path.ph-cooldown { stroke: var(--cooldown); }
.timeline text.ph-warmup { fill: var(--warmup); } .timeline text.ph-main { fill: var(--main); }
.timeline text.ph-cooldown { fill: var(--cooldown); }
.timeline text[class^="ph-"] { font-size: 11px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 4mm; margin-top: .6mm; font-size: 7.5pt; color: var(--muted); }
.sw { display: inline-block; width: 2.6mm; height: 2.6mm; margin-right: 1.1mm; border-radius: .5mm; vertical-align: -.3mm; }
.blocks { width: 100%; border-collapse: collapse; margin-top: 2.5mm; }
.blocks thead th { text-align: left; padding: 0 1.4mm 1mm; border-bottom: 1px solid var(--ink); }
.blocks thead th span { font-weight: 400; letter-spacing: 0; text-transform: none; }
.blocks td { padding: .9mm 1.4mm; border-bottom: 1px solid var(--line); vertical-align: top; }
tbody.warmup { --phase: var(--warmup); } tbody.cooldown { --phase: var(--cooldown); }
.phase-head th { padding: 2.2mm 1.4mm .6mm; text-align: left; font-size: 8.5pt; font-weight: 700; letter-spacing: .08em;
  text-transform: uppercase; color: var(--phase); border-bottom: 1.5pt solid var(--phase); }
.phase-head .span, .took { float: right; font-weight: 400; letter-spacing: 0; text-transform: none; color: var(--muted); }
td.n { width: 15mm; font-weight: 700; color: var(--phase); white-space: nowrap; }
/* The start time beside the number and the side badge beside the dose keep a row one line. */
td.n small { margin-left: 1.2mm; font-size: 6.5pt; font-weight: 400; color: var(--faint); }
td.ex b { font-weight: 600; }
.cue { display: block; margin-top: .3mm; font-size: 8pt; font-style: italic; color: var(--muted); }
td.dose { white-space: nowrap; font-weight: 600; }
.alts { display: block; font-size: 7pt; line-height: 1.15; color: var(--muted); }
.alt + .alt::before { content: " \00b7  "; }
.alt .cue { display: inline; font-size: 7pt; }
.side { display: inline-block; margin-left: 1.2mm; padding: 0 .9mm; vertical-align: .2mm; font-size: 6.3pt; font-weight: 600;
  letter-spacing: .05em; text-transform: uppercase; color: var(--cooldown); border: .8pt solid currentColor; border-radius: .8mm; }
td.load, td.tempo, td.rest { white-space: nowrap; font-size: 9pt; }
th.log, td.log { width: 47mm; }
.boxes { display: flex; flex-wrap: wrap; gap: 1mm; }
.box { position: relative; width: 12.5mm; height: 5.6mm; border: .8pt solid var(--faint); border-radius: .8mm; }
.box i { position: absolute; left: .6mm; top: .1mm; font-size: 5.5pt; font-style: normal; color: var(--faint); }
.box.split::after { content: ""; position: absolute; left: 55%; top: 1.3mm; bottom: 1.3mm; border-left: .6pt solid var(--line); }
.box.sides { width: 12.5mm; }
.box.sides::after { content: ""; position: absolute; left: 50%; top: .8mm; bottom: .8mm; border-left: .6pt solid var(--line); }
.box.sides b { position: absolute; bottom: 0; font-size: 4.8pt; font-weight: 600; color: var(--faint); }
.box.sides b:first-of-type { left: 38%; } .box.sides b:last-of-type { right: 4%; }
.box.reps { width: 9mm; }
.box.tick { width: 5.6mm; }
.box.rounds { width: 20mm; }
.boxes.many { gap: .6mm; }
.boxes.many .box { width: 4.7mm; }
.boxes.many .box.split, .boxes.many .box.sides { width: 9.5mm; }
tr.group-head td { padding-top: .7mm; padding-bottom: .7mm; background: var(--soft); font-size: 8.5pt; border-bottom: 0; }
tr.group-head .kind { margin-right: 1.5mm; color: var(--phase); letter-spacing: .06em; text-transform: uppercase; }
tr.group-head td.log { padding: .6mm 1.4mm; }
tr.in-group td.n { font-size: 8.5pt; border-left: 2pt solid var(--phase); }
tr.pause td, tr.note td { padding-top: .9mm; padding-bottom: .9mm; font-size: 8.5pt; color: var(--muted); font-style: italic; }
tr.note td:last-child::before { content: "Note  "; font-style: normal; font-weight: 600; font-size: 6.8pt;
  letter-spacing: .08em; text-transform: uppercase; white-space: pre; }
.overview-page h2 { margin-top: 4mm; }
.overview-page h2 span { font-weight: 400; letter-spacing: 0; text-transform: none; }
table.overview { width: 100%; border-collapse: collapse; font-size: 8pt; }
table.overview th, table.overview td { text-align: left; vertical-align: top; padding: .8mm 1.2mm; border-bottom: 1px solid var(--line); }
table.overview tbody th { font-weight: 600; white-space: nowrap; }
table.overview thead th { border-bottom: 1px solid var(--ink); font-weight: 600; white-space: nowrap; }
table.overview td b { font-weight: 600; }
table.overview .len { display: block; font-weight: 400; color: var(--muted); }
.progression td { white-space: nowrap; }
.session-log { display: flex; gap: 6mm; margin-top: 2mm; }
.session-log h2 span { font-weight: 400; letter-spacing: 0; text-transform: none; }
.rpe-box { display: block; width: 14mm; height: 6.5mm; border: .8pt solid var(--faint); border-radius: .8mm; }
.session-log .notes { flex: 1; }
.session-log .line { display: block; height: 4.5mm; border-bottom: 1px solid var(--faint); }
.foot { display: flex; justify-content: space-between; gap: 4mm; margin-top: 2mm; font-size: 7pt; color: var(--faint); }
.runs-only .agenda { font-size: 10pt; margin-top: 4mm; }
.runs-only .agenda .item { display: block; margin: 1mm 0; }
.empty { margin-top: 4mm; color: var(--muted); }
@page { margin: 12mm; }
@media print {
  body { background: #fff; font-size: 9.5pt; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .page + .page { break-before: page; }
  .head, .summary, .timeline, tr, .session-log, .foot { break-inside: avoid; }
  /* Tighter rows on paper, so that a long session fits Letter, which is 18 mm shorter than A4. */
  .blocks td { padding-top: .6mm; padding-bottom: .6mm; }
  .box { height: 5mm; }
  .summary { margin-top: 2mm; }
  .timeline { margin-top: 2mm; }
  .dense .blocks td { padding-top: .15mm; padding-bottom: .15mm; font-size: 9pt; }
  .dense .box { height: 4.4mm; }
  .dense .phase-head th { padding-top: 1.2mm; }
  .dense .regions li { font-size: 7pt; }
  tr.group-head, .phase-head { break-after: avoid; }
}
@media screen and (max-width: 640px) {
  body { background: #fff; }
  .page { margin: 0; padding: 4mm; box-shadow: none; }
  .page + .page { border-top: 6px solid var(--line); }
  .head { flex-direction: column; align-items: flex-start; gap: 2mm; }
  .facts div:first-child { margin-left: 0; padding-left: 0; border-left: 0; }
  .summary { grid-template-columns: 1fr; gap: 3mm; }
  .blocks, .blocks tbody, .blocks tr, .blocks td, .blocks th { display: block; width: auto; }
  .blocks thead { display: none; }
  /* A row is a card: number and exercise, then dose, load, tempo and rest on one line, then the boxes. */
  .blocks tr.row, .blocks tr.group-head { display: flex; flex-wrap: wrap; align-items: baseline; }
  .blocks tr.row { padding: 1.5mm 0; border-bottom: 1px solid var(--line); }
  .blocks tr td { border: 0; padding: .4mm 1.4mm; }
  .blocks td.n { flex: 0 0 10mm; }
  .blocks td.n small { display: block; margin-left: 0; }
  .blocks td.ex, .blocks tr.group-head td:nth-child(2) { flex: 1 1 calc(100% - 10mm); }
  .blocks td.dose { margin-left: 10mm; }
  .blocks td[data-label]:empty, .blocks td.log:empty { display: none; }
  .blocks td[data-label]::before { content: attr(data-label) " "; font-size: 6.8pt; font-weight: 600;
    letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
  .blocks td.log { flex-basis: 100%; padding-left: 11.4mm; }
  .side { display: inline-block; margin: 0 0 0 1mm; }
  .took { float: none; display: block; }
}
)css";
}

}  // namespace reps::html
