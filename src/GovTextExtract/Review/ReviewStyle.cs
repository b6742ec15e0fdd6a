namespace GovTextExtract.Review;

/// <summary>The inline style sheets of the review pages. The page's policy names each by its SHA-256, so a change
/// here changes the hash and nothing else needs to follow.</summary>
internal static class ReviewStyle
{
    /// <summary>Fonts that hold the Chinese on Linux (Noto CJK, WenQuanYi), macOS (PingFang, Hiragino) and Windows
    /// (Microsoft YaHei, SimSun), then the generic family.</summary>
    private const string Fonts =
        "system-ui,-apple-system,\"Segoe UI\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",\"WenQuanYi Zen Hei\"," +
        "\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"SimSun\",\"Noto Sans\",sans-serif";

    /// <summary>Colours, layout, marks, table, card and print rules shared by both pages.</summary>
    private const string Common = "*{box-sizing:border-box}" +
        "html,body{margin:0;padding:0}" +
        "body{font-family:" + Fonts + ";font-size:15px;line-height:1.55;color:#1d1f23;background:#fff}" +
        "h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1rem;margin:.3rem 0}" +
        ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
        ".skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.3rem;z-index:9}" +
        "button{font:inherit;cursor:pointer}" +
        ":focus-visible{outline:3px solid #1565c0;outline-offset:1px}" +
        "table{border-collapse:collapse;width:100%}" +
        "th{position:sticky;top:0;background:#eef1f5;z-index:1;text-align:left;font-weight:600;border-bottom:2px solid #b8c0cc}" +
        "th button{border:0;background:none;padding:.35rem .3rem;width:100%;text-align:left;font-weight:600}" +
        "th[aria-sort=ascending] button::after{content:\" ▲\"}th[aria-sort=descending] button::after{content:\" ▼\"}" +
        "td{padding:.3rem;border-bottom:1px solid #e3e6ea;vertical-align:top}" +
        "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}" +
        ".st{display:inline-block;border-radius:3px;padding:0 .35rem;border:1px solid transparent;white-space:nowrap}" +
        ".st-exceeded{background:#d7f0dd;color:#0b5a22}.st-met{background:#e3f1d5;color:#2f5a0b}" +
        ".st-not_met{background:#fbdcdc;color:#8a1010}.st-pending{background:#fff0c8;color:#6a4a00}" +
        ".st-unknown{background:#eceef1;color:#454b55}" +
        ".flag{display:inline-block;border-radius:3px;padding:0 .3rem;margin:0 .15rem .1rem 0;font-size:.85em;white-space:nowrap;border:1px solid}" +
        ".flag.s2{background:#fde2e2;border-color:#c62828;color:#8a1010}" +
        ".flag.s1{background:#fff1d6;border-color:#e08a00;color:#6a4300}" +
        ".flag.s0{background:#eef1f5;border-color:#9aa3ae;color:#39414b}";

    /// <summary>The review page of one document or a pair.</summary>
    public const string Page = Common +
        "header#summary{padding:.6rem 1rem;border-bottom:1px solid #d5d9df;background:#f8f9fb}" +
        ".meta{margin:0 0 .4rem;color:#4a515c}.back{margin:0}" +
        ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.6rem}" +
        ".cards section{background:#fff;border:1px solid #dde1e6;border-radius:4px;padding:.3rem .6rem;max-height:12rem;overflow:auto}" +
        ".counts{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem}" +
        ".counts button{padding:.1rem .45rem}" +
        ".list{margin:0;padding-left:1.1rem}" +
        ".keys,.legend{margin:.4rem 0 0;font-size:.9em;color:#39414b}" +
        "kbd{border:1px solid #b8c0cc;border-radius:3px;padding:0 .25rem;background:#fff;font-family:inherit}" +
        ".warn{color:#8a1010}" +
        ".panes{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);height:100vh}" +
        ".pair .panes{grid-template-columns:minmax(0,1fr) minmax(0,1fr);grid-template-rows:58vh 42vh;height:auto}" +
        ".pair .records{grid-column:1/3;border-top:1px solid #d5d9df}" +
        ".doc{display:flex;flex-direction:column;min-height:0;border-right:1px solid #d5d9df}" +
        ".doc-h{margin:0;padding:.35rem 1rem;background:#eef1f5;border-bottom:1px solid #d5d9df;font-size:.95rem}" +
        ".text{flex:1;overflow:auto;padding:.6rem 1rem 40vh;white-space:pre-wrap;overflow-wrap:anywhere;font-size:16px;line-height:1.8}" +
        ".chunk{content-visibility:auto;contain-intrinsic-size:auto 900px}" +
        ".records{display:flex;flex-direction:column;min-height:0}" +
        ".records h2{margin:0;padding:.35rem .6rem;background:#eef1f5;border-bottom:1px solid #d5d9df}" +
        ".filters{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:center;padding:.35rem .6rem;border-bottom:1px solid #d5d9df}" +
        ".filters select{font:inherit;max-width:14rem}" +
        "#shown{margin-left:auto;color:#4a515c}" +
        ".table-wrap{flex:1;overflow:auto;min-height:0}" +
        // Rows laid out as grids, not table rows, so that the browser may skip the rows off screen of a long table
        // (content-visibility); the ARIA roles keep the table's semantics.
        "#table{display:block;font-size:13px}#table thead{display:block;position:sticky;top:0;z-index:1}#table tbody{display:block}" +
        "#table tr{display:grid;grid-template-columns:2.6rem minmax(0,1.7fr) minmax(0,1fr) minmax(0,1fr) 4.2rem 6rem 5.6rem 3.4rem minmax(0,1.3fr)}" +
        "#table tr[hidden]{display:none}#table .flag{white-space:normal;overflow-wrap:anywhere}#table th{position:static}#table th,#table td{display:block;min-width:0;overflow-wrap:anywhere}" +
        "#table tbody tr{scroll-margin-top:3.2em}#table.long tbody tr{content-visibility:auto;contain-intrinsic-size:auto 2.6em}" +
        "tr.row{cursor:pointer}tr.row:hover{background:#f3f6fa}" +
        "tr.row.s2 td:first-child{box-shadow:inset 4px 0 #c62828}tr.row.s1 td:first-child{box-shadow:inset 4px 0 #e08a00}" +
        "tr.row.s0 td:first-child{box-shadow:inset 4px 0 #9aa3ae}" +
        "tr.row.sel{background:#fff6c2}tr.row.sel td{border-bottom-color:#e0c200}" +
        "mark{color:inherit;border-radius:2px;padding:0 1px;cursor:pointer}" +
        "mark.t{background:#cfe2ff}mark.a{background:#c8efd1}mark.r{background:#f1d6ff}" +
        "mark.t.a{background:linear-gradient(#cfe2ff 50%,#c8efd1 50%)}mark.a.r{background:linear-gradient(#c8efd1 50%,#f1d6ff 50%)}" +
        "mark.t.r{background:linear-gradient(#cfe2ff 50%,#f1d6ff 50%)}" +
        "mark.f{outline:1px dashed #8a5a00}mark.f:not(.t):not(.a):not(.r){background:#fff3d6}" +
        "mark.s2,.u.s2{text-decoration:underline wavy #c62828 2px;text-underline-offset:3px}" +
        "mark.s1,.u.s1{text-decoration:underline #e08a00 2px;text-underline-offset:3px}" +
        "mark.s0,.u.s0{text-decoration:underline dotted #6b7480 2px;text-underline-offset:3px}" +
        "mark.hl{outline:3px solid #e65100;outline-offset:1px;background:#ffe082}" +
        "#tip{position:fixed;z-index:20;max-width:28rem;background:#1d1f23;color:#fff;border-radius:4px;padding:.45rem .6rem;" +
        "font-size:13px;line-height:1.45;box-shadow:0 2px 8px rgba(0,0,0,.3);pointer-events:none}" +
        "#tip .rec+.rec{border-top:1px solid #555;margin-top:.3rem;padding-top:.3rem}#tip b{color:#ffd54f}" +
        "#tip .s2{color:#ff8a80}#tip .s1{color:#ffcc80}#tip .s0{color:#cfd8dc}" +
        "@media (max-width:900px){.panes,.pair .panes{display:block;height:auto}.text{max-height:70vh}.table-wrap{max-height:80vh}}" +
        "@media print{body{font-size:11pt}.doc,.filters,.keys,.legend,.skip,.back,#tip,th button::after{display:none!important}" +
        ".panes,.pair .panes{display:block;height:auto}.table-wrap{overflow:visible}" +
        ".cards section{max-height:none;overflow:visible;break-inside:avoid}" +
        "#table thead{position:static}tr.row{display:none!important}tr.row.flagged{display:grid!important;break-inside:avoid}" +
        ".records h2::after{content:\" (flagged)\"}mark{background:none!important}}";

    /// <summary>The index of a batch's review pages.</summary>
    public const string Index = Common +
        "body{padding:1rem}.meta{color:#4a515c}" +
        "td.failed{color:#8a1010}tr.s2 td:first-child{box-shadow:inset 4px 0 #c62828}" +
        "tr.s1 td:first-child{box-shadow:inset 4px 0 #e08a00}" +
        "@media print{th button::after{display:none}th{position:static}}";
}
