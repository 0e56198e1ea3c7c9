/** The one stylesheet, served from /style.css: the Content-Security-Policy allows no inline style. */
export const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; color: #1b1b1b; }
header { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; border-bottom: 1px solid #ccc; }
header h1 { font-size: 1.25rem; margin: .5rem 0; }
form input[type=search] { width: 22rem; padding: .25rem .4rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e3e3e3; }
.decision { border: 1px solid #d5d5d5; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
.decision h3 { margin: .3rem 0; font-size: 1.05rem; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 4px; background: #eee; font-size: .85rem; }
.badge.new { background: #d9f2d9; } .badge.version { background: #dbe8ff; }
.badge.near-duplicate, .badge.duplicate { background: #ffe8c2; } .badge.superseded { background: #eee; }
.text { white-space: pre-wrap; background: #fafafa; border-left: 3px solid #ccc; padding: .5rem .8rem; max-height: 28rem; overflow: auto; }
mark.shared { background: #ffe066; } mark.evidence { background: #b9f0c7; }
dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.figures dt { color: #555; } dl.figures dd { margin: 0; }
.muted { color: #666; } code { font-size: .85em; word-break: break-all; }
`;
